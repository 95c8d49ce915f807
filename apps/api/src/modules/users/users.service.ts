import { Inject, Injectable } from '@nestjs/common';
import { type Page, type Role, type UserView } from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import { hashPassword } from '../../core/auth/password.js';
import type { Actor } from '../../core/context/request-context.js';
import { isUniqueViolation } from '../../core/database/prisma-errors.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { Conflict, InvalidInput, NotFound, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { signOutEverywhere } from '../../core/auth/sessions.js';
import { pageArgs } from '../../core/http/dto/page-query.dto.js';
import { normalizePhone } from '../../core/auth/login-id.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { CreateUserDto, ListUsersQueryDto, MembershipInputDto, UpdateUserDto } from './dto/user.dto.js';
import { canManageUser, mayGrant } from './user-scope.js';

export const userInclude = {
  memberships: {
    include: { organization: { select: { name: true, path: true } } },
    orderBy: { createdAt: 'asc' },
  },
} as const;
type UserRow = Prisma.UserGetPayload<{ include: typeof userInclude }>;

export function toUserView(u: Omit<UserRow, 'memberships'> & { memberships: UserRow['memberships'] }): UserView {
  return {
    id: u.id,
    email: u.email,
    phone: u.phone,
    name: u.name,
    isActive: u.isActive,
    hasPassword: u.passwordHash !== null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    memberships: u.memberships.map((m) => ({
      id: m.id,
      organizationId: m.organizationId,
      organizationName: m.organization.name,
      role: m.role as Role,
    })),
  };
}

