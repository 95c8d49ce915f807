import { describe, expect, it } from 'vitest';
import {
  asList,
  normalizeEvent,
  normalizeProgress,
  normalizeStats,
  normalizeSummary,
  normalizeTemplate,
} from './normalize.js';

describe('reading API answers', () => {
  it('reads lists in every shape', () => {
    expect(asList({ items: [1, 2], total: 2, page: 1, pageSize: 20 })).toEqual([1, 2]);
    expect(asList([3])).toEqual([3]);
    expect(asList({ units: [4] })).toEqual([4]);
    expect(asList(null)).toEqual([]);
  });

  it('reads a progress row and computes its light when the API sends none', () => {
    const [a, b] = normalizeProgress(
      {
        items: [
          {
            organizationId: 'o1',
            name: '第一中学',
            leadingGroupSet: true,
            tasksDone: 1,
            tasksTotal: 1,
            tasksOverdue: 0,
            eventCount: 3,
            summaryStatus: null,
            light: 'GREEN',
          },
          {
            organization: { id: 'o2', name: '第二中学' },
            tasks: { done: 0, total: 1, overdue: 0, nextDueOn: '2026-11-21' },
            events: 0,
          },
        ],
      },
      '2026-11-20',
      '2026-12-05',
    );
    expect(a).toMatchObject({ organizationId: 'o1', light: 'GREEN', eventCount: 3, leadingGroupSet: true });
    expect(b).toMatchObject({
      organizationId: 'o2',
      name: '第二中学',
      tasksTotal: 1,
      light: 'YELLOW',
      leadingGroupSet: false,
    });
  });

  it('reads stats as arrays or records', () => {
    const s = normalizeStats({
      byType: { LEAFLET: 2, POSTER: 1 },
      byDay: [
        { day: '2026-11-06', count: 2 },
        { day: '2026-11-02', count: 1 },
      ],
      byUnit: [{ organizationId: 'o1', name: '一中', count: 3 }],
      metricSums: { leaflets: '3000', lossesAvoided: { label: '避免损失', unit: '元', value: '812300.00' } },
    });
    expect(s.eventCount).toBe(3);
    expect(s.byDay.map((d) => d.day)).toEqual(['2026-11-02', '2026-11-06']);
    expect(s.metrics).toContainEqual({ key: 'lossesAvoided', label: '避免损失', unit: '元', value: '812300.00' });
  });

  it("counts an event's off-day photos: the list's count, or the detail's photo flags", () => {
    expect(normalizeEvent({ id: 'e', photoCount: 3, offDayPhotoCount: 2 }).offDayPhotoCount).toBe(2);
    const detail = normalizeEvent({
      id: 'e',
      photos: [
        { id: 'a', capturedOutsideEventDay: true },
        { id: 'b', capturedOutsideEventDay: false },
      ],
    });
    expect([detail.photoCount, detail.offDayPhotoCount]).toEqual([2, 1]);
  });

  it('reads metric values as a record or a list', () => {
    expect(normalizeEvent({ id: 'e', metrics: { leaflets: 3000 } }).metrics).toEqual({ leaflets: '3000' });
    expect(normalizeEvent({ id: 'e', metricValues: [{ key: 'posters', value: '120' }] }).metrics).toEqual({
      posters: '120',
    });
  });

  it('reads templates with their metrics and suggested tasks', () => {
    const tpl = normalizeTemplate({
      key: 'anti-fraud',
      title: '全民反诈在行动集中宣传月',
      metrics: [{ key: 'audience', label: '受众人次', unit: '人次' }],
      suggestedTasks: ['成立领导小组', { title: '国旗下宣讲', dueOffsetDays: 7 }],
    });
    expect(tpl.suggestedTasks).toEqual([
      { title: '成立领导小组' },
      { key: undefined, title: '国旗下宣讲', description: undefined, dueOffsetDays: 7, cascade: null },
    ]);
    expect(tpl.metrics[0]).toMatchObject({ key: 'audience', unit: '人次', kind: 'COUNT' });
  });

  it('finds the summary document wherever the API puts it', () => {
    const doc = {
      title: 'T',
      opening: { key: 'opening', text: 'x', editable: false, figures: [] },
      sections: [],
      signature: { unit: 'u', date: 'd' },
    };
    expect(normalizeSummary({ id: 's', version: 3, status: 'SUBMITTED', sections: doc }).document?.title).toBe('T');
    expect(
      normalizeSummary({
        id: 's',
        version: 1,
        status: 'DRAFT',
        document: doc,
        narrative: { shortcomings: 'x', bad: 3 },
      }).narrative,
    ).toEqual({ shortcomings: 'x' });
  });
});
