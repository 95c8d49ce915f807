/** 3000 -> 3,000; '812300.00' -> 812,300; keeps two decimals only when there are cents. */
export function formatNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '0';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  const cents = Math.round(n * 100) % 100 !== 0;
  return n.toLocaleString('en-US', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 });
}

/**
 * A figure's exact value as the rest of the app writes it: a count grouped (1,280, with its measure word
 * when known), money with two decimals and 元 (812,300.00元). `metric` is the figure's metric, when it
 * sums one; a count of events or tasks has none.
 */
export function formatExact(
  value: number | string | null | undefined,
  metric?: { kind?: 'COUNT' | 'MONEY'; unit?: string } | null,
): string {
  const n = typeof value === 'number' ? value : Number(value);
  const money = metric?.kind === 'MONEY' || (!metric?.kind && metric?.unit === '元');
  if (money && Number.isFinite(n))
    return `${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${metric?.unit || '元'}`;
  return `${formatNumber(value)}${metric?.unit ?? ''}`;
}
