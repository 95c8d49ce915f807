// A route whose own statement reads the user with the rest of what it needs (decision 031): the hot path of
// logging an event saves the guard's separate round trip this way. Every other route keeps the guard's
// per-request actor query (actor-loader.ts).
import { type Permission, roleGrants } from '@campaign-month/contracts';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type Actor, type ActorMembership, requestContext } from '../context/request-context.js';
import { Forbidden, Unauthorized } from '../errors/domain-errors.js';
import { Prisma } from '../../generated/prisma/client.js';

export const ACTOR_IN_ROUTE = 'campaignMonth:actorInRoute';

/**
 * The route loads the actor in its own statement and needs `permission`: the authentication guard verifies
 * the token only and hands the handler a Principal (@CurrentPrincipal); the route passes what its
 * statement read to actorOf(), which answers 401 for an inactive user and 403 for a role without the
 * permission, as the guards would have. On such a route the body is validated before those two answers.
 */
export const ActorLoadedByRoute = (permission: Permission) => SetMetadata(ACTOR_IN_ROUTE, permission);

/** Who the verified access token names: the user and the tenant, not yet checked against the database. */
export interface Principal {
  userId: string;
  tenantId: string;
  /** The token's session version: a token issued before the user was signed out everywhere no longer matches. */
  sessionVersion: number;
}

/** The principal of a route marked @ActorLoadedByRoute (set by the authentication guard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!req.principal) throw new Unauthorized();
  return req.principal;
});

/**
 * SQL, with the user as `u` (app_user): the user's memberships in organizations not archived, as a JSON
 * array of { organizationId, role, path }. The actor loader and the routes that read the actor themselves
 * use this one expression, so both see the same actor.
 */
export const actorMembershipsSql = Prisma.sql`coalesce((
  SELECT json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role, 'path', o.path))
    FROM membership m JOIN organization o ON o.id = m.organization_id
   WHERE m.user_id = u.id AND m.tenant_id = u.tenant_id AND o.archived_at IS NULL), '[]'::json)`;

export const notActive = () => new Unauthorized('This account is not active');
export const roleLacks = (permissions: readonly Permission[]) =>
  new Forbidden(`Your role does not allow ${permissions.join(' or ')}`);

/**
 * The actor a route's statement read (null: no active user with the token's id in its tenant), checked as the
 * guards check it, and made the request's actor (audit, logs).
 */
export function actorOf(
  principal: Principal,
  found: { email: string | null; memberships: ActorMembership[] } | null,
  permission: Permission,
): Actor {
  if (!found) throw notActive();
  if (!found.memberships.some((m) => roleGrants(m.role, permission))) throw roleLacks([permission]);
  const actor: Actor = {
    userId: principal.userId,
    tenantId: principal.tenantId,
    email: found.email,
    memberships: found.memberships,
  };
  requestContext.setActor(actor);
  return actor;
}
