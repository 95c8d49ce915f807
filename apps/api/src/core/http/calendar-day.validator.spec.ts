import { isCalendarDay } from './calendar-day.validator.js';

describe('calendar day', () => {
  it('accepts real days as YYYY-MM-DD', () => {
    expect(isCalendarDay('2026-11-01')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
  });

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-11-31',
    '2026-1-01',
    '20261101',
    '2026-11-01T00:00:00Z',
    '',
    '0999-01-01',
  ])('refuses %p', (v) => {
    expect(isCalendarDay(v)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isCalendarDay(20261101)).toBe(false);
    expect(isCalendarDay(null)).toBe(false);
  });
});
