import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { OrganizationKind, OrganizationTreeNode, OrganizationView, Page } from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { Conflict, NotFound, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { pageArgs } from '../../core/http/dto/page-query.dto.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type {
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';

type OrgRow = {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  code: string | null;
  depth: number;
  archivedAt: Date | null;
  createdAt: Date;
  path: string;
};

export function toOrganizationView(o: OrgRow): OrganizationView {
  return {
    id: o.id,
    parentId: o.parentId,
    name: o.name,
    kind: o.kind as OrganizationKind,
    code: o.code,
    depth: o.depth,
    archived: o.archivedAt !== null,
    createdAt: o.createdAt.toISOString(),
  };
}

@Injectable()
export class OrganizationsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, q: ListOrganizationsQueryDto): Promise<Page<OrganizationView>> {
    const where: Prisma.OrganizationWhereInput = {
      AND: [
        this.access.organizationWhere(actor, 'organization:read'),
        q.parentId ? { parentId: q.parentId } : {},
        q.kind ? { kind: q.kind } : {},
        q.q ? { name: { contains: q.q, mode: 'insensitive' } } : {},
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
    const parent = await this.findInScope(actor, dto.parentId, 'organization:write');
    if (parent.archivedAt) throw new TransitionNotAllowed('The parent organization is archived');
    const id = randomUUID();
    return this.prisma.$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: {
          id,
          tenantId: actor.tenantId,
          parentId: parent.id,
          name: dto.name,
          kind: dto.kind,
          path: `${parent.path}${id}/`,
          depth: parent.depth + 1,
        },
      });
      await this.audit.record(
        { action: 'organization.create', entityType: 'Organization', entityId: id, organizationId: id, changes: { ...dto } },
        tx,
      );
      return toOrganizationView(org);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateOrganizationDto): Promise<OrganizationView> {
    const org = await this.findInScope(actor, id, 'organization:write');
    return this.prisma.$transaction(async (tx) => {
      if (dto.parentId !== undefined && dto.parentId !== org.parentId) {
        if (org.parentId === null) throw new TransitionNotAllowed('The root organization cannot be moved');
        const parent = await this.findInScope(actor, dto.parentId, 'organization:write');
        if (parent.path.startsWith(org.path)) {
          throw new TransitionNotAllowed('An organization cannot be moved under itself or one of its descendants', {
            field: 'parentId',
          });
        }
        const newPath = `${parent.path}${org.id}/`;
        const delta = parent.depth + 1 - org.depth;
        // The whole subtree moves in one statement: every path under the old prefix gets the new prefix.
        await tx.$executeRaw`
          UPDATE organization
             SET path = ${newPath} || substr(path, ${org.path.length + 1}), depth = depth + ${delta}, updated_at = now()
           WHERE tenant_id = ${actor.tenantId}::uuid AND path LIKE ${`${org.path}%`}`;
        await tx.organization.update({ where: { id: org.id }, data: { parentId: parent.id } });
      }
      const updated = await tx.organization.update({
        where: { id: org.id },
        data: {
          ...(dto.name !== undefined ? { name: dto.name } : {}),
          ...(dto.kind !== undefined ? { kind: dto.kind } : {}),
        },
      });
      await this.audit.record(
        {
          action: 'organization.update',
          entityType: 'Organization',
          entityId: org.id,
          organizationId: org.id,
          changes: { before: { name: org.name, kind: org.kind, parentId: org.parentId }, after: { ...dto } },
        },
        tx,
      );
      return toOrganizationView(updated);
    });
  }

  /** Deletes an unused leaf; archives one that other rows refer to. The tenant's root is never removed. */
  async remove(actor: Actor, id: string): Promise<{ id: string; deleted: boolean; archived: boolean }> {
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
    const [refs] = await this.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT count(*) FROM organization WHERE tenant_id = ${actor.tenantId}::uuid AND parent_id = ${org.id}::uuid)
           + (SELECT count(*) FROM membership WHERE tenant_id = ${actor.tenantId}::uuid AND organization_id = ${org.id}::uuid)
           + (SELECT count(*) FROM participant WHERE tenant_id = ${actor.tenantId}::uuid AND organization_id = ${org.id}::uuid)
           + (SELECT count(*) FROM campaign WHERE tenant_id = ${actor.tenantId}::uuid AND organizer_org_id = ${org.id}::uuid)
           + (SELECT count(*) FROM publicity_event WHERE tenant_id = ${actor.tenantId}::uuid AND organization_id = ${org.id}::uuid) AS n`;
    return this.prisma.$transaction(async (tx) => {
      if (Number(refs?.n ?? 0) > 0) {
        await tx.organization.update({ where: { id: org.id }, data: { archivedAt: org.archivedAt ?? new Date() } });
        await this.audit.record(
          { action: 'organization.archive', entityType: 'Organization', entityId: org.id, organizationId: org.id },
          tx,
        );
        return { id: org.id, deleted: false, archived: true };
      }
      await tx.organization.delete({ where: { id: org.id } });
      await this.audit.record(
        // the unit is gone: its entry belongs to the parent, whose admins see it
        {
          action: 'organization.delete',
          entityType: 'Organization',
          entityId: org.id,
          organizationId: org.parentId,
          changes: { name: org.name },
        },
        tx,
      );
      return { id: org.id, deleted: true, archived: false };
    });
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
