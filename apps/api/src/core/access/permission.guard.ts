import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Permission, roleGrants } from '@campaign-month/contracts';
import { ACTOR_IN_ROUTE, roleLacks } from '../auth/actor-in-route.js';
import { IS_PUBLIC } from '../auth/public.decorator.js';
import type { Actor } from '../context/request-context.js';
import { REQUIRES } from './requires.decorator.js';

/**
 * Global, after authentication: a route marked @Requires(p, …) needs a membership whose role grants p (or one of the others listed).
 * An actor with no such role anywhere gets 403; rows outside the scope of the roles it has get 404
 * from the services (AccessService), so ids never leak.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    // A route that reads the actor in its own statement checks its permission there (actor-in-route.ts).
    if (this.reflector.getAllAndOverride<Permission | undefined>(ACTOR_IN_ROUTE, targets)) return true;
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRES, targets);
    if (!permissions) return true;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (actor?.memberships.some((m) => permissions.some((p) => roleGrants(m.role, p)))) return true;
    throw roleLacks(permissions);
  }
}
