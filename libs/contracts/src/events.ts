// Publicity events, their metric values and photo evidence, and the ledger (台账) import/export.
// Plain types only: no Prisma, no decorators.
import type { EventType, MetricKind } from './enums.js';

/** The header that makes POST /campaigns/:id/events safe to retry (same key + same body → the first answer). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on a response that replays the answer stored for an Idempotency-Key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Metric values travel as decimal strings so money keeps its cents exactly: COUNT values as integers
 * ("3000"), MONEY values with two decimals ("80000.50"). Requests may send numbers or strings.
 */
export type MetricValues = Record<string, string>;
export type MetricValueInput = number | string;

/** Values are non-negative and at most this. */
export const METRIC_VALUE_MAX = 1_000_000_000_000;

export interface MetricDefinitionView {
  id: string;
  key: string;
  label: string;
  unit: string;
  kind: MetricKind;
}

export interface EventView {
  id: string;
  campaignId: string;
  organizationId: string;
  organizationName: string;
  taskId: string | null;
  type: EventType;
  title: string;
  /** Calendar day in the tenant's time zone, YYYY-MM-DD. */
  occurredOn: string;
  location: string | null;
  description: string | null;
  /** metric key → decimal string; keys without a value are absent. */
  metrics: MetricValues;
  photoCount: number;
  /** Of those, the photos taken on another day than the event's (the capture-day hint, shown to reviewers). */
  offDayPhotoCount: number;
  authorId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PhotoView {
  id: string;
  eventId: string;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  sizeBytes: number;
  width: number | null;
  height: number | null;
  sha256: string;
  originalName: string | null;
  /** From EXIF DateTimeOriginal when present (ISO instant). */
  capturedAt: string | null;
  /** The capture day (tenant time zone) differs from the event's day: a hint, not a rule. */
  capturedOutsideEventDay: boolean;
  /** 入选总结: chosen by the unit for its summary's appendix 附件：活动图片 (at most nine per unit and campaign). */
  inSummary: boolean;
  /** API paths of the image and its thumbnail. */
  url: string;
  thumbnailUrl: string;
  createdAt: string;
}

export interface EventDetailView extends EventView {
  photos: PhotoView[];
}

export interface CreateEventRequest {
  organizationId: string;
  type: EventType;
  title: string;
  occurredOn: string;
  location?: string;
  description?: string;
  taskId?: string;
  metrics?: Record<string, MetricValueInput>;
}

/** Every field optional; null clears location, description and taskId; metrics, when sent, replace all values. */
export interface UpdateEventRequest {
  type?: EventType;
  title?: string;
  occurredOn?: string;
  location?: string | null;
  description?: string | null;
  taskId?: string | null;
  metrics?: Record<string, MetricValueInput>;
}

export const EVENT_SORT_FIELDS = ['occurredOn', 'createdAt'] as const;
export type EventSortField = (typeof EVENT_SORT_FIELDS)[number];

export interface EventListQuery {
  page?: number;
  pageSize?: number;
  /** Events of this unit only. */
  organizationId?: string;
  /** Events of this unit and every unit below it. */
  subtreeOf?: string;
  type?: EventType;
  from?: string;
  to?: string;
  taskId?: string;
  sort?: EventSortField;
  order?: 'asc' | 'desc';
}

/**
 * Column headers of the ledger (台账) workbook; metric columns sit between 内容 and 照片数 as "label(unit)".
 * 编号 (last) is the event's id: a row that carries one is an event already logged, which an import skips.
 */
export const LEDGER_HEADERS = {
  unit: '单位',
  day: '日期',
  type: '活动类型',
  title: '标题',
  location: '地点',
  description: '内容',
  photos: '照片数',
  id: '编号',
} as const;
/** The first cell of the totals row; import skips that row. */
export const LEDGER_TOTALS_LABEL = '合计';

export interface LedgerRowError {
  /** Row number as Excel shows it (1-based). */
  row: number;
  /** Excel column letter when the problem is in one cell. */
  column?: string;
  /** organization | occurredOn | type | title | location | description | metrics.<key> | file */
  field: string;
  message: string;
}

export interface LedgerImportRow {
  row: number;
  /** The created event's id (null in a dry run), or the id in 编号 of an event already logged. */
  id: string | null;
  /** True when 编号 names an event already logged: the row is not imported again. */
  existing: boolean;
  organizationId: string;
  organizationName: string;
  occurredOn: string;
  type: EventType;
  title: string;
  metrics: MetricValues;
}

export interface LedgerImportResult {
  dryRun: boolean;
  /** Events created (or, in a dry run, that would be created). */
  count: number;
  /** Rows whose 编号 names an event already logged (an exported ledger imported back): not imported again. */
  skipped: number;
  rows: LedgerImportRow[];
}
