import type { AuditQuery } from '@campaign-month/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { isCalendarDay } from '../../../core/http/calendar-day.validator.js';
import { PageQueryDto } from '../../../core/http/dto/page-query.dto.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar day 'YYYY-MM-DD' (in the tenant's time zone) or an ISO timestamp with its offset. */
export function isDayOrInstant(value: unknown): value is string {
  if (isCalendarDay(value)) return true;
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

function IsDayOrInstant(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isDayOrInstant',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a day YYYY-MM-DD or an ISO timestamp such as 2026-11-06T08:00:00+08:00`,
        ...options,
      },
      validator: { validate: (value: unknown) => isDayOrInstant(value) },
    });
}

const NAME = /^[A-Za-z0-9_.:-]+$/;

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Entries made by this user' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional({ maxLength: 64, example: 'user.invite' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(NAME, { message: 'action must be letters, digits and . _ : -' })
  action?: string;

  @ApiPropertyOptional({ maxLength: 64, example: 'User' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(NAME, { message: 'entityType must be letters, digits and . _ : -' })
  entityType?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'The changed row’s id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(NAME, { message: 'entityId must be letters, digits and . _ : -' })
  entityId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Entries of this unit (with subtree=true: and of the units below it); outside your scope: 404',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'subtree must be true or false' })
  subtree?: boolean;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'From this day (tenant time zone) or instant on, inclusive',
  })
  @IsOptional()
  @IsDayOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-30',
    description: 'Up to this day (the whole day, tenant time zone) or instant, inclusive',
  })
  @IsOptional()
  @IsDayOrInstant()
  to?: string;
}
