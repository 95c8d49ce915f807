// Metric values: only the campaign's defined keys, non-negative, at most METRIC_VALUE_MAX; COUNT values
// are whole numbers, MONEY values keep at most two decimals exactly. Values travel as decimal strings
// (docs/decisions/021-metric-values-as-decimal-strings.md) and are checked without floating point.
import { METRIC_VALUE_MAX, type MetricKind, type MetricValues } from '@campaign-month/contracts';
import type { FieldError } from '../../core/errors/domain-errors.js';

export interface MetricDef {
  id: string;
  key: string;
  label: string;
  unit: string;
  kind: MetricKind;
}

export interface MetricEntry {
  def: MetricDef;
  /** Canonical decimal string: '3000' (COUNT) or '80000.50' (MONEY). */
  value: string;
}

const MAX_INT = BigInt(METRIC_VALUE_MAX);
const PLAIN = /^(\d+)(?:\.(\d+))?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** One value → its canonical string, or the reason it is refused. */
export function parseMetricValue(raw: unknown, kind: MetricKind): { value: string } | { error: string } {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { error: 'must be a number' };
    if (raw < 0) return { error: 'must not be negative' };
    if (raw > METRIC_VALUE_MAX) return { error: `must be at most ${METRIC_VALUE_MAX}` };
    text = String(raw);
  } else if (typeof raw === 'string') {
    text = raw.trim();
    if (GROUPED.test(text)) text = text.replaceAll(',', '');
  } else {
    return { error: 'must be a number or a decimal string' };
  }
  if (/^-/.test(text)) return { error: 'must not be negative' };
  const m = PLAIN.exec(text);
  if (!m) return { error: 'must be a number or a decimal string such as "3000" or "80000.50"' };
  const intPart = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (kind === 'COUNT' && frac.length > 0) return { error: 'must be a whole number' };
  if (frac.length > 2) return { error: 'must have at most two decimals' };
  const whole = BigInt(intPart);
  if (whole > MAX_INT || (whole === MAX_INT && frac.length > 0))
    return { error: `must be at most ${METRIC_VALUE_MAX}` };
  return { value: kind === 'MONEY' ? `${intPart}.${frac.padEnd(2, '0')}` : intPart };
}

/**
 * Checks a request's metrics object against the campaign's definitions. Every problem is reported,
 * each naming its field: `metrics.<key>`.
 */
export function parseMetrics(
  input: Record<string, unknown> | undefined,
  defs: readonly MetricDef[],
  prefix = 'metrics',
): { entries: MetricEntry[]; errors: FieldError[] } {
  const entries: MetricEntry[] = [];
  const errors: FieldError[] = [];
  if (!input) return { entries, errors };
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const [key, raw] of Object.entries(input)) {
    const field = `${prefix}.${key}`;
    const def = byKey.get(key);
    if (!def) {
      const known = defs.map((d) => d.key).join(', ') || 'none';
      errors.push({ field, message: `${key} is not a metric of this campaign (defined: ${known})` });
      continue;
    }
    const parsed = parseMetricValue(raw, def.kind);
    if ('error' in parsed) errors.push({ field, message: `${key} ${parsed.error}` });
    else entries.push({ def, value: parsed.value });
  }
  return { entries, errors };
}

/** A stored numeric (as text, e.g. '120.00') → the API's canonical string for its kind. */
export function formatMetricValue(stored: string, kind: MetricKind): string {
  const [intPart = '0', frac = ''] = stored.split('.');
  if (kind === 'COUNT') return intPart;
  return `${intPart}.${frac.padEnd(2, '0').slice(0, 2)}`;
}

export function entriesToValues(entries: readonly MetricEntry[]): MetricValues {
  const out: MetricValues = {};
  for (const e of entries) out[e.def.key] = e.value;
  return out;
}

/** Exact sums of canonical strings (in hundredths, as BigInt). */
export function toCents(value: string): bigint {
  const [i = '0', f = ''] = value.split('.');
  return BigInt(i) * 100n + BigInt(f.padEnd(2, '0').slice(0, 2) || '0');
}

export function centsToNumber(cents: bigint): number {
  return Number(cents) / 100;
}
