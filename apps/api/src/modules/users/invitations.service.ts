// POST /users/:id/invitation: a one-time link with which a user sets its password — the first one, or a new
// one (a reset). Decision 035: the link is stored hashed, lives seven days, and a new link revokes every
// earlier unused one. A reset also signs the user out everywhere at once, when the link is created: whoever
// asked for it suspects the password, so the sessions made with it stop now, not when the link is used.
import { Inject, Injectable } from '@nestjs/common';
import type { InvitationLink } from '@campaign-month/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import { signOutEverywhere } from '../../core/auth/sessions.js';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { INVITATION_TTL_DAYS, newInvitationToken } from './invitation-token.js';
import { firstOrganizationId, UsersService } from './users.service.js';

@Injectable()
export class InvitationsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(actor: Actor, userId: string): Promise<InvitationLink> {
    // 404 unless the actor may change this user (user-scope.ts): every membership in its scope, rank enough.
    const user = await this.users.findManageable(actor, userId);
    if (!user.isActive) throw new TransitionNotAllowed('A deactivated user cannot be invited; reactivate it first');
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86400_000);
    const reset = user.passwordHash !== null;
    await this.prisma.$transaction(async (tx) => {
      // Two links asked for at once: the second waits here, then revokes the first.
      await tx.$queryRaw`SELECT id FROM app_user WHERE tenant_id = ${actor.tenantId}::uuid AND id = ${user.id}::uuid FOR UPDATE`;
      const revoked = await tx.invitation.updateMany({
        where: { tenantId: actor.tenantId, userId: user.id, usedAt: null, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (reset) await signOutEverywhere(tx, actor.tenantId, user.id);
      await tx.invitation.create({
        data: { tenantId: actor.tenantId, userId: user.id, tokenHash, createdById: actor.userId, expiresAt },
      });
      await this.audit.record(
        {
          action: 'user.invite',
          entityType: 'User',
          entityId: user.id,
          organizationId: firstOrganizationId(user),
          // never the token: the entry says what happened, not how to use it
          changes: { reset, signedOut: reset, linksRevoked: revoked.count, expiresAt: expiresAt.toISOString() },
        },
        tx,
      );
    });
    return { url: `${this.config.publicUrl}/invite/${token}`, token, expiresAt: expiresAt.toISOString() };
  }
}
