import { describe, expect, it } from 'vitest';
import { statusQuery, userStatus } from './user-status.js';

describe('user status', () => {
  it('reads 停用 before 待激活', () => {
    expect(userStatus({ isActive: false, hasPassword: false })).toBe('inactive');
    expect(userStatus({ isActive: true, hasPassword: false })).toBe('pending');
    expect(userStatus({ isActive: true, hasPassword: true })).toBe('active');
  });

  it('asks the API for each status', () => {
    expect(statusQuery('pending')).toEqual({ active: true, pending: true });
    expect(statusQuery('active')).toEqual({ active: true, pending: false });
    expect(statusQuery('inactive')).toEqual({ active: false });
    expect(statusQuery(undefined)).toEqual({});
  });
});
