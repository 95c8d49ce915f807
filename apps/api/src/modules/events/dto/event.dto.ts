import {
  type CreateEventRequest,
  EVENT_SORT_FIELDS,
  EVENT_TYPES,
  type EventSortField,
  type EventType,
  METRIC_VALUE_MAX,
  type MetricValueInput,
  type UpdateEventRequest,
} from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../core/http/dto/page-query.dto.js';
import { trim } from '../../../core/http/dto/transforms.js';

const TYPE_MESSAGE = `type must be one of ${EVENT_TYPES.join(', ')}`;
const MAX_METRICS = 50;

/** 'YYYY-MM-DD' naming a real day. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const IsCalendarDay = () =>
  ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: isCalendarDay,
      defaultMessage: (args) => `${args?.property} must be a calendar day YYYY-MM-DD`,
    },
  });

/** A plain object of at most 50 keys whose values are numbers or short strings; the keys are checked against the campaign. */
const IsMetricMap = () =>
  ValidateBy({
    name: 'isMetricMap',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= MAX_METRICS &&
        Object.entries(value).every(
          ([k, v]) => k.length <= 64 && (typeof v === 'number' || (typeof v === 'string' && v.length <= 32)),
        ),
      defaultMessage: () => `metrics must map at most ${MAX_METRICS} metric keys to numbers or decimal strings`,
    },
  });

/** Present-or-absent, never null (for PATCH fields that cannot be cleared). */
const IsOptionalNotNull = () => ValidateIf((_o: unknown, v: unknown) => v !== undefined);

const METRICS_DESCRIPTION =
  `Values for the campaign's metric definitions, by key; keys not defined for the campaign answer 400 naming metrics.<key>. ` +
  `Non-negative, at most ${METRIC_VALUE_MAX}; COUNT metrics take whole numbers, MONEY metrics at most two decimals. ` +
  'Send numbers or decimal strings; responses always give decimal strings ("3000", "80000.50") so money stays exact.';
const METRICS_DOC: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    oneOf: [
      { type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$' },
      { type: 'number', minimum: 0 },
    ],
  },
  example: { audience: 500, leaflets: 3000, lossesAvoided: '80000.50' },
  description: METRICS_DESCRIPTION,
};

export class CreateEventDto implements CreateEventRequest {
  @ApiProperty({ description: 'The unit that ran the event: a participant of the campaign inside your scope' })
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;

  @ApiProperty({ enum: EVENT_TYPES })
  @IsIn(EVENT_TYPES, { message: TYPE_MESSAGE })
  type: EventType;

  @ApiProperty({ example: '国旗下反诈宣讲', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({
    example: '2026-11-06',
    description: 'Day of the event (YYYY-MM-DD), inside the campaign period and not after today',
  })
  @IsCalendarDay()
  occurredOn: string;

  @ApiPropertyOptional({ example: '学校操场', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ description: 'A task of this unit in this campaign that the event fulfils' })
  @IsOptional()
  @IsUUID('all', { message: 'taskId must be a UUID' })
  taskId?: string;

  @ApiPropertyOptional(METRICS_DOC)
  @IsOptional()
  @IsObject()
  @IsMetricMap()
  metrics?: Record<string, MetricValueInput>;
}

export class UpdateEventDto implements UpdateEventRequest {
  @ApiPropertyOptional({ enum: EVENT_TYPES })
  @IsOptionalNotNull()
  @IsIn(EVENT_TYPES, { message: TYPE_MESSAGE })
  type?: EventType;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: '2026-11-06' })
  @IsOptionalNotNull()
  @IsCalendarDay()
  occurredOn?: string;

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true, description: 'null clears it' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  location?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 4000, nullable: true, description: 'null clears it' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null detaches the event from its task',
  })
  @IsOptional()
  @IsUUID('all', { message: 'taskId must be a UUID' })
  taskId?: string | null;

  @ApiPropertyOptional({
    ...METRICS_DOC,
    description: `${METRICS_DESCRIPTION} When sent, replaces all of the event's values.`,
  })
  @IsOptionalNotNull()
  @IsObject()
  @IsMetricMap()
  metrics?: Record<string, MetricValueInput>;
}

/** Filters shared by the list and the ledger export. */
export class EventFilterQueryDto {
  @ApiPropertyOptional({ description: 'Events of this unit only' })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({ description: 'Events of this unit and every unit below it' })
  @IsOptional()
  @IsUUID('all', { message: 'subtreeOf must be a UUID' })
  subtreeOf?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES })
  @IsOptional()
  @IsIn(EVENT_TYPES, { message: TYPE_MESSAGE })
  type?: EventType;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day (inclusive)' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day (inclusive)' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'taskId must be a UUID' })
  taskId?: string;
}

export class ListEventsQueryDto extends IntersectionType(PageQueryDto, EventFilterQueryDto) {
  @ApiPropertyOptional({ enum: EVENT_SORT_FIELDS, default: 'occurredOn' })
  @IsOptional()
  @IsIn(EVENT_SORT_FIELDS, { message: `sort must be one of ${EVENT_SORT_FIELDS.join(', ')}` })
  sort?: EventSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order?: 'asc' | 'desc';
}
