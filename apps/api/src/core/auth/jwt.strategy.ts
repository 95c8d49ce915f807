import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { isUuid } from '../access/access.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Actor, requestContext } from '../context/request-context.js';
import { Unauthorized } from '../errors/domain-errors.js';
import { ActorLoader } from './actor-loader.js';

export interface AccessTokenPayload {
  sub: string;
  tid: string;
  typ: 'access';
}

/** Bearer access tokens; the user is re-read on every request so deactivation takes effect at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ActorLoader) private readonly actors: ActorLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: jsonwebtoken would otherwise try to parse the string as a public key on every verify.
      secretOrKey: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Actor> {
    if (payload?.typ !== 'access' || !isUuid(payload.sub) || !isUuid(payload.tid)) {
      throw new Unauthorized('Invalid access token');
    }
    // The token is verified: its tenant scopes the actor's own lookup too (row-level security), so the
    // request's connections keep one tenant from the first query to the last.
    requestContext.setTenant(payload.tid);
    const actor = await this.actors.load(payload.sub, payload.tid);
    if (!actor) throw new Unauthorized('This account is not active');
    requestContext.setActor(actor);
    return actor;
  }
}
