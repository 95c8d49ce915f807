import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './content-disposition.js';
import {
  addDays,
  daysBetween,
  eachDay,
  formatDateTime,
  formatDay,
  formatFullDay,
  isLoggableDay,
  loggableDays,
  todayIn,
} from './dates.js';
import { formatNumber } from './numbers.js';
import { computeLight, normalizeLight } from './traffic-light.js';

describe('calendar days', () => {
  it('logs events inside the campaign and not after today; none before the campaign starts', () => {
    const november = { startsOn: '2026-11-01', endsOn: '2026-11-30' };
    expect(loggableDays(november, '2026-11-20')).toEqual({ first: '2026-11-01', last: '2026-11-20' });
    expect(loggableDays(november, '2026-12-15')).toEqual({ first: '2026-11-01', last: '2026-11-30' });
    expect(loggableDays(november, '2026-11-01')).toEqual({ first: '2026-11-01', last: '2026-11-01' });
    expect(loggableDays({ startsOn: '2026-12-01', endsOn: '2026-12-31' }, '2026-11-30')).toEqual({
      first: '2026-12-01',
      last: null,
    });
    expect(isLoggableDay(loggableDays(november, '2026-11-20'), '2026-11-20')).toBe(true);
    expect(isLoggableDay(loggableDays(november, '2026-11-20'), '2026-11-21')).toBe(false);
    expect(isLoggableDay(loggableDays(november, '2026-11-20'), '2026-10-31')).toBe(false);
    expect(isLoggableDay({ first: '2026-12-01', last: null }, '2026-12-01')).toBe(false);
  });

  it('takes today in the tenant time zone', () => {
    // 2026-11-05T17:30Z is already 11月6日 in Shanghai
    expect(todayIn('Asia/Shanghai', new Date('2026-11-05T17:30:00Z'))).toBe('2026-11-06');
    expect(todayIn('UTC', new Date('2026-11-05T17:30:00Z'))).toBe('2026-11-05');
  });
  it('counts and walks days', () => {
    expect(daysBetween('2026-11-01', '2026-11-30')).toBe(29);
    expect(daysBetween('2026-11-05', '2026-11-03')).toBe(-2);
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(eachDay('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
  it('writes days as officials read them', () => {
    expect(formatDay('2026-11-06', 'zh-CN', '2026')).toBe('11月6日');
    expect(formatFullDay('2026-11-30', 'zh-CN')).toBe('2026年11月30日');
    expect(formatDay('2026-11-06', 'en', '2026')).toBe('Nov 6');
    // 总结截止 1月8日 of a December month is next year's: the year is written
    expect(formatDay('2027-01-08', 'zh-CN', '2026')).toBe('2027年1月8日');
    expect(formatDay('2027-01-08', 'en', '2026')).toBe('Jan 8, 2027');
  });
  it('writes moments in the tenant time zone', () => {
    expect(formatDateTime('2026-12-06T06:30:00Z', 'zh-CN')).toBe('2026年12月6日 14:30');
    expect(formatDateTime('2026-12-06T06:30:00Z', 'en')).toBe('Dec 6, 2026, 14:30');
    expect(formatDateTime(null, 'zh-CN')).toBe('');
  });
});

describe('numbers', () => {
  it('groups thousands and keeps cents only when there are some', () => {
    expect(formatNumber(3000)).toBe('3,000');
    expect(formatNumber('812300.00')).toBe('812,300');
    expect(formatNumber('812300.50')).toBe('812,300.50');
    expect(formatNumber(null)).toBe('0');
  });
});

describe('traffic light', () => {
  const today = '2026-11-20';
  it('is red when a task is overdue or the summary is late', () => {
    expect(computeLight({ tasksOverdue: 1 }, today)).toBe('RED');
    expect(computeLight({ tasksOverdue: 0, reportDueOn: '2026-11-19', summaryStatus: 'DRAFT' }, today)).toBe('RED');
    expect(computeLight({ tasksOverdue: 0, nextDueOn: '2026-11-19' }, today)).toBe('RED');
  });
  it('is yellow when something falls due within 3 days', () => {
    expect(computeLight({ tasksOverdue: 0, nextDueOn: '2026-11-23' }, today)).toBe('YELLOW');
    expect(computeLight({ tasksOverdue: 0, nextDueOn: '2026-11-20' }, today)).toBe('YELLOW');
    expect(computeLight({ tasksOverdue: 0, reportDueOn: '2026-11-22', summaryStatus: null }, today)).toBe('YELLOW');
  });
  it('is green otherwise, and a handed-in summary is not due', () => {
    expect(computeLight({ tasksOverdue: 0, nextDueOn: '2026-11-24' }, today)).toBe('GREEN');
    expect(computeLight({ tasksOverdue: 0, reportDueOn: '2026-11-19', summaryStatus: 'SUBMITTED' }, today)).toBe(
      'GREEN',
    );
    expect(computeLight({ tasksOverdue: 0, reportDueOn: '2026-11-21', summaryStatus: 'APPROVED' }, today)).toBe(
      'GREEN',
    );
  });
  it('reads the API own light names', () => {
    expect(normalizeLight('green')).toBe('GREEN');
    expect(normalizeLight('AMBER')).toBe('YELLOW');
    expect(normalizeLight(3)).toBeNull();
  });
});

describe('Content-Disposition', () => {
  it('prefers the UTF-8 file name', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="summary.docx"; filename*=UTF-8''%E6%9F%90%E5%8E%BF%E7%AC%AC%E4%B8%80%E4%B8%AD%E5%AD%A6.docx`,
        'x',
      ),
    ).toBe('某县第一中学.docx');
    expect(fileNameFromDisposition('attachment; filename="ledger.xlsx"', 'x')).toBe('ledger.xlsx');
    expect(fileNameFromDisposition(null, 'fallback.pdf')).toBe('fallback.pdf');
  });
});
