import { addDays, dayOfInstant, daysBetween, todayIn } from './calendar.js';

describe('calendar days in the tenant time zone', () => {
  it('is already tomorrow in Shanghai at 17:00 UTC', () => {
    expect(todayIn('Asia/Shanghai', new Date('2026-11-05T17:00:00Z'))).toBe('2026-11-06');
    expect(todayIn('UTC', new Date('2026-11-05T17:00:00Z'))).toBe('2026-11-05');
  });
  it('counts and adds days across month ends', () => {
    expect(daysBetween('2026-11-28', '2026-12-02')).toBe(4);
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
  });
  it('gives the Shanghai day of a photo taken late at night UTC', () => {
    expect(dayOfInstant(new Date('2026-11-06T16:30:00Z'))).toBe('2026-11-07');
  });
  it('turns the day at midnight even when asked within the same minute before (the last answer is kept per minute)', () => {
    expect(todayIn('Asia/Shanghai', new Date('2026-11-05T15:59:00.000Z'))).toBe('2026-11-05');
    expect(todayIn('Asia/Shanghai', new Date('2026-11-05T15:59:59.999Z'))).toBe('2026-11-05');
    expect(todayIn('Asia/Shanghai', new Date('2026-11-05T16:00:00.000Z'))).toBe('2026-11-06');
    // a zone whose midnight falls at a quarter past the UTC hour
    expect(todayIn('Asia/Kathmandu', new Date('2026-11-05T18:14:59.999Z'))).toBe('2026-11-05');
    expect(todayIn('Asia/Kathmandu', new Date('2026-11-05T18:15:00.000Z'))).toBe('2026-11-06');
    expect(todayIn('Asia/Shanghai', new Date('2026-11-05T15:59:30.000Z'))).toBe('2026-11-05');
  });
});
