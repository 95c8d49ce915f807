import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { OrganizationTreeNode, OrganizationView, Page } from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../core/database/prisma-errors.js';
import { Conflict, NotFound, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { lockTenantDirectory } from '../../core/spreadsheet/tenant-lock.js';
import { pageArgs } from '../../core/http/dto/page-query.dto.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type {
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import { OrganizationMoveService } from './organization-move.service.js';
import { assertCodeFree, assertNameFree, normalizeCode } from './organization-rules.js';
import { type OrgRow, toOrganizationView } from './organization-view.js';

export { toOrganizationView };

@Injectable()
export class OrganizationsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OrganizationMoveService) private readonly mover: OrganizationMoveService,
  ) {}

  async list(actor: Actor, q: ListOrganizationsQueryDto): Promise<Page<OrganizationView>> {
    const where: Prisma.OrganizationWhereInput = {
      AND: [
        this.access.organizationWhere(actor, 'organization:read'),
        q.parentId ? { parentId: q.parentId } : {},
        q.kind ? { kind: q.kind } : {},
        q.q
          ? {
              OR: [{ name: { contains: q.q, mode: 'insensitive' } }, { code: { contains: q.q, mode: 'insensitive' } }],
            }
          : {},
        q.includeArchived ? {} : { archivedAt: null },
      ],
    };
    const [items, total] = await Promise.all([
      this.prisma.organization.findMany({
        where,
        orderBy: [{ depth: 'asc' }, { name: 'asc' }, { id: 'asc' }],
        ...pageArgs(q),
      }),
      this.prisma.organization.count({ where }),
    ]);
    return { items: items.map(toOrganizationView), total, page: q.page, pageSize: q.pageSize };
  }

  /** One organization inside the actor's scope for `permission`, or 404. */
  async findInScope(
    actor: Actor,
    id: string,
    permission: 'organization:read' | 'organization:write' = 'organization:read',
  ) {
    const org = await this.prisma.organization.findFirst({
      where: { AND: [{ id }, this.access.organizationWhere(actor, permission)] },
    });
    if (!org) throw new NotFound('Organization');
    return org;
  }

  async get(actor: Actor, id: string): Promise<OrganizationView> {
    return toOrganizationView(await this.findInScope(actor, id));
  }

  async create(actor: Actor, dto: CreateOrganizationDto): Promise<OrganizationView> {
    const code = normalizeCode(dto.code) ?? null;
    const id = randomUUID();
    return this.unique(() =>
      this.prisma.$transaction(async (tx) => {
        await lockTenantDirectory(tx, actor.tenantId);
        const parent = await tx.organization.findFirst({
          where: { AND: [{ id: dto.parentId }, this.access.organizationWhere(actor, 'organization:write')] },
        });
        if (!parent) throw new NotFound('Organization');
        if (parent.archivedAt) throw new TransitionNotAllowed('The parent organization is archived');
        await assertNameFree(tx, actor.tenantId, parent.id, dto.name);
        await assertCodeFree(tx, actor.tenantId, code);
        const org = await tx.organization.create({
          data: {
            id,
            tenantId: actor.tenantId,
            parentId: parent.id,
            name: dto.name,
            kind: dto.kind,
            code,
            path: `${parent.path}${id}/`,
            depth: parent.depth + 1,
          },
        });
        await this.audit.record(
          {
            action: 'organization.create',
            entityType: 'Organization',
            entityId: id,
            organizationId: id,
            changes: { ...dto, code },
          },
          tx,
        );
        return toOrganizationView(org);
      }),
    );
  }

  /**
   * Rename, change kind or 单位编码, move (parentId: the same as POST /organizations/:id/move), archive or
   * restore (archived). All in one transaction under the tenant's directory lock.
   */
  async update(actor: Actor, id: string, dto: UpdateOrganizationDto): Promise<OrganizationView> {
    if (dto.archived === true) {
      await this.remove(actor, id, true);
      return this.get(actor, id);
    }
    const code = normalizeCode(dto.code);
    return this.unique(() =>
      this.prisma.$transaction(async (tx) => {
        await lockTenantDirectory(tx, actor.tenantId);
        const org = await tx.organization.findFirst({
          where: { AND: [{ id }, this.access.organizationWhere(actor, 'organization:write')] },
        });
        if (!org) throw new NotFound('Organization');
        if (dto.parentId !== undefined) await this.mover.moveLocked(tx, actor, org, dto.parentId);
        const moved = await tx.organization.findUniqueOrThrow({ where: { id: org.id } });
        const restoring = dto.archived === false && moved.archivedAt !== null;
        if (restoring && moved.parentId) {
          const parent = await tx.organization.findUniqueOrThrow({ where: { id: moved.parentId } });
          if (parent.archivedAt)
            throw new TransitionNotAllowed('Restore its parent organization first: the parent is archived');
        }
        const name = dto.name ?? moved.name;
        if (
          moved.parentId &&
          (restoring || (dto.name !== undefined && dto.name !== moved.name)) &&
          (restoring || !moved.archivedAt)
        )
          await assertNameFree(tx, actor.tenantId, moved.parentId, name, moved.id);
        if (code !== undefined && code !== moved.code) await assertCodeFree(tx, actor.tenantId, code, moved.id);
        const updated = await tx.organization.update({
          where: { id: org.id },
          data: {
            ...(dto.name !== undefined ? { name: dto.name } : {}),
            ...(dto.kind !== undefined ? { kind: dto.kind } : {}),
            ...(code !== undefined ? { code } : {}),
            ...(restoring ? { archivedAt: null } : {}),
          },
        });
        await this.audit.record(
          {
            action: restoring ? 'organization.restore' : 'organization.update',
            entityType: 'Organization',
            entityId: org.id,
            organizationId: org.id,
            changes: {
              before: { name: org.name, kind: org.kind, code: org.code, parentId: org.parentId },
              after: { ...dto, ...(code !== undefined ? { code } : {}) },
            },
          },
          tx,
        );
        return toOrganizationView(updated);
      }),
    );
  }

  /** A unique violation that slipped past the checks (a code taken at the same instant) is 409, not 500. */
  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('The code is already used by another organization');
      throw error;
    }
  }

  /**
   * Deletes an unused leaf; archives one that any row refers to (its events, tasks, summaries, leading
   * groups, participations, campaigns and memberships stay intact and readable). archiveOnly: never delete
   * (PATCH {archived:true}). The tenant's root is never removed.
   */
  async remove(
    actor: Actor,
    id: string,
    archiveOnly = false,
  ): Promise<{ id: string; deleted: boolean; archived: boolean }> {
    const org = await this.findInScope(actor, id, 'organization:write');
    if (org.parentId === null) throw new TransitionNotAllowed('The root organization cannot be deleted');
    if (
      actor.memberships.some((m) => m.organizationId === org.id && m.role === 'ADMIN') &&
      !actor.memberships.some((m) => m.role === 'ADMIN' && org.path.startsWith(m.path) && m.path !== org.path)
    ) {
      throw new TransitionNotAllowed('You cannot remove the organization your own administration rests on');
    }
    const activeChildren = await this.prisma.organization.count({
      where: { tenantId: actor.tenantId, parentId: org.id, archivedAt: null },
    });
    if (activeChildren > 0)
      throw new Conflict('The organization still has sub-organizations; move or remove them first');
    const archive = async () =>
      this.prisma.$transaction(async (tx) => {
        await tx.organization.update({ where: { id: org.id }, data: { archivedAt: org.archivedAt ?? new Date() } });
        await this.audit.record(
          { action: 'organization.archive', entityType: 'Organization', entityId: org.id, organizationId: org.id },
          tx,
        );
        return { id: org.id, deleted: false, archived: true };
      });
    if (archiveOnly || (await this.isReferenced(actor.tenantId, org.id))) return archive();
    try {
      return await this.prisma.$transaction(async (tx) => {
        await tx.organization.delete({ where: { id: org.id } });
        await this.audit.record(
          {
            action: 'organization.delete',
            entityType: 'Organization',
            entityId: org.id,
            // the unit is gone: its parent's admins still see that it was deleted
            organizationId: org.parentId,
            changes: { name: org.name },
          },
          tx,
        );
        return { id: org.id, deleted: true, archived: false };
      });
    } catch (error) {
      // a row referring to it was added since the check (or by a table added later): archive instead
      if (isForeignKeyViolation(error)) return archive();
      throw error;
    }
  }

  /** Does any row point to this organization (every table with a foreign key to it)? */
  private async isReferenced(tenantId: string, id: string): Promise<boolean> {
    const [row] = await this.prisma.$queryRaw<{ used: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM organization WHERE tenant_id = ${tenantId}::uuid AND parent_id = ${id}::uuid)
          OR EXISTS (SELECT 1 FROM membership WHERE tenant_id = ${tenantId}::uuid AND organization_id = ${id}::uuid)
          OR EXISTS (SELECT 1 FROM participant WHERE tenant_id = ${tenantId}::uuid AND organization_id = ${id}::uuid)
          OR EXISTS (SELECT 1 FROM campaign WHERE tenant_id = ${tenantId}::uuid AND organizer_org_id = ${id}::uuid)
          OR EXISTS (SELECT 1 FROM publicity_event WHERE tenant_id = ${tenantId}::uuid AND organization_id = ${id}::uuid)
          OR EXISTS (SELECT 1 FROM task WHERE tenant_id = ${tenantId}::uuid AND organization_id = ${id}::uuid)
          OR EXISTS (SELECT 1 FROM summary_report WHERE tenant_id = ${tenantId}::uuid AND organization_id = ${id}::uuid)
          OR EXISTS (SELECT 1 FROM leading_group WHERE tenant_id = ${tenantId}::uuid AND organization_id = ${id}::uuid)
          AS used`;
    return row?.used === true;
  }

  /**
   * The subtree under an organization, read in one indexed prefix query and assembled in memory, with each
   * node's count of units below it (the whole subtree, also past `depth`) and of users placed at it.
   */
  async tree(actor: Actor, id: string, depth = 20): Promise<OrganizationTreeNode> {
    const root = await this.findInScope(actor, id);
    const rows = await this.prisma.$queryRaw<(OrgRow & { descendantCount: number; memberCount: number })[]>`
      WITH sub AS (
        SELECT * FROM organization
         WHERE tenant_id = ${actor.tenantId}::uuid AND path LIKE ${`${root.path}%`} AND archived_at IS NULL),
      below AS (
        SELECT a.id::uuid AS id, count(*) - 1 AS n
          FROM sub, unnest(string_to_array(trim(both '/' from sub.path), '/')) AS a(id)
         GROUP BY a.id),
      members AS (
        SELECT organization_id AS id, count(DISTINCT user_id) AS n FROM membership
         WHERE tenant_id = ${actor.tenantId}::uuid AND organization_id IN (SELECT id FROM sub)
         GROUP BY organization_id)
      SELECT sub.id, sub.parent_id AS "parentId", sub.name, sub.kind::text AS kind, sub.code, sub.depth,
             sub.archived_at AS "archivedAt", sub.created_at AS "createdAt", sub.path,
             coalesce(below.n, 0)::int AS "descendantCount", coalesce(members.n, 0)::int AS "memberCount"
        FROM sub LEFT JOIN below ON below.id = sub.id LEFT JOIN members ON members.id = sub.id
       WHERE sub.depth <= ${root.depth + depth}
       ORDER BY sub.depth, sub.name`;
    const nodes = new Map<string, OrganizationTreeNode>();
    for (const row of rows) {
      nodes.set(row.id, {
        ...toOrganizationView(row),
        descendantCount: row.descendantCount,
        memberCount: row.memberCount,
        children: [],
      });
    }
    for (const row of rows) {
      if (row.id === root.id || !row.parentId) continue;
      nodes.get(row.parentId)?.children.push(nodes.get(row.id)!);
    }
    return nodes.get(root.id) ?? { ...toOrganizationView(root), descendantCount: 0, memberCount: 0, children: [] };
  }
}
