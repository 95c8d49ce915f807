// POST /me/password (decision 035): the signed-in user changes its password. The current password is
// checked under the log-in throttle of the user's own log-ins (e-mail and 手机号), so a stolen session
// cannot guess it faster than the log-in form could; a wrong one is a field-level 400. On success every
// session of the user ends at once (refresh tokens revoked, session version raised: access tokens too),
// pending invitation links are revoked, and the caller gets a fresh pair.
import { Inject, Injectable } from '@nestjs/common';
import type { TokenPair } from '@campaign-month/contracts';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Actor } from '../context/request-context.js';
import { PrismaService } from '../database/prisma.service.js';
import { Conflict, InvalidInput, TooManyRequests, Unauthorized } from '../errors/domain-errors.js';
import { RateLimitService } from '../rate-limit/rate-limit.service.js';
import type { ChangePasswordDto } from './dto/change-password.dto.js';
import { hashPassword, verifyPassword } from './password.js';
import { signOutEverywhere } from './sessions.js';
import { TokensService } from './tokens.service.js';

@Injectable()
export class PasswordChangeService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(TokensService) private readonly tokens: TokensService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async change(actor: Actor, dto: ChangePasswordDto): Promise<TokenPair> {
    if (dto.newPassword === dto.currentPassword)
      throw InvalidInput.field('newPassword', 'newPassword must differ from the current password');
    const user = await this.prisma.user.findFirst({
      where: { id: actor.userId, tenantId: actor.tenantId, isActive: true },
      select: {
        id: true,
        tenantId: true,
        email: true,
        phone: true,
        passwordHash: true,
        memberships: { select: { organizationId: true }, orderBy: { createdAt: 'asc' }, take: 1 },
      },
    });
    if (!user) throw new Unauthorized('This account is not active');
    const organizationId = user.memberships[0]?.organizationId ?? null;

    // The keys the log-in form counts for this user (auth.service.ts verifyCredentials): counted first.
    const { perEmail, windowSeconds } = this.config.loginThrottle;
    const keys = [user.email && `login:email:${user.email}`, user.phone && `login:phone:${user.phone}`].filter(
      (k): k is string => Boolean(k),
    );
    const taken = await Promise.all(keys.map((k) => this.limits.take(k, windowSeconds, perEmail)));
    const refused = taken.filter((t) => !t.allowed);
    if (refused.length)
      throw new TooManyRequests(
        'Too many password attempts; try again later',
        Math.max(...refused.map((t) => t.retryAfterSeconds)),
      );

    const ok = user.passwordHash !== null && (await verifyPassword(user.passwordHash, dto.currentPassword));
    if (!ok) {
      await this.audit.record({
        action: 'user.password_change_failed',
        entityType: 'User',
        entityId: user.id,
        organizationId,
      });
      throw InvalidInput.field('currentPassword', 'The current password is incorrect');
    }
    await Promise.all(keys.map((k) => this.limits.reset(k, windowSeconds)));

    const passwordHash = await hashPassword(dto.newPassword);
    return this.prisma.$transaction(async (tx) => {
      // Only over the hash just checked: two changes sent at once cannot both win.
      const set = await tx.user.updateMany({
        where: { id: user.id, tenantId: user.tenantId, passwordHash: user.passwordHash },
        data: { passwordHash },
      });
      if (set.count !== 1) throw new Conflict('The password was changed meanwhile; log in again');
      const revoked = await tx.invitation.updateMany({
        where: { tenantId: user.tenantId, userId: user.id, usedAt: null, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      const sessionVersion = await signOutEverywhere(tx, user.tenantId, user.id);
      await this.audit.record(
        {
          action: 'user.password_change',
          entityType: 'User',
          entityId: user.id,
          organizationId,
          changes: { linksRevoked: revoked.count },
        },
        tx,
      );
      return this.tokens.issue(tx, { id: user.id, tenantId: user.tenantId, sessionVersion });
    });
  }
}
