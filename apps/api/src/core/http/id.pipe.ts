import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUuid } from '../access/access.service.js';
import { NotFound } from '../errors/domain-errors.js';

/** Path ids: anything that is not a UUID cannot name a row, so it answers 404 like a missing row. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new NotFound('Resource');
    return value.toLowerCase();
  }
}
