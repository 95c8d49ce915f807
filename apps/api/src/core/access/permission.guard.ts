import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Permission, roleGrants } from '@campaign-month/contracts';
import { roleLacks } from '../auth/actor-in-route.js';
import { IS_PUBLIC } from '../auth/public.decorator.js';
import type { Actor } from '../context/request-context.js';
import { REQUIRES } from './requires.decorator.js';

/**
 * Global, after authentication: a route marked @Requires(p, …) needs a membership whose role grants p (or one of the others listed).
 * An actor with no such role anywhere gets 403; rows outside the scope of the roles it has get 404
 * from the services (AccessService), so ids never leak. A route marked @ActorLoadedByRoute carries no
 * @Requires: it checks its permission with the actor its own statement reads (actor-in-route.ts).
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRES, targets);
    if (!permissions) return true;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (actor?.memberships.some((m) => permissions.some((p) => roleGrants(m.role, p)))) return true;
    throw roleLacks(permissions);
  }
}
