import type { EventType } from '@campaign-month/contracts';
import type { MetricDefinitionView } from '../../api/types.js';

export interface EventFormValues {
  type: EventType;
  title?: string;
  occurredOn: string;
  location?: string;
  description?: string;
  taskId?: string;
  metrics?: Record<string, number | null | undefined>;
}

/** An API field error's place in the event form: metrics.<key> names one count field. */
export function eventFieldPath(field: string): (string | number)[] {
  return field.startsWith('metrics.') ? ['metrics', field.slice(8)] : field.split('.');
}

export const DEFAULT_METRICS: MetricDefinitionView[] = [
  { key: 'audience', label: '', unit: '' },
  { key: 'leaflets', label: '', unit: '' },
  { key: 'posters', label: '', unit: '' },
  { key: 'messages', label: '', unit: '' },
];

/** The JSON body of POST /campaigns/:id/events from the short form; empty counts are left out. */
export function eventBody(v: EventFormValues, organizationId: string, typeLabel: string): Record<string, unknown> {
  const metrics: Record<string, number> = {};
  for (const [k, n] of Object.entries(v.metrics ?? {})) if (typeof n === 'number' && Number.isFinite(n)) metrics[k] = n;
  const location = v.location?.trim() || undefined;
  const title = v.title?.trim() || (location ? `${location}${typeLabel}` : typeLabel);
  return {
    organizationId,
    type: v.type,
    title: title.slice(0, 200),
    occurredOn: v.occurredOn,
    ...(location ? { location } : {}),
    ...(v.description?.trim() ? { description: v.description.trim() } : {}),
    ...(v.taskId ? { taskId: v.taskId } : {}),
    metrics,
  };
}

/** Counts that usually go with an event type; the form shows these first and folds the rest away. */
const RELEVANT: Partial<Record<EventType, string[]>> = {
  LEAFLET: ['leaflets'],
  POSTER: ['posters'],
  MESSAGE_PUSH: ['messages'],
  TAKE_HOME_MATERIAL: ['leaflets'],
  COUNTER_REMINDER: ['interceptedTransactions', 'lossesAvoided'],
  ON_SITE_INTERCEPTION: ['interceptedTransactions', 'lossesAvoided'],
  CASE_EXPOSURE: ['messages'],
  MEDIA: ['messages'],
};

export function splitMetrics<M extends { key: string }>(
  metrics: M[],
  type: EventType | undefined,
): { main: M[]; more: M[] } {
  const wanted = new Set(['audience', ...(type ? (RELEVANT[type] ?? []) : [])]);
  const main = metrics.filter((m) => wanted.has(m.key));
  const more = metrics.filter((m) => !wanted.has(m.key));
  return main.length ? { main, more } : { main: metrics.slice(0, 2), more: metrics.slice(2) };
}
