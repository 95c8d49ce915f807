// Rows → the API's views (libs/contracts/src/events.ts).
import type { EventDetailView, EventType, EventView, MetricKind, PhotoView } from '@campaign-month/contracts';
import { API_PREFIX } from '../../core/http/configure-app.js';
import { dateToDay } from '../../core/time/calendar.js';
import { formatMetricValue } from './metric-values.js';

/** What list and detail queries select for an event. */
export const eventSelect = {
  id: true,
  campaignId: true,
  organizationId: true,
  taskId: true,
  type: true,
  title: true,
  occurredOn: true,
  location: true,
  description: true,
  authorId: true,
  createdAt: true,
  updatedAt: true,
  organization: { select: { name: true } },
  metricValues: { select: { value: true, metric: { select: { key: true, kind: true, sortOrder: true } } } },
  _count: { select: { photos: true } },
} as const;

export interface EventRow {
  id: string;
  campaignId: string;
  organizationId: string;
  taskId: string | null;
  type: string;
  title: string;
  occurredOn: Date;
  location: string | null;
  description: string | null;
  authorId: string | null;
  createdAt: Date;
  updatedAt: Date;
  organization: { name: string };
  metricValues: { value: { toFixed(dp: number): string }; metric: { key: string; kind: string; sortOrder: number } }[];
  _count: { photos: number };
}

export const photoSelect = {
  id: true,
  eventId: true,
  contentType: true,
  sizeBytes: true,
  width: true,
  height: true,
  sha256: true,
  originalName: true,
  capturedAt: true,
  capturedOutsideEventDay: true,
  inSummary: true,
  createdAt: true,
} as const;

export interface PhotoRow {
  id: string;
  eventId: string;
  contentType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  sha256: string;
  originalName: string | null;
  capturedAt: Date | null;
  capturedOutsideEventDay: boolean;
  inSummary: boolean;
  createdAt: Date;
}

/** `offDayPhotos`: how many of its photos carry the capture-day hint (counted by the caller, in SQL). */
export function toEventView(row: EventRow, offDayPhotos = 0): EventView {
  const metrics: Record<string, string> = {};
  const values = [...row.metricValues].sort(
    (a, b) => a.metric.sortOrder - b.metric.sortOrder || a.metric.key.localeCompare(b.metric.key),
  );
  for (const v of values) metrics[v.metric.key] = formatMetricValue(v.value.toFixed(2), v.metric.kind as MetricKind);
  return {
    id: row.id,
    campaignId: row.campaignId,
    organizationId: row.organizationId,
    organizationName: row.organization.name,
    taskId: row.taskId,
    type: row.type as EventType,
    title: row.title,
    occurredOn: dateToDay(row.occurredOn),
    location: row.location,
    description: row.description,
    metrics,
    photoCount: row._count.photos,
    offDayPhotoCount: offDayPhotos,
    authorId: row.authorId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function photoPath(id: string, size: 'original' | 'thumb' = 'original'): string {
  return `/${API_PREFIX}/photos/${id}${size === 'thumb' ? '?size=thumb' : ''}`;
}

export function toPhotoView(row: PhotoRow): PhotoView {
  return {
    id: row.id,
    eventId: row.eventId,
    contentType: row.contentType as PhotoView['contentType'],
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    originalName: row.originalName,
    capturedAt: row.capturedAt?.toISOString() ?? null,
    capturedOutsideEventDay: row.capturedOutsideEventDay,
    inSummary: row.inSummary,
    url: photoPath(row.id),
    thumbnailUrl: photoPath(row.id, 'thumb'),
    createdAt: row.createdAt.toISOString(),
  };
}

export function toEventDetailView(row: EventRow & { photos: PhotoRow[] }): EventDetailView {
  const offDay = row.photos.filter((p) => p.capturedOutsideEventDay).length;
  return { ...toEventView(row, offDay), photos: row.photos.map(toPhotoView) };
}
