// Who may change a user (issue 16, "Account safety"): an ADMIN whose user:write scope covers *every*
// membership of that user, and whose own role there ranks at least as high as the user's highest role.
// Anyone else gets 404, as for any row outside the caller's scope. A branch admin therefore cannot reset
// the password of, invite, rename or deactivate a user who also holds a membership above the branch.
import { ROLE_RANK, type Role, roleGrants } from '@campaign-month/contracts';
import type { Actor } from '../../core/context/request-context.js';

export interface TargetMembership {
  role: Role;
  /** The materialized path of the membership's organization. */
  path: string;
}

/** The highest rank the actor holds with user:write over an organization at `path` (0: none). */
function writeRankOver(actor: Actor, path: string): number {
  let best = 0;
  for (const m of actor.memberships) {
    if (roleGrants(m.role, 'user:write') && path.startsWith(m.path)) best = Math.max(best, ROLE_RANK[m.role]);
  }
  return best;
}

/** True when the actor may change a user holding `memberships` (a user with none is nobody's to change). */
export function canManageUser(actor: Actor, memberships: readonly TargetMembership[]): boolean {
  if (memberships.length === 0) return false;
  const highest = Math.max(...memberships.map((m) => ROLE_RANK[m.role]));
  return memberships.every((m) => writeRankOver(actor, m.path) >= highest);
}

/**
 * May the actor grant `role` at the organization at `path`? Only with user:write over it, and not above its
 * own rank there. Pure, so a batch (an import) checks every row without a query.
 */
export function mayGrant(actor: Actor, path: string, role: Role): boolean {
  const rank = writeRankOver(actor, path);
  return rank > 0 && ROLE_RANK[role] <= rank;
}
