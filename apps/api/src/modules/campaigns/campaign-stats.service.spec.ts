import { assembleStats } from './campaign-stats.service.js';
import type { StatsRow } from './campaign-stats.sql.js';

const row = (r: Partial<StatsRow>): StatsRow => ({
  section: 'count',
  g: 7,
  type: null,
  day: null,
  organization_id: null,
  unit_name: null,
  metric_id: null,
  n: null,
  total: null,
  ...r,
});

describe('assembleStats', () => {
  it('arranges the grouping-set rows into totals, by type, by day and by unit', () => {
    const metrics = [
      { id: 'm1', key: 'leaflets', label: '发放宣传单', unit: '份', kind: 'COUNT' },
      { id: 'm2', key: 'lossesAvoided', label: '避免损失', unit: '元', kind: 'MONEY' },
    ];
    const stats = assembleStats('c', null, metrics, [
      row({ g: 7, n: 3 }),
      row({ g: 3, type: 'LEAFLET', n: 2 }),
      row({ g: 3, type: 'POSTER', n: 1 }),
      row({ g: 5, day: new Date('2026-11-02T00:00:00Z'), n: 2 }),
      row({ g: 5, day: new Date('2026-11-01T00:00:00Z'), n: 1 }),
      row({ g: 6, organization_id: 'u1', unit_name: '一中', n: 3 }),
      row({ section: 'sum', g: 3, metric_id: 'm1', total: '3000.00' }),
      row({ section: 'sum', g: 1, type: 'LEAFLET', metric_id: 'm1', total: '3000.00' }),
      row({ section: 'sum', g: 2, organization_id: 'u1', metric_id: 'm1', total: '3000.00' }),
      row({ section: 'units', g: 0, n: 1 }),
    ]);
    expect(stats.eventCount).toBe(3);
    expect(stats.unitsWithEvents).toBe(1);
    expect(stats.metrics.map((m) => [m.key, m.total])).toEqual([
      ['leaflets', '3000.00'],
      ['lossesAvoided', '0'],
    ]);
    expect(stats.byType).toEqual([
      { type: 'LEAFLET', count: 2, metricSums: { leaflets: '3000.00' } },
      { type: 'POSTER', count: 1, metricSums: {} },
    ]);
    expect(stats.byDay).toEqual([
      { day: '2026-11-01', count: 1 },
      { day: '2026-11-02', count: 2 },
    ]);
    expect(stats.byUnit).toEqual([
      { organizationId: 'u1', name: '一中', count: 3, metricSums: { leaflets: '3000.00' } },
    ]);
  });
});
