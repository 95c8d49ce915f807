// What a logged event shows in a ledger: its counts in the campaign's order.
import type { MetricDefinitionView } from '../api/types.js';
import { formatNumber } from './numbers.js';

export interface MetricLine {
  key: string;
  label: string;
  /** The value as logged (decimal string), '0' for a defined metric without one. */
  value: string;
  unit: string;
}

/**
 * Every count of an event: the campaign's metrics in their order (0 where nothing was logged), then
 * values under keys the campaign does not define, named by `labelOf` and `unitOf` (so are all of them
 * when the campaign's definitions are not known).
 */
export function metricLines(
  values: Record<string, string>,
  definitions: readonly MetricDefinitionView[],
  labelOf: (key: string) => string,
  unitOf: (key: string) => string = () => '',
): MetricLine[] {
  const defined = new Set(definitions.map((m) => m.key));
  return [
    ...definitions.map((m) => ({ key: m.key, label: m.label, value: values[m.key] ?? '0', unit: m.unit })),
    ...Object.entries(values)
      .filter(([k]) => !defined.has(k))
      .map(([k, v]) => ({ key: k, label: labelOf(k), value: v, unit: unitOf(k) })),
  ];
}

/** "受众人次 1,200人次，发放宣传单 3,000份": the counts that are not zero, for a ledger's one line. */
export function keyMetricText(lines: readonly MetricLine[], separator = '，'): string {
  return lines
    .filter((l) => Number(l.value) !== 0)
    .map((l) => `${l.label} ${formatNumber(l.value)}${l.unit}`)
    .join(separator);
}

/** The page to show once `total` is known: a page past the end (events deleted meanwhile) becomes the last. */
export function pageWithin(page: number, total: number, pageSize: number): number {
  return Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / pageSize)));
}