/** Users and their memberships, managed by ADMINs inside their subtree. Never returns password hashes. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  private inScope(actor: Actor, permission: 'user:read' | 'user:write'): Prisma.UserWhereInput {
    return {
      tenantId: actor.tenantId,
      memberships: { some: { organization: this.access.organizationWhere(actor, permission) } },
    };
  }

  /**
   * Users with a membership inside the actor's user:read scope, narrowed by the filters. The membership that
   * matches carries every membership filter at once: `?organizationId=X&role=REPORTER` is a REPORTER at X.
   * A unit outside the scope answers 404, as the task and event lists do.
   */
  async list(actor: Actor, q: ListUsersQueryDto): Promise<Page<UserView>> {
    const orgs = this.access.organizationWhere(actor, 'user:read');
    const membership: Prisma.MembershipWhereInput[] = [{ organization: orgs }];
    if (q.organizationId) {
      const unit = await this.prisma.organization.findFirst({
        where: { AND: [{ id: q.organizationId }, orgs] },
        select: { id: true, path: true },
      });
      if (!unit) throw new NotFound('Organization');
      membership.push(
        q.subtree
          ? { organization: { tenantId: actor.tenantId, path: { startsWith: unit.path } } }
          : { organizationId: unit.id },
      );
    }
    if (q.role) membership.push({ role: q.role });
    const and: Prisma.UserWhereInput[] = [
      { tenantId: actor.tenantId, memberships: { some: { tenantId: actor.tenantId, AND: membership } } },
    ];
    if (q.q) {
      const text = q.q.trim();
      const phone = normalizePhone(text);
      and.push({
        OR: [
          { name: { contains: text, mode: 'insensitive' } },
          { email: { contains: text.toLowerCase() } },
          ...(/^\d{3,11}$/.test(phone) ? [{ phone: { contains: phone } }] : []),
        ],
      });
    }
    if (q.active !== undefined) and.push({ isActive: q.active });
    if (q.pending !== undefined) and.push({ passwordHash: q.pending ? null : { not: null } });
    const where: Prisma.UserWhereInput = { AND: and };
    const [rows, total] = await Promise.all([
      this.prisma.user.findMany({
        where,
        include: userInclude,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        ...pageArgs(q),
      }),
      this.prisma.user.count({ where }),
    ]);
    return { items: rows.map(toUserView), total, page: q.page, pageSize: q.pageSize };
  }

  /** One user with a membership inside the actor's user:read scope; anyone else is 404. */
  async get(actor: Actor, id: string): Promise<UserView> {
    const user = await this.prisma.user.findFirst({
      where: { AND: [{ id }, this.inScope(actor, 'user:read')] },
      include: userInclude,
    });
    if (!user) throw new NotFound('User');
    return toUserView(user);
  }

  /** Memberships may only name organizations in the actor's scope (else 404) with roles not above its own (else 422). */
  private async checkGrants(actor: Actor, memberships: MembershipInputDto[]): Promise<void> {
    const seen = new Set<string>();
    memberships.forEach((m, i) => {
      if (seen.has(m.organizationId))
        throw InvalidInput.field(`memberships.${i}.organizationId`, 'An organization may appear only once');
      seen.add(m.organizationId);
    });
    const ids = memberships.map((m) => m.organizationId);
    await this.access.assertOrganizations(actor, 'user:write', ids);
    const orgs = await this.prisma.organization.findMany({
      where: { tenantId: actor.tenantId, id: { in: ids } },
      select: { id: true, path: true },
    });
    const pathOf = new Map(orgs.map((o) => [o.id, o.path]));
    memberships.forEach((m, i) => {
      if (!mayGrant(actor, pathOf.get(m.organizationId)!, m.role)) {
        throw new TransitionNotAllowed(`You cannot grant ${m.role} above your own role`, {
          field: `memberships.${i}.role`,
        });
      }
    });
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    if (dto.memberships.length === 0) throw InvalidInput.field('memberships', 'A user needs at least one membership');
    await this.checkGrants(actor, dto.memberships);
    // Without a password the user cannot log in until it sets one through an invitation link.
    const passwordHash = dto.password !== undefined ? await hashPassword(dto.password) : null;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const created = await tx.user.create({
          data: {
            tenantId: actor.tenantId,
            email: dto.email ?? null,
            phone: dto.phone ?? null,
            name: dto.name,
            passwordHash,
          },
        });
        await tx.membership.createMany({
          data: dto.memberships.map((m) => ({
            tenantId: actor.tenantId,
            userId: created.id,
            organizationId: m.organizationId,
            role: m.role,
          })),
        });
        const user = await tx.user.findUniqueOrThrow({ where: { id: created.id }, include: userInclude });
        await this.audit.record(
          {
            action: 'user.create',
            entityType: 'User',
            entityId: user.id,
            organizationId: firstOrganizationId(user),
            changes: {
              email: dto.email ?? null,
              phone: dto.phone ?? null,
              name: dto.name,
              withPassword: dto.password !== undefined,
              memberships: dto.memberships.map((m) => ({ ...m })),
            },
          },
          tx,
        );
        return toUserView(user);
      });
    } catch (error) {
      throw loginTaken(error);
    }
  }

  /**
   * A user the actor may change (user-scope.ts): every membership inside its user:write scope and no role
   * above its own there. Anyone else is 404, exactly as a user that does not exist.
   */
  async findManageable(actor: Actor, id: string): Promise<UserRow> {
    const user = await this.prisma.user.findFirst({
      where: { AND: [{ id }, this.inScope(actor, 'user:write')] },
      include: userInclude,
    });
    const memberships = user?.memberships.map((m) => ({ role: m.role as Role, path: m.organization.path })) ?? [];
    if (!user || !canManageUser(actor, memberships)) throw new NotFound('User');
    return user;
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.findManageable(actor, id);
    if (dto.isActive === false && user.id === actor.userId)
      throw new TransitionNotAllowed('You cannot deactivate yourself');
    // Everything that reads outside the transaction (scope checks) or takes time (hashing) happens before
    // it: a transaction holds its connection, and waiting inside it for a second one can stall the pool.
    if (dto.memberships) {
      if (dto.memberships.length === 0) throw InvalidInput.field('memberships', 'A user needs at least one membership');
      await this.checkGrants(actor, dto.memberships);
    }
    const passwordHash = dto.password !== undefined ? await hashPassword(dto.password) : undefined;
    const email = dto.email !== undefined ? dto.email : user.email;
    const phone = dto.phone !== undefined ? dto.phone : user.phone;
    if (email === null && phone === null)
      throw InvalidInput.field(dto.email === null ? 'email' : 'phone', 'A user needs an e-mail or a 手机号');

    try {
      return await this.prisma.$transaction(async (tx) => {
        const data: Prisma.UserUpdateInput = {};
        if (dto.name !== undefined) data.name = dto.name;
        if (dto.email !== undefined) data.email = dto.email;
        if (dto.phone !== undefined) data.phone = dto.phone;
        if (passwordHash !== undefined) data.passwordHash = passwordHash;
        if (dto.isActive !== undefined && dto.isActive !== user.isActive) {
          data.isActive = dto.isActive;
          data.deactivatedAt = dto.isActive ? null : new Date();
        }
        if (dto.isActive === false || dto.password !== undefined) {
          await signOutEverywhere(tx, actor.tenantId, user.id);
        }
        if (dto.memberships) {
          // Every membership of the user is inside the actor's scope (findManageable): the list replaces them all.
          await tx.membership.deleteMany({ where: { tenantId: actor.tenantId, userId: user.id } });
          await tx.membership.createMany({
            data: dto.memberships.map((m) => ({
              tenantId: actor.tenantId,
              userId: user.id,
              organizationId: m.organizationId,
              role: m.role,
            })),
            skipDuplicates: true,
          });
        }
        await tx.user.update({ where: { id: user.id }, data });
        const after = await tx.user.findUniqueOrThrow({ where: { id: user.id }, include: userInclude });
        await this.audit.record(
          {
            action:
              dto.isActive === false ? 'user.deactivate' : dto.memberships ? 'user.memberships_change' : 'user.update',
            entityType: 'User',
            entityId: user.id,
            organizationId: firstOrganizationId(after.memberships.length ? after : user),
            changes: {
              name: dto.name,
              email: dto.email,
              phone: dto.phone,
              isActive: dto.isActive,
              passwordChanged: dto.password !== undefined,
              membershipsBefore: user.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
              membershipsAfter: dto.memberships
                ? after.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role }))
                : undefined,
            },
          },
          tx,
        );
        return toUserView(after);
      });
    } catch (error) {
      throw loginTaken(error);
    }
  }
}

/** The unit a user's audit entries belong to (GET /audit scope): its first membership's organization. */
export function firstOrganizationId(user: { memberships: { organizationId: string }[] }): string | null {
  return user.memberships[0]?.organizationId ?? null;
}

/**
 * 409 for an e-mail or 手机号 that another account holds — in any tenant, which the answer never names.
 * details.field says which of the two when the database names the constraint. Other errors pass through.
 */
export function loginTaken(error: unknown): unknown {
  if (!isUniqueViolation(error)) return error;
  const text = JSON.stringify((error as { meta?: unknown }).meta ?? {}) + String((error as Error).message ?? '');
  const field = /phone/.test(text) ? 'phone' : /email/.test(text) ? 'email' : null;
  return new Conflict(
    field === 'phone'
      ? 'An account with this 手机号 already exists'
      : field === 'email'
        ? 'An account with this e-mail already exists'
        : 'An account with this e-mail or 手机号 already exists',
    field ? { field } : undefined,
  );
}
