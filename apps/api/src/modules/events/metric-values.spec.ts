import { formatMetricValue, parseMetrics, parseMetricValue, toCents } from './metric-values.js';

const defs = [
  { id: 'd1', key: 'leaflets', label: '发放宣传单', unit: '份', kind: 'COUNT' as const },
  { id: 'd2', key: 'lossesAvoided', label: '避免损失', unit: '元', kind: 'MONEY' as const },
];

describe('metric values', () => {
  it('keeps money exact to the cent and counts whole', () => {
    expect(parseMetricValue('80000.5', 'MONEY')).toEqual({ value: '80000.50' });
    expect(parseMetricValue(80000.05, 'MONEY')).toEqual({ value: '80000.05' });
    expect(parseMetricValue('999999999999.99', 'MONEY')).toEqual({ value: '999999999999.99' });
    expect(parseMetricValue('3,000', 'COUNT')).toEqual({ value: '3000' });
    expect(parseMetricValue(120, 'COUNT')).toEqual({ value: '120' });
    expect(parseMetricValue('120.00', 'COUNT')).toEqual({ value: '120' });
    expect(parseMetricValue('007', 'COUNT')).toEqual({ value: '7' });
    expect(parseMetricValue(0, 'MONEY')).toEqual({ value: '0.00' });
  });

  it('refuses negatives, fractions of a count, a third decimal, floats that are not exact, and huge values', () => {
    expect(parseMetricValue(-1, 'COUNT')).toEqual({ error: 'must not be negative' });
    expect(parseMetricValue('-0.5', 'MONEY')).toEqual({ error: 'must not be negative' });
    expect(parseMetricValue(1.5, 'COUNT')).toEqual({ error: 'must be a whole number' });
    expect(parseMetricValue('1.005', 'MONEY')).toEqual({ error: 'must have at most two decimals' });
    expect(parseMetricValue(0.1 + 0.2, 'MONEY')).toEqual({ error: 'must have at most two decimals' });
    expect(parseMetricValue(1e13, 'COUNT')).toEqual({ error: 'must be at most 1000000000000' });
    expect(parseMetricValue('1000000000000.01', 'MONEY')).toEqual({ error: 'must be at most 1000000000000' });
    expect(parseMetricValue('1000000000000', 'COUNT')).toEqual({ value: '1000000000000' });
    expect('error' in parseMetricValue('1e3', 'COUNT')).toBe(true);
    expect('error' in parseMetricValue(Number.NaN, 'COUNT')).toBe(true);
    expect('error' in parseMetricValue(true, 'COUNT')).toBe(true);
    expect('error' in parseMetricValue('', 'COUNT')).toBe(true);
  });

  it('names every unknown or bad key as metrics.<key>', () => {
    const { entries, errors } = parseMetrics({ leaflets: 3000, posters: 5, lossesAvoided: 'x' }, defs);
    expect(entries.map((e) => [e.def.key, e.value])).toEqual([['leaflets', '3000']]);
    expect(errors.map((e) => e.field)).toEqual(['metrics.posters', 'metrics.lossesAvoided']);
  });

  it('formats stored numerics and sums in cents', () => {
    expect(formatMetricValue('120.00', 'COUNT')).toBe('120');
    expect(formatMetricValue('80000.5', 'MONEY')).toBe('80000.50');
    expect(toCents('80000.50') + toCents('0.05')).toBe(8000055n);
  });
});
