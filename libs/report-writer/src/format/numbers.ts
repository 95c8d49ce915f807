// Figures as officials write them: 3,000份, 5,000余人次, 1.4万元, 80余万元.
//
// Rules (tested in numbers.spec.ts):
// - counts are exact, grouped by thousands: 3000 → 3,000; a decimal part is kept only if not zero;
// - head-counts (a unit containing 人) from 100 up are rounded down to the coarsest round figure
//   that keeps at least 90% of the value, and 余 marks that something was dropped:
//   5,123 → 5,000余人次, 1,234 → 1,200余人次, 1,200 → 1,200人次; from 10,000 up in 万: 1.2万余人次; from
//   100,000,000 up in 亿: 1.5亿人次;
// - other counts from 100,000,000 up are written in 亿 with the same rounding: 123,456,789份 → 1.2亿余份;
// - money below 10,000元 is exact (950元, 1,234.50元); from 10,000 up it is written in 万元 (亿元
//   from 100,000,000) with the same rounding: 14,000 → 1.4万元, 812,300 → 80余万元, 800,000 → 80万元
//   (an exact value never gets 余: 余 means "more than").

/** A decimal as sign, integer digits and fraction digits (no trailing zeros). */
interface Decimal {
  negative: boolean;
  int: string;
  frac: string;
}

function parseDecimal(value: number | string): Decimal {
  let s = typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(2) : '0') : String(value).trim();
  s = s.replace(/,/g, '');
  if (!/^-?\d*(\.\d*)?$/.test(s) || s === '' || s === '-') s = '0';
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  const [rawInt = '', rawFrac = ''] = s.split('.');
  const int = rawInt.replace(/^0+(?=\d)/, '') || '0';
  const frac = rawFrac.replace(/0+$/, '');
  const isZero = /^0$/.test(int) && frac === '';
  return { negative: negative && !isZero, int, frac };
}

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The decimal as a number (for comparisons and rounding; figures are far below 2^53). */
export function decimalToNumber(value: number | string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const d = parseDecimal(value);
  const n = Number(`${d.int}.${d.frac || '0'}`);
  return d.negative ? -n : n;
}

/** True when the decimal is non-zero. */
export function isNonZero(value: number | string | null | undefined): boolean {
  return decimalToNumber(value) !== 0;
}

/** 3000 → '3,000'; '1234.50' → '1,234.5'; '800000.00' → '800,000'. */
export function formatCount(value: number | string): string {
  const d = parseDecimal(value);
  const body = groupThousands(d.int) + (d.frac ? `.${d.frac}` : '');
  return d.negative ? `-${body}` : body;
}

/** Coarsest round figure ≤ n keeping at least 90% of n (n ≥ 100), and whether it is exact. */
export function roundDownForText(n: number): { value: number; exact: boolean } {
  if (n < 100) return { value: n, exact: true };
  for (let p = 10 ** Math.floor(Math.log10(n)); p >= 10; p /= 10) {
    const floored = Math.floor(n / p) * p;
    if (floored >= 0.9 * n) return { value: floored, exact: floored === n };
  }
  return { value: n, exact: true };
}

/** A rounded value in 万 or 亿: '80余万', '1.4万', '1.2万余'. */
function inLargeUnit(rounded: number, exact: boolean, base: number, unitChar: string): string {
  const q = rounded / base;
  const text = Number.isInteger(q) ? formatCount(q) : formatCount(q.toFixed(4));
  if (exact) return `${text}${unitChar}`;
  return Number.isInteger(q) ? `${text}余${unitChar}` : `${text}${unitChar}余`;
}

/** Head-counts: 86 → '86人次'; 5123 → '5,000余人次'; 12345 → '1.2万余人次'. */
export function formatAudience(value: number | string, unit = '人次'): string {
  const n = decimalToNumber(value);
  if (n < 100) return `${formatCount(value)}${unit}`;
  const { value: r, exact } = roundDownForText(n);
  if (r >= 100_000_000) return `${inLargeUnit(r, exact, 100_000_000, '亿')}${unit}`;
  if (r >= 10_000) return `${inLargeUnit(r, exact, 10_000, '万')}${unit}`;
  return `${formatCount(r)}${exact ? '' : '余'}${unit}`;
}

/** Money in yuan: 950 → '950元'; 14000 → '1.4万元'; '812300.00' → '80余万元'. */
export function formatYuan(value: number | string): string {
  const n = decimalToNumber(value);
  if (Math.abs(n) < 10_000) {
    const d = parseDecimal(value);
    const frac = d.frac ? `.${d.frac.padEnd(2, '0').slice(0, 2)}` : '';
    return `${d.negative ? '-' : ''}${groupThousands(d.int)}${frac}元`;
  }
  const sign = n < 0 ? '-' : '';
  const { value: r, exact } = roundDownForText(Math.abs(n));
  if (r >= 100_000_000) return `${sign}${inLargeUnit(r, exact, 100_000_000, '亿')}元`;
  return `${sign}${inLargeUnit(r, exact, 10_000, '万')}元`;
}

/** A metric value with its unit, the way the genre writes that kind of figure. */
export function formatMetricValue(metric: { kind: 'COUNT' | 'MONEY'; unit: string }, value: number | string): string {
  if (metric.kind === 'MONEY') return formatYuan(value);
  if (metric.unit.includes('人')) return formatAudience(value, metric.unit);
  return `${formatLargeCount(value)}${metric.unit}`;
}

/** Other counts: exact below 100,000,000 (3,000; 12,345,678), in 亿 from there (1.2亿, 1.2亿余). */
export function formatLargeCount(value: number | string): string {
  const n = decimalToNumber(value);
  if (Math.abs(n) < 100_000_000) return formatCount(value);
  const { value: r, exact } = roundDownForText(Math.abs(n));
  return `${n < 0 ? '-' : ''}${inLargeUnit(r, exact, 100_000_000, '亿')}`;
}

/** Sum of decimal strings, kept exact to the cent (metric values have at most two decimals). */
export function sumDecimals(values: (string | undefined)[]): string {
  let cents = 0n;
  for (const v of values) {
    if (!v) continue;
    const [whole, frac = ''] = v.replace(/^-/, '').split('.');
    const c = BigInt(whole || '0') * 100n + BigInt(`${frac}00`.slice(0, 2));
    cents += v.startsWith('-') ? -c : c;
  }
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const whole = abs / 100n;
  const frac = abs % 100n;
  return `${neg ? '-' : ''}${whole}${frac === 0n ? '' : `.${String(frac).padStart(2, '0').replace(/0$/, '')}`}`;
}
