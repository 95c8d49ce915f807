// Response bodies of the event, photo and ledger-import routes, as the OpenAPI document describes them.
import {
  EVENT_TYPES,
  type EventDetailView,
  type EventType,
  type EventView,
  type LedgerImportResult,
  type LedgerImportRow,
  type MetricValues,
  type PhotoView,
} from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '../../../core/http/dto/page.response.js';

const METRIC_VALUES = {
  type: 'object',
  additionalProperties: { type: 'string', pattern: '^\\d+(\\.\\d{2})?$' },
  example: { audience: '500', leaflets: '3000', lossesAvoided: '80000.50' },
  description:
    'Metric key → decimal string (COUNT as an integer, MONEY with two decimals); keys without a value are absent',
} as const;

export class EventResponse implements EventView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty()
  organizationName: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  taskId: string | null;

  @ApiProperty({ enum: EVENT_TYPES })
  type: EventType;

  @ApiProperty({ example: '集市日发放宣传单' })
  title: string;

  @ApiProperty({ example: '2026-11-06', description: 'Calendar day in the tenant’s time zone' })
  occurredOn: string;

  @ApiProperty({ type: String, nullable: true })
  location: string | null;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty(METRIC_VALUES)
  metrics: MetricValues;

  @ApiProperty({ type: 'integer', minimum: 0 })
  photoCount: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: "Photos whose capture day (EXIF) differs from the event's day: a hint against staged photos",
  })
  offDayPhotoCount: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  authorId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const EventPageResponse = PageResponse(EventResponse);

const PHOTO_TYPES: readonly PhotoView['contentType'][] = ['image/jpeg', 'image/png', 'image/webp'];

export class PhotoResponse implements PhotoView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ enum: PHOTO_TYPES })
  contentType: PhotoView['contentType'];

  @ApiProperty({ type: 'integer', minimum: 0 })
  sizeBytes: number;

  @ApiProperty({ type: 'integer', nullable: true })
  width: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  height: number | null;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  sha256: string;

  @ApiProperty({ type: String, nullable: true })
  originalName: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'From EXIF DateTimeOriginal when present',
  })
  capturedAt: string | null;

  @ApiProperty({ description: 'The capture day differs from the event’s day: a hint, not a rule' })
  capturedOutsideEventDay: boolean;

  @ApiProperty({
    description:
      '入选总结: in the appendix 附件：活动图片 of the unit’s summary (PATCH /photos/{id}); at most nine per unit and campaign',
  })
  inSummary: boolean;

  @ApiProperty({ example: '/api/v1/photos/…', description: 'API path of the image' })
  url: string;

  @ApiProperty({ example: '/api/v1/photos/…?size=thumb', description: 'API path of its WebP thumbnail' })
  thumbnailUrl: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class EventDetailResponse extends EventResponse implements EventDetailView {
  @ApiProperty({ type: () => PhotoResponse, isArray: true })
  photos: PhotoResponse[];
}

export class LedgerImportRowResponse implements LedgerImportRow {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Row number as Excel shows it' })
  row: number;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The created event (null in a dry run), or the event named in 编号 when it was already logged',
  })
  id: string | null;

  @ApiProperty({ description: 'True when 编号 names an event already logged: the row is not imported again' })
  existing: boolean;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty()
  organizationName: string;

  @ApiProperty({ example: '2026-11-06' })
  occurredOn: string;

  @ApiProperty({ enum: EVENT_TYPES })
  type: EventType;

  @ApiProperty()
  title: string;

  @ApiProperty(METRIC_VALUES)
  metrics: MetricValues;
}

export class LedgerImportResultResponse implements LedgerImportResult {
  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events created (or, in a dry run, that would be created)' })
  count: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Rows whose 编号 names an event already logged: not imported again',
  })
  skipped: number;

  @ApiProperty({ type: () => LedgerImportRowResponse, isArray: true })
  rows: LedgerImportRowResponse[];
}
