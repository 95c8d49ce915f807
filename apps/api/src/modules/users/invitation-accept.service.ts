// The public side of an invitation link (decision 035): GET /invitations/:token shows whose link it is,
// POST /invitations/:token/accept sets the password and signs the user in. Both are throttled per address
// (every attempt counts, parallel ones included). Answers: 404 for a link that is unknown, used, revoked or
// whose user is deactivated; 422 for one that has expired (the person should ask for a new one).
import { Inject, Injectable } from '@nestjs/common';
import type { InvitationView, TokenPair } from '@campaign-month/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import { maskLogin } from '../../core/auth/login-id.js';
import { hashPassword } from '../../core/auth/password.js';
import { signOutEverywhere } from '../../core/auth/sessions.js';
import { TokensService } from '../../core/auth/tokens.service.js';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { NotFound, TooManyRequests, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { RateLimitService } from '../../core/rate-limit/rate-limit.service.js';
import { hashInvitationToken, isInvitationTokenShape } from './invitation-token.js';

const invitationInclude = {
  user: {
    include: {
      tenant: { select: { name: true } },
      memberships: {
        include: { organization: { select: { name: true, archivedAt: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  },
} as const;

@Injectable()
export class InvitationAcceptService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(TokensService) private readonly tokens: TokensService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(token: string, ip: string | null): Promise<InvitationView> {
    const invitation = await this.findValid(token, ip);
    const { user } = invitation;
    return {
      userName: user.name,
      login: maskLogin(user),
      tenantName: user.tenant.name,
      organizationNames: user.memberships.filter((m) => !m.organization.archivedAt).map((m) => m.organization.name),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Sets the password and returns a token pair. Single use even for requests sent at once: the row is
   * claimed by one UPDATE … WHERE used_at IS NULL in the transaction that sets the password, so of two
   * parallel accepts exactly one wins and the other is 404. Every other session of the user ends.
   */
  async accept(token: string, password: string, ip: string | null): Promise<TokenPair> {
    const invitation = await this.findValid(token, ip);
    const { user } = invitation;
    const passwordHash = await hashPassword(password);
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        UPDATE invitation SET used_at = now()
         WHERE token_hash = ${invitation.tokenHash} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING id`;
      if (claimed.length !== 1) throw new NotFound('Invitation');
      const set = await tx.user.updateMany({
        where: { tenantId: user.tenantId, id: user.id, isActive: true },
        data: { passwordHash, lastLoginAt: new Date() },
      });
      if (set.count !== 1) throw new NotFound('Invitation'); // deactivated meanwhile: the claim rolls back
      const sessionVersion = await signOutEverywhere(tx, user.tenantId, user.id);
      await this.audit.record(
        {
          tenantId: user.tenantId,
          actorId: user.id,
          action: 'user.invitation_accept',
          entityType: 'User',
          entityId: user.id,
          organizationId: user.memberships[0]?.organizationId ?? null,
          changes: { invitationId: invitation.id, reset: user.passwordHash !== null },
        },
        tx,
      );
      return this.tokens.issue(tx, { id: user.id, tenantId: user.tenantId, sessionVersion });
    });
  }

  /** Counts the attempt, then finds the link: 404 unknown/used/revoked/deactivated user, 422 expired. */
  private async findValid(token: string, ip: string | null) {
    const { perAddress, windowSeconds } = this.config.invitationThrottle;
    const limit = await this.limits.take(`invitation:ip:${ip ?? 'unknown'}`, windowSeconds, perAddress);
    if (!limit.allowed)
      throw new TooManyRequests(
        'Too many invitation link attempts from this address; try again later',
        limit.retryAfterSeconds,
      );
    if (!isInvitationTokenShape(token)) throw new NotFound('Invitation');
    const invitation = await this.prisma.invitation.findFirst({
      where: { tokenHash: hashInvitationToken(token) },
      include: invitationInclude,
    });
    if (!invitation || invitation.usedAt || invitation.revokedAt || !invitation.user.isActive)
      throw new NotFound('Invitation');
    if (invitation.expiresAt.getTime() <= Date.now())
      throw new TransitionNotAllowed('This invitation link has expired; ask your administrator for a new one', {
        reason: 'expired',
      });
    return invitation;
  }
}
