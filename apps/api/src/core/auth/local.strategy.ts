import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest as Request } from 'fastify';
import { Strategy } from 'passport-local';
import { AuthService } from './auth.service.js';
import { parseLogin } from './login-id.js';

/** 手机号 or e-mail and password log-in (passport-local); throttling and the uniform failure live in AuthService. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {
    super({ usernameField: 'login', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(req: Request, login: string, password: string) {
    return this.auth.verifyCredentials(parseLogin(login), password, req.ip ?? null);
  }
}
