// What each role may do. A membership grants its role's permissions over its organization and every
// descendant; the API checks the permission on the route and the scope on the rows (STYLE.md "Access").
import type { Role } from './enums.js';

export const PERMISSIONS = [
  'organization:read',
  'organization:write',
  'user:read',
  'user:write',
  'campaign:read',
  'campaign:write',
  'participant:write',
  'group:read',
  'group:write',
  'task:read',
  'task:create',
  'task:update',
  'event:read',
  'event:write',
  'report:read',
  'report:write',
  'report:review',
  /** 情况通报 (progress bulletin) of the caller's subtree: organizers, administrators and viewers, not reporters. */
  'bulletin:read',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'organization:read',
  'campaign:read',
  'group:read',
  'task:read',
  'event:read',
  'report:read',
];

const ORGANIZE: Permission[] = ['campaign:write', 'participant:write', 'task:create', 'task:update', 'report:review'];

/**
 * ADMIN includes ORGANIZER: the person who signs a bureau up both administers it and runs its months
 * (decision 033). Neither logs a unit's events: that stays with the unit's REPORTER.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: [...READ, ...ORGANIZE, 'bulletin:read', 'organization:write', 'user:read', 'user:write', 'audit:read'],
  ORGANIZER: [...READ, ...ORGANIZE, 'bulletin:read'],
  REPORTER: [...READ, 'group:write', 'task:update', 'event:write', 'report:write'],
  VIEWER: [...READ, 'bulletin:read'],
};

/** Rank for "a user may not grant a role above its own": ADMIN > ORGANIZER > REPORTER > VIEWER. */
export const ROLE_RANK: Record<Role, number> = { ADMIN: 4, ORGANIZER: 3, REPORTER: 2, VIEWER: 1 };

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
