import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type MeView, PERMISSIONS, type Role, type TokenPair, roleGrants } from '@campaign-month/contracts';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Actor } from '../context/request-context.js';
import { PrismaService } from '../database/prisma.service.js';
import { isUniqueViolation } from '../database/prisma-errors.js';
import { Conflict, TooManyRequests, Unauthorized } from '../errors/domain-errors.js';
import { RateLimitService } from '../rate-limit/rate-limit.service.js';
import type { RegisterTenantDto } from './dto/auth.dto.js';
import type { LoginId } from './login-id.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.js';
import { hashRefreshToken, TokensService } from './tokens.service.js';

const BAD_CREDENTIALS = 'Log-in or password is incorrect';

@Injectable()
export class AuthService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(TokensService) private readonly tokens: TokensService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Tenant, its root organization and its first user, in one transaction. The user is ADMIN of the root,
   * which also lets it run months (ADMIN includes ORGANIZER's permissions: decision 033). Throttled per
   * address: every attempt counts.
   */
  async registerTenant(dto: RegisterTenantDto, ip: string | null) {
    const { perAddress, windowSeconds } = this.config.signupThrottle;
    const limit = await this.limits.take(`register:ip:${ip ?? 'unknown'}`, windowSeconds, perAddress);
    if (!limit.allowed)
      throw new TooManyRequests('Too many sign-ups from this address; try again later', limit.retryAfterSeconds);
    const passwordHash = await hashPassword(dto.admin.password);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const tenant = await tx.tenant.create({ data: { name: dto.tenantName } });
        const orgId = randomUUID();
        const organization = await tx.organization.create({
          data: {
            id: orgId,
            tenantId: tenant.id,
            name: dto.organization.name,
            kind: dto.organization.kind,
            path: `/${orgId}/`,
            depth: 0,
          },
        });
        const user = await tx.user.create({
          data: {
            tenantId: tenant.id,
            email: dto.admin.email ?? null,
            phone: dto.admin.phone ?? null,
            name: dto.admin.name,
            passwordHash,
          },
        });
        await tx.membership.create({
          data: { tenantId: tenant.id, userId: user.id, organizationId: organization.id, role: 'ADMIN' },
        });
        await this.audit.record(
          {
            tenantId: tenant.id,
            actorId: user.id,
            action: 'tenant.register',
            entityType: 'Tenant',
            entityId: tenant.id,
            organizationId: organization.id,
            changes: { tenantName: tenant.name, organization: organization.name, admin: user.email ?? user.phone },
          },
          tx,
        );
        const tokens = await this.tokens.issue(tx, user);
        return {
          tenant: { id: tenant.id, name: tenant.name },
          organization: { id: organization.id, name: organization.name, kind: organization.kind },
          user: { id: user.id, email: user.email, phone: user.phone, name: user.name },
          ...tokens,
        };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('An account with this e-mail or 手机号 already exists');
      throw error;
    }
  }

  /**
   * Throttled per log-in (e-mail or 手机号) and per address. Each attempt is counted before it is checked
   * (RateLimitService.take), so requests sent at once cannot slip past the limit together; a successful
   * log-in gives its attempt back. The same answer for an unknown log-in and a wrong password.
   */
  async verifyCredentials(
    login: LoginId,
    password: string,
    ip: string | null,
  ): Promise<{ id: string; tenantId: string; sessionVersion: number }> {
    const { perEmail, perAddress, windowSeconds } = this.config.loginThrottle;
    const loginKey = `login:${login.kind}:${login.value}`;
    const ipKey = `login:ip:${ip ?? 'unknown'}`;
    const [byLogin, byIp] = await Promise.all([
      this.limits.take(loginKey, windowSeconds, perEmail),
      this.limits.take(ipKey, windowSeconds, perAddress),
    ]);
    if (!byLogin.allowed || !byIp.allowed) {
      const retry = Math.max(
        byLogin.allowed ? 0 : byLogin.retryAfterSeconds,
        byIp.allowed ? 0 : byIp.retryAfterSeconds,
      );
      await this.audit.record({
        tenantId: null,
        actorId: null,
        action: 'auth.login_throttled',
        entityType: 'User',
        changes: { login: login.value },
      });
      throw new TooManyRequests('Too many log-in attempts; try again later', retry);
    }

    const user = await this.prisma.user.findFirst({
      where: login.kind === 'email' ? { email: login.value } : { phone: login.value },
    });
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok || !user.isActive || user.passwordHash === null) {
      await this.audit.record({
        tenantId: user?.tenantId ?? null,
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        entityType: 'User',
        entityId: user?.id ?? null,
        changes: {
          login: login.value,
          reason: !user
            ? 'unknown_login'
            : user.passwordHash === null
              ? 'no_password'
              : !ok
                ? 'wrong_password'
                : 'inactive',
        },
      });
      throw new Unauthorized(BAD_CREDENTIALS);
    }
    await Promise.all([this.limits.reset(loginKey, windowSeconds), this.limits.release(ipKey, windowSeconds)]);
    return { id: user.id, tenantId: user.tenantId, sessionVersion: user.sessionVersion };
  }

  /** After the local strategy accepted the credentials: record the log-in and issue a token pair. */
  async startSession(user: { id: string; tenantId: string; sessionVersion: number }): Promise<TokenPair> {
    return this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
      await this.audit.record(
        { tenantId: user.tenantId, actorId: user.id, action: 'auth.login', entityType: 'User', entityId: user.id },
        tx,
      );
      return this.tokens.issue(tx, user);
    });
  }

  /** Rotates a refresh token. A token used twice revokes its whole family (both holders are signed out). */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const row = await this.prisma.refreshToken.findFirst({
      where: { tokenHash: hashRefreshToken(refreshToken) },
      include: { user: { select: { id: true, tenantId: true, isActive: true, sessionVersion: true } } },
    });
    if (!row) throw new Unauthorized('Refresh token is not valid');
    if (row.usedAt || row.revokedAt) {
      await this.revokeFamily(row.tenantId, row.familyId);
      await this.audit.record({
        tenantId: row.tenantId,
        actorId: row.userId,
        action: 'auth.refresh_reuse',
        entityType: 'RefreshToken',
        entityId: row.familyId,
        changes: { reason: row.usedAt ? 'reused' : 'revoked' },
      });
      throw new Unauthorized('Refresh token was already used; please log in again');
    }
    if (row.expiresAt.getTime() <= Date.now() || !row.user.isActive)
      throw new Unauthorized('Refresh token has expired');
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.refreshToken.updateMany({
        where: { id: row.id, usedAt: null, revokedAt: null },
        data: { usedAt: new Date() },
      });
      if (claimed.count !== 1) throw new Unauthorized('Refresh token was already used; please log in again');
      return this.tokens.issue(tx, row.user, row.familyId);
    });
  }

  async logout(actor: Actor, refreshToken: string | undefined): Promise<void> {
    if (refreshToken) {
      const row = await this.prisma.refreshToken.findFirst({ where: { tokenHash: hashRefreshToken(refreshToken) } });
      if (row && row.userId === actor.userId) await this.revokeFamily(row.tenantId, row.familyId);
    }
    await this.audit.record({ action: 'auth.logout', entityType: 'User', entityId: actor.userId });
  }

  async revokeFamily(tenantId: string, familyId: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({
      where: { tenantId, familyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }

  async me(actor: Actor): Promise<MeView> {
    const user = await this.prisma.user.findFirstOrThrow({
      where: { id: actor.userId, tenantId: actor.tenantId },
      include: {
        tenant: true,
        memberships: { include: { organization: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
      },
    });
    const roles = new Set(user.memberships.map((m) => m.role as Role));
    return {
      id: user.id,
      email: user.email,
      phone: user.phone,
      name: user.name,
      isActive: user.isActive,
      hasPassword: user.passwordHash !== null,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      tenant: { id: user.tenant.id, name: user.tenant.name, timeZone: user.tenant.timeZone },
      memberships: user.memberships.map((m) => ({
        id: m.id,
        organizationId: m.organizationId,
        organizationName: m.organization.name,
        role: m.role as Role,
      })),
      permissions: PERMISSIONS.filter((p) => [...roles].some((r) => roleGrants(r, p))),
    };
  }
}
