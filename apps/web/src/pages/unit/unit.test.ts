import { describe, expect, it } from 'vitest';
import type { CampaignView, TaskView } from '../../api/types.js';
import { splitByFigures } from '../../components/summary/figure-source.js';
import { buildTaskTree } from '../campaign/task-tree.js';
import { countdown, dueItems, eventsLocked } from './due-items.js';
import { eventBody, splitMetrics } from './event-body.js';

const campaign: CampaignView = {
  id: 'c1',
  title: 'T',
  organizerOrgId: 'o',
  startsOn: '2026-11-01',
  endsOn: '2026-11-30',
  reportDueOn: '2026-12-05',
  status: 'ACTIVE',
};
const task = (
  id: string,
  dueOn: string | null,
  status: TaskView['status'] = 'TODO',
  parentTaskId: string | null = null,
): TaskView => ({ id, campaignId: 'c1', organizationId: 'u', title: id, dueOn, status, parentTaskId, kind: 'GENERAL' });

describe('what a unit has to do', () => {
  it('lists overdue first, then due soon, then the rest; done tasks are left out', () => {
    const items = dueItems({
      campaign,
      tasks: [
        task('later', '2026-11-28'),
        task('soon', '2026-11-22'),
        task('late', '2026-11-18'),
        task('done', '2026-11-10', 'DONE'),
      ],
      groupSet: true,
      summaryStatus: null,
      today: '2026-11-20',
    });
    expect(items.map((i) => i.key)).toEqual(['late', 'soon', 'later', 'summary']);
    expect(items[0]).toMatchObject({ light: 'RED', daysLeft: -2 });
  });
  it('shows one item for the leading group: its task, which opens the group form', () => {
    const groupTask: TaskView = { ...task('成立领导小组', '2026-11-22'), kind: 'LEADING_GROUP' };
    const items = dueItems({ campaign, tasks: [groupTask], groupSet: false, summaryStatus: null, today: '2026-11-20' });
    expect(items.map((i) => [i.kind, i.link])).toEqual([
      ['task', '/unit/c1/group'],
      ['summary', '/unit/c1/summary'],
    ]);
    // done once the group is saved: no item is left for it
    const done = { ...groupTask, status: 'DONE' as const };
    expect(
      dueItems({ campaign, tasks: [done], groupSet: true, summaryStatus: null, today: '2026-11-20' }),
    ).toHaveLength(1);
  });

  it('asks for the leading group and a returned summary', () => {
    const items = dueItems({ campaign, tasks: [], groupSet: false, summaryStatus: 'RETURNED', today: '2026-11-20' });
    expect(items.map((i) => i.kind).sort()).toEqual(['group', 'returned']);
  });
  it('makes up nothing from what is not known (offline, never loaded)', () => {
    const items = dueItems({
      campaign,
      tasks: [task('soon', '2026-11-22')],
      groupSet: undefined,
      summaryStatus: undefined,
      today: '2026-11-20',
    });
    expect(items.map((i) => i.key)).toEqual(['soon']);
    // known: no group yet, no summary yet
    const known = dueItems({ campaign, tasks: [], groupSet: false, summaryStatus: null, today: '2026-11-20' });
    expect(known.map((i) => i.kind).sort()).toEqual(['group', 'summary']);
  });
  it('drops the summary once handed in', () => {
    expect(dueItems({ campaign, tasks: [], groupSet: true, summaryStatus: 'SUBMITTED', today: '2026-11-20' })).toEqual(
      [],
    );
  });
});

describe('the short event form', () => {
  it('names an untitled event after its place and type and leaves out empty counts', () => {
    const body = eventBody(
      {
        type: 'LEAFLET',
        occurredOn: '2026-11-06',
        location: ' 集市 ',
        metrics: { leaflets: 3000, audience: null, posters: undefined },
      },
      'u1',
      '发放宣传单',
    );
    expect(body).toEqual({
      organizationId: 'u1',
      type: 'LEAFLET',
      title: '集市发放宣传单',
      occurredOn: '2026-11-06',
      location: '集市',
      metrics: { leaflets: 3000 },
    });
  });
});

describe('counts on the short form', () => {
  const metrics = ['audience', 'leaflets', 'posters', 'messages', 'lossesAvoided'].map((key) => ({ key }));
  it('shows the counts that go with the type first', () => {
    expect(splitMetrics(metrics, 'LEAFLET').main.map((m) => m.key)).toEqual(['audience', 'leaflets']);
    expect(splitMetrics(metrics, 'COUNTER_REMINDER').main.map((m) => m.key)).toEqual(['audience', 'lossesAvoided']);
    expect(splitMetrics(metrics, 'FLAG_CEREMONY').more).toHaveLength(4);
  });
  it('falls back to the first two when none match', () => {
    expect(splitMetrics([{ key: 'x' }, { key: 'y' }, { key: 'z' }], 'MEETING').main.map((m) => m.key)).toEqual([
      'x',
      'y',
    ]);
  });
});

describe('summary figures', () => {
  it('cuts a paragraph into text and figures by their offsets', () => {
    const text = '发放宣传单3,000份，覆盖群众5,000余人次。';
    const fig = (id: string, t: string) => ({
      id,
      text: t,
      value: '',
      start: text.indexOf(t),
      end: text.indexOf(t) + t.length,
      source: { kind: 'events' as const, filter: {} },
    });
    const runs = splitByFigures(text, [fig('b', '5,000余人次'), fig('a', '3,000份')]);
    expect(runs.map((r) => r.text + ('figure' in r ? r.tail : '')).join('')).toBe(text);
    expect(runs.filter((r) => 'figure' in r).map((r) => r.text)).toEqual(['3,000份', '5,000余人次']);
  });

  it('keeps the punctuation after a figure on its line: no line starts with ，or 。', () => {
    const text = '发放宣传单3,000份，覆盖群众5,000余人次。';
    const fig = (t: string) => ({
      id: t,
      text: t,
      value: '',
      start: text.indexOf(t),
      end: text.indexOf(t) + t.length,
      source: { kind: 'events' as const, filter: {} },
    });
    const runs = splitByFigures(text, [fig('3,000份'), fig('5,000余人次')]);
    expect(runs.flatMap((r) => ('figure' in r ? [r.tail] : []))).toEqual(['，', '。']);
    expect(runs.map((r) => r.text + ('figure' in r ? r.tail : '')).join('')).toBe(text);
    expect(runs.some((r) => !('figure' in r) && /^[，。]/.test(r.text))).toBe(false);
  });
});

describe('cascaded tasks', () => {
  it('nests child tasks under their parent and counts them', () => {
    const roots = buildTaskTree([task('p', null), task('c1', null, 'DONE', 'p'), task('c2', null, 'TODO', 'p')]);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ childrenTotal: 2, childrenDone: 1 });
  });
});

describe('the unit home', () => {
  it("counts down to the last day, which is today on the campaign's last day", () => {
    expect(countdown('2026-11-30', '2026-11-28')).toEqual({ kind: 'daysLeft', days: 2 });
    expect(countdown('2026-11-30', '2026-11-30')).toEqual({ kind: 'lastDay' });
    expect(countdown('2026-11-30', '2026-12-01')).toEqual({ kind: 'ended' });
  });

  it('locks the ledger once the summary is approved, and only then', () => {
    expect(eventsLocked('APPROVED')).toBe(true);
    for (const s of ['DRAFT', 'SUBMITTED', 'RETURNED', null, undefined] as const) expect(eventsLocked(s)).toBe(false);
  });
});
