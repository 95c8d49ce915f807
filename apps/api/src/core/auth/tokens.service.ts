import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { TokenPair } from '@campaign-month/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AccessTokenPayload } from './access-token-verifier.js';
import { JWT_SIGNING_SECRET } from './signing-secret.js';

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues access tokens (JWT, short-lived) and opaque refresh tokens (stored hashed, one family per log-in). */
@Injectable()
export class TokensService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(JWT_SIGNING_SECRET) private readonly secret: string,
  ) {}

  async issue(
    db: Prisma.TransactionClient | { refreshToken: Prisma.TransactionClient['refreshToken'] },
    user: { id: string; tenantId: string; sessionVersion: number },
    familyId: string = randomUUID(),
  ): Promise<TokenPair> {
    const payload: AccessTokenPayload = { sub: user.id, tid: user.tenantId, typ: 'access', sv: user.sessionVersion };
    const accessToken = await this.jwt.signAsync(payload, {
      secret: this.secret,
      expiresIn: this.config.jwt.accessTtlSeconds,
      algorithm: 'HS256',
    });
    const refreshToken = randomBytes(32).toString('base64url');
    await db.refreshToken.create({
      data: {
        tenantId: user.tenantId,
        userId: user.id,
        familyId,
        tokenHash: hashRefreshToken(refreshToken),
        expiresAt: new Date(Date.now() + this.config.jwt.refreshTtlDays * 86400_000),
      },
    });
    return { accessToken, refreshToken, expiresIn: this.config.jwt.accessTtlSeconds, tokenType: 'Bearer' };
  }
}
