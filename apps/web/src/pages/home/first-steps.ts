// 开始使用: the three first steps of a new customer, ticked as they are done.
export type FirstStepKey = 'units' | 'users' | 'campaign';

export interface FirstStep {
  key: FirstStepKey;
  done: boolean;
  to: string;
}

export interface FirstStepsInput {
  /** Units in the caller's tree, the top one included. */
  units: number;
  /** Users the caller administers, themself included. */
  users: number;
  campaigns: number;
}

export function firstSteps({ units, users, campaigns }: FirstStepsInput): FirstStep[] {
  return [
    { key: 'units', done: units > 1, to: '/admin/units?import=1' },
    { key: 'users', done: users > 1, to: '/admin/users?import=1' },
    { key: 'campaign', done: campaigns > 0, to: '/campaigns/new' },
  ];
}

/** The guide shows while the tenant has no month, or only one unit, or nobody but the admin. */
export function showFirstSteps(input: FirstStepsInput): boolean {
  return firstSteps(input).some((s) => !s.done);
}
