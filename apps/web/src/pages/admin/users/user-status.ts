// A user's 状态 (启用 / 停用 / 待激活) and the list filter that finds each.
import type { UserListQuery, UserView } from '@campaign-month/contracts';

export type UserStatus = 'active' | 'inactive' | 'pending';
export const USER_STATUSES: UserStatus[] = ['active', 'pending', 'inactive'];

/** Deactivated first (it wins over everything), then 待激活 until a password is set. */
export function userStatus(user: Pick<UserView, 'isActive' | 'hasPassword'>): UserStatus {
  if (!user.isActive) return 'inactive';
  return user.hasPassword ? 'active' : 'pending';
}

export function statusQuery(status: UserStatus | undefined): Pick<UserListQuery, 'active' | 'pending'> {
  if (status === 'active') return { active: true, pending: false };
  if (status === 'inactive') return { active: false };
  if (status === 'pending') return { active: true, pending: true };
  return {};
}
