import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '../context/request-context.js';
import { Unauthorized } from '../errors/domain-errors.js';

/** The authenticated actor (set by the JWT strategy). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ user?: Actor }>();
  if (!req.user) throw new Unauthorized();
  return req.user;
});
