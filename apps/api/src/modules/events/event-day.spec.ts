import { dayProblem } from './event-access.service.js';

describe("an event's day", () => {
  const november = { startsOn: '2026-11-01', endsOn: '2026-11-30' };

  it('lies inside the campaign period', () => {
    expect(dayProblem('2026-10-31', november, '2026-11-20')).toBe('outside-period');
    expect(dayProblem('2026-12-01', november, '2026-12-20')).toBe('outside-period');
    expect(dayProblem('2026-11-01', november, '2026-11-20')).toBeNull();
  });

  it('is not after today: an event is logged once it has happened', () => {
    expect(dayProblem('2026-11-21', november, '2026-11-20')).toBe('future');
    expect(dayProblem('2026-11-20', november, '2026-11-20')).toBeNull();
    expect(dayProblem('2026-11-30', november, '2026-12-15')).toBeNull();
  });
});
