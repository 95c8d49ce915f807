import { describe, expect, it } from 'vitest';
import { firstSteps, showFirstSteps } from './first-steps.js';

describe('first steps', () => {
  it('a new customer has every step ahead', () => {
    const input = { units: 1, users: 1, campaigns: 0 };
    expect(firstSteps(input).map((s) => [s.key, s.done])).toEqual([
      ['units', false],
      ['users', false],
      ['campaign', false],
    ]);
    expect(showFirstSteps(input)).toBe(true);
  });

  it('ticks each step on its own', () => {
    expect(firstSteps({ units: 4, users: 1, campaigns: 0 }).map((s) => s.done)).toEqual([true, false, false]);
    expect(firstSteps({ units: 1, users: 2, campaigns: 1 }).map((s) => s.done)).toEqual([false, true, true]);
  });

  it('hides once all three are done', () => {
    expect(showFirstSteps({ units: 4, users: 3, campaigns: 1 })).toBe(false);
  });

  it('links to the imports and the wizard', () => {
    expect(firstSteps({ units: 1, users: 1, campaigns: 0 }).map((s) => s.to)).toEqual([
      '/admin/units?import=1',
      '/admin/users?import=1',
      '/campaigns/new',
    ]);
  });
});
