import { describe, expect, it } from 'vitest';
import { suggestedReportDueOn, templateDueOn } from './task-dates.js';

describe('template task dates in the wizard', () => {
  it('places them after the first day, never before the launch day nor after the deadline', () => {
    // a month from 12月1日 launched on 12月6日: 成立领导小组 (3 days) is due 12月6日, not 12月4日
    expect(templateDueOn('2026-12-01', 3, '2026-12-06', '2027-01-08')).toBe('2026-12-06');
    expect(templateDueOn('2026-12-01', 20, '2026-12-06', '2027-01-08')).toBe('2026-12-21');
    expect(templateDueOn('2027-01-01', 3, '2026-12-06', '2027-02-05')).toBe('2027-01-04');
    expect(templateDueOn('2026-12-01', 40, '2026-12-06', '2027-01-05')).toBe('2027-01-05');
  });
  it('suggests the summary deadline five days after the month', () => {
    expect(suggestedReportDueOn('2026-12-31')).toBe('2027-01-05');
  });
});
