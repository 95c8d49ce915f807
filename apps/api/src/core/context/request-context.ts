// Per-request context (request id, actor, tenant, address) carried by AsyncLocalStorage, so services,
// the audit log and the logger read it without every call passing it along.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@campaign-month/contracts';

export interface ActorMembership {
  organizationId: string;
  role: Role;
  /** Materialized path of the organization ("/root/…/self/"): the membership covers every path below it. */
  path: string;
}

export interface Actor {
  userId: string;
  tenantId: string;
  email: string | null;
  memberships: ActorMembership[];
}

export interface RequestContext {
  requestId: string;
  ip: string | null;
  /** The tenant the request acts for: from the verified access token, before the actor is loaded. */
  tenantId?: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  setTenant(tenantId: string): void {
    const ctx = storage.getStore();
    if (ctx) ctx.tenantId = tenantId;
  },
  setActor(actor: Actor): void {
    const ctx = storage.getStore();
    if (ctx) {
      ctx.actor = actor;
      ctx.tenantId = actor.tenantId;
    }
  },
  /** The tenant whose rows this request may see (row-level security), if any. */
  tenantId(): string | null {
    const ctx = storage.getStore();
    return ctx?.actor?.tenantId ?? ctx?.tenantId ?? null;
  },
};
