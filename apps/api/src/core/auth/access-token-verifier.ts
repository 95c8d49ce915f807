// Verifies bearer access tokens (HS256 JWTs issued by TokensService) and remembers the ones that verified
// until they expire: a phone sends the same token with every request for fifteen minutes, and verifying
// it again each time cost about a tenth of the API's CPU on the event-create path
// (docs/decisions/026-hot-path-costs.md). Only a token string that verified is ever remembered, so a
// changed or forged token never matches an entry.
import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUuid } from '../access/access.service.js';
import { JWT_SIGNING_SECRET } from './signing-secret.js';

export interface AccessTokenPayload {
  sub: string;
  tid: string;
  typ: 'access';
  /** The user's session version when the token was issued (sessions.ts). */
  sv: number;
}

interface Verified {
  payload: AccessTokenPayload;
  /** Milliseconds since the epoch at which the token expires. */
  expiresAt: number;
}

/** Remembered tokens at most; beyond that the oldest are forgotten (and verified again when seen). */
export const VERIFIED_TOKENS_MAX = 10_000;

@Injectable()
export class AccessTokenVerifier {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, Verified>();

  constructor(
    @Inject(JWT_SIGNING_SECRET) secret: string,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** The token's claims when it is a valid, unexpired access token; null otherwise. */
  verify(token: string, now = Date.now()): AccessTokenPayload | null {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt > now) return known.payload;
      this.verified.delete(token);
      return null;
    }
    let claims: AccessTokenPayload & { exp?: number };
    try {
      claims = this.jwt.verify(token, { secret: this.key as unknown as string, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (
      claims?.typ !== 'access' ||
      !isUuid(claims.sub) ||
      !isUuid(claims.tid) ||
      typeof claims.exp !== 'number' ||
      !Number.isInteger(claims.sv)
    ) {
      return null;
    }
    const payload: AccessTokenPayload = { sub: claims.sub, tid: claims.tid, typ: 'access', sv: claims.sv };
    if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { payload, expiresAt: claims.exp * 1000 });
    return payload;
  }
}
