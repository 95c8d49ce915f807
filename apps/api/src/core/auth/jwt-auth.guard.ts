import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@campaign-month/contracts';
import { type Actor, requestContext } from '../context/request-context.js';
import { Unauthorized } from '../errors/domain-errors.js';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { ACTOR_IN_ROUTE, notActive, type Principal } from './actor-in-route.js';
import { ActorLoader } from './actor-loader.js';
import { IS_PUBLIC } from './public.decorator.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Global: every route needs a valid bearer access token unless it is marked @Public(). The user is
 * re-read on every request (one query; on a route marked @ActorLoadedByRoute, by the route's own statement),
 * so deactivation and membership changes take effect at once.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(ActorLoader) private readonly actors: ActorLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: Actor; principal?: Principal }>();
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    const payload = token ? this.tokens.verify(token) : null;
    if (!payload) throw new Unauthorized('A valid access token is required');
    // The token is verified: its tenant scopes the actor's own lookup too (row-level security), so the
    // request's connections keep one tenant from the first query to the last.
    requestContext.setTenant(payload.tid);
    req.principal = { userId: payload.sub, tenantId: payload.tid, sessionVersion: payload.sv };
    // The route reads the user in its own statement and refuses an inactive one there.
    if (this.reflector.getAllAndOverride<Permission | undefined>(ACTOR_IN_ROUTE, targets)) return true;
    const actor = await this.actors.load(payload.sub, payload.tid, payload.sv);
    if (!actor) throw notActive();
    requestContext.setActor(actor);
    req.user = actor;
    return true;
  }
}
