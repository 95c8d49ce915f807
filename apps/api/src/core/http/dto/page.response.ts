// The OpenAPI shape of a list answer, { items, total, page, pageSize }, for a given item class: one named
// schema per item type (`EventResponsePage`), built once and reused by every route that returns it.
import type { Page } from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';

type ItemClass = abstract new (...args: never[]) => object;
type PageClass<T extends ItemClass> = abstract new (...args: never[]) => Page<InstanceType<T>>;

const built = new Map<ItemClass, ItemClass>();

export class PageMetaResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows matching the filter' })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 1 })
  page: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 200 })
  pageSize: number;
}

export function PageResponse<T extends ItemClass>(item: T): PageClass<T> {
  const existing = built.get(item);
  if (existing) return existing as unknown as PageClass<T>;
  class ItemPage extends PageMetaResponse {
    @ApiProperty({ type: () => item, isArray: true })
    items: InstanceType<T>[];
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name}Page` });
  built.set(item, ItemPage);
  return ItemPage as unknown as PageClass<T>;
}
