// Response bodies of the organization routes, as the OpenAPI document describes them.
import {
  ORGANIZATION_KINDS,
  type OrganizationKind,
  type OrganizationTreeNode,
  type OrganizationView,
} from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '../../../core/http/dto/page.response.js';

export class OrganizationResponse implements OrganizationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the tenant’s root' })
  parentId: string | null;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind: OrganizationKind;

  @ApiProperty({ type: String, nullable: true, description: '单位编码: optional, unique in the tenant' })
  code: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: '0 for the root' })
  depth: number;

  @ApiProperty()
  archived: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class OrganizationTreeNodeResponse extends OrganizationResponse implements OrganizationTreeNode {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Units in the whole subtree below this one' })
  descendantCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Users with a membership at this unit itself' })
  memberCount: number;

  @ApiProperty({ type: () => OrganizationTreeNodeResponse, isArray: true })
  children: OrganizationTreeNodeResponse[];
}

export const OrganizationPageResponse = PageResponse(OrganizationResponse);

export class OrganizationRemovedResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The unused leaf was deleted' })
  deleted: boolean;

  @ApiProperty({ description: 'Other rows refer to it, so it was archived instead' })
  archived: boolean;
}
