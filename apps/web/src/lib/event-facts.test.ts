import { describe, expect, it } from 'vitest';
import { tz } from '../i18n/testing.js';
import { keyMetricText, metricLines, pageWithin } from './event-facts.js';

const definitions = [
  { key: 'audience', label: '受众人次', unit: '人次' },
  { key: 'leaflets', label: '发放宣传单', unit: '份' },
  { key: 'funds', label: '投入经费', unit: '元' },
];
const labelOf = (k: string) => tz(`metric.${k}`, { defaultValue: k });

describe('an event in a ledger', () => {
  it('lists every count in the campaign order, 0 where nothing was logged, then keys it does not define', () => {
    const lines = metricLines({ leaflets: '3000', audience: '1200', posters: '40', zzz: '2' }, definitions, labelOf);
    expect(lines).toEqual([
      { key: 'audience', label: '受众人次', value: '1200', unit: '人次' },
      { key: 'leaflets', label: '发放宣传单', value: '3000', unit: '份' },
      { key: 'funds', label: '投入经费', value: '0', unit: '元' },
      { key: 'posters', label: '张贴海报', value: '40', unit: '' },
      { key: 'zzz', label: 'zzz', value: '2', unit: '' },
    ]);
  });

  it('labels the values itself when the campaign definitions are not known', () => {
    expect(metricLines({ audience: '5' }, [], labelOf)).toEqual([
      { key: 'audience', label: '受众人次', value: '5', unit: '' },
    ]);
    const unitOf = (k: string) => tz(`metricUnit.${k}`, { defaultValue: '' });
    expect(keyMetricText(metricLines({ posters: '40', other: '3' }, [], labelOf, unitOf))).toBe(
      '张贴海报 40张，other 3',
    );
  });

  it('writes the counts that are not zero on one line, with thousands and cents', () => {
    const lines = metricLines({ audience: '1200', leaflets: '0', funds: '80000.50' }, definitions, labelOf);
    expect(keyMetricText(lines)).toBe('受众人次 1,200人次，投入经费 80,000.50元');
    expect(keyMetricText(metricLines({}, definitions, labelOf))).toBe('');
  });

  it('keeps the page inside the pages there are', () => {
    expect(pageWithin(3, 25, 10)).toBe(3);
    expect(pageWithin(4, 25, 10)).toBe(3);
    expect(pageWithin(2, 0, 10)).toBe(1);
    expect(pageWithin(0, 25, 10)).toBe(1);
  });
});
