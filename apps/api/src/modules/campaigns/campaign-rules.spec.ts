import { DomainError } from '../../core/errors/domain-errors.js';
import {
  assertNotClosed,
  checkCampaignDates,
  checkMetricKeys,
  lightWindow,
  nextStatus,
  trafficLight,
} from './campaign-rules.js';

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('campaign dates', () => {
  it('accepts startsOn ≤ endsOn ≤ reportDueOn, equal days included', () => {
    expect(() =>
      checkCampaignDates({ startsOn: '2026-11-01', endsOn: '2026-11-30', reportDueOn: '2026-12-05' }),
    ).not.toThrow();
    expect(() =>
      checkCampaignDates({ startsOn: '2026-11-01', endsOn: '2026-11-01', reportDueOn: '2026-11-01' }),
    ).not.toThrow();
  });

  it('names endsOn when the month ends before it starts', () => {
    const e = thrown(() =>
      checkCampaignDates({ startsOn: '2026-11-30', endsOn: '2026-11-01', reportDueOn: '2026-12-05' }),
    );
    expect(e.statusCode).toBe(400);
    expect(e.details).toEqual([expect.objectContaining({ field: 'endsOn' })]);
  });

  it('names reportDueOn when summaries would be due before the month ends', () => {
    const e = thrown(() =>
      checkCampaignDates({ startsOn: '2026-11-01', endsOn: '2026-11-30', reportDueOn: '2026-11-29' }),
    );
    expect(e.details).toEqual([expect.objectContaining({ field: 'reportDueOn' })]);
  });
});

describe('campaign status', () => {
  it('launches a DRAFT and closes an ACTIVE campaign', () => {
    expect(nextStatus('DRAFT', 'launch')).toBe('ACTIVE');
    expect(nextStatus('ACTIVE', 'close')).toBe('CLOSED');
  });

  it.each([
    ['ACTIVE', 'launch'],
    ['CLOSED', 'launch'],
    ['DRAFT', 'close'],
    ['CLOSED', 'close'],
  ] as const)('refuses to %s → %s with 422', (from, action) => {
    const e = thrown(() => nextStatus(from, action));
    expect(e.statusCode).toBe(422);
    expect(e.details).toEqual(expect.objectContaining({ from }));
  });

  it('a closed campaign cannot be edited', () => {
    expect(thrown(() => assertNotClosed({ status: 'CLOSED' })).statusCode).toBe(422);
    expect(() => assertNotClosed({ status: 'ACTIVE' })).not.toThrow();
  });
});

describe('metric keys', () => {
  it('names the second occurrence of a key', () => {
    const m = { label: 'x', unit: '份', kind: 'COUNT' as const };
    const e = thrown(() =>
      checkMetricKeys([
        { key: 'a', ...m },
        { key: 'b', ...m },
        { key: 'a', ...m },
      ]),
    );
    expect(e.details).toEqual([expect.objectContaining({ field: 'metrics.2.key' })]);
  });
});

describe('traffic light', () => {
  const window = lightWindow('2026-11-10');
  const base = { overdue: 0, dueSoon: 0, summaryHandedIn: false, reportDueOn: '2026-12-05' };

  it('measures "due soon" as today and the next 3 days', () => {
    expect(window).toEqual({ today: '2026-11-10', soonUntil: '2026-11-13' });
  });

  it('is green when nothing is overdue or due soon', () => {
    expect(trafficLight(base, window)).toBe('GREEN');
  });

  it('is yellow when a task is due within 3 days', () => {
    expect(trafficLight({ ...base, dueSoon: 1 }, window)).toBe('YELLOW');
  });

  it('is red when a task is overdue, whatever else is due soon', () => {
    expect(trafficLight({ ...base, overdue: 1, dueSoon: 4 }, window)).toBe('RED');
  });

  it('counts the summary: yellow within 3 days of reportDueOn, red after it, unless handed in', () => {
    expect(trafficLight({ ...base, reportDueOn: '2026-11-13' }, window)).toBe('YELLOW');
    expect(trafficLight({ ...base, reportDueOn: '2026-11-14' }, window)).toBe('GREEN');
    expect(trafficLight({ ...base, reportDueOn: '2026-11-09' }, window)).toBe('RED');
    expect(trafficLight({ ...base, reportDueOn: '2026-11-09', summaryHandedIn: true }, window)).toBe('GREEN');
  });
});
