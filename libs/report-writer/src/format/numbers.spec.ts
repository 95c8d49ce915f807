import fc from 'fast-check';
import {
  decimalToNumber,
  formatAudience,
  formatCount,
  formatMetricValue,
  formatYuan,
  roundDownForText,
} from './numbers.js';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [3000, '3,000'],
    [1234567, '1,234,567'],
    ['800000.00', '800,000'],
    ['1234.50', '1,234.5'],
    ['0012', '12'],
    ['-4500', '-4,500'],
    ['not a number', '0'],
  ])('%p → %p', (input, expected) => {
    expect(formatCount(input)).toBe(expected);
  });
});

describe('formatAudience', () => {
  it.each([
    [86, '86人次'],
    [150, '150人次'],
    [1200, '1,200人次'],
    [1234, '1,200余人次'],
    [5123, '5,000余人次'],
    [9999, '9,000余人次'],
    [10000, '1万人次'],
    [12345, '1.2万余人次'],
    [123456, '12余万人次'],
  ])('%p → %p', (input, expected) => {
    expect(formatAudience(input)).toBe(expected);
  });

  it('takes another unit', () => {
    expect(formatAudience('5123', '人')).toBe('5,000余人');
  });
});

describe('formatYuan', () => {
  it.each([
    [950, '950元'],
    ['950.50', '950.50元'],
    ['9999.99', '9,999.99元'],
    [14000, '1.4万元'],
    [14500, '1.4万余元'],
    ['812300.00', '80余万元'],
    ['800000', '80万元'],
    [1356800, '130余万元'],
    [100000000, '1亿元'],
    [123456789, '1.2亿余元'],
  ])('%p → %p', (input, expected) => {
    expect(formatYuan(input)).toBe(expected);
  });
});

describe('roundDownForText', () => {
  it('never rounds up and keeps at least 90% of the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (n) => {
        const { value, exact } = roundDownForText(n);
        expect(value).toBeLessThanOrEqual(n);
        expect(value).toBeGreaterThanOrEqual(0.9 * n);
        expect(exact).toBe(value === n);
      }),
    );
  });

  it('writes 余 exactly when something was dropped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 99_999_999 }), (n) => {
        expect(formatYuan(n).includes('余')).toBe(!roundDownForText(n).exact && n >= 10_000);
      }),
    );
  });
});

describe('formatMetricValue', () => {
  it('writes money in 万元, head-counts approximately and other counts exactly', () => {
    expect(formatMetricValue({ kind: 'MONEY', unit: '元' }, '812300.00')).toBe('80余万元');
    expect(formatMetricValue({ kind: 'COUNT', unit: '人次' }, '5123')).toBe('5,000余人次');
    expect(formatMetricValue({ kind: 'COUNT', unit: '份' }, '3123')).toBe('3,123份');
    expect(formatMetricValue({ kind: 'COUNT', unit: '笔' }, '14')).toBe('14笔');
  });

  it('parses decimal strings', () => {
    expect(decimalToNumber('812300.00')).toBe(812300);
    expect(decimalToNumber(null)).toBe(0);
  });
});
