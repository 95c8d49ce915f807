// GET /audit (操作日志): entries of the caller's tenant whose unit lies in its audit:read subtree, newest
// first; tenant-wide entries (no unit: log-ins, sign-up) only for admins of the tenant's root. One statement
// joins each entry to its unit's path, so a subtree is a prefix match, never a walk.
import { Inject, Injectable } from '@nestjs/common';
import type { AuditEntryView, Page } from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { InvalidInput, NotFound } from '../../core/errors/domain-errors.js';
import { isCalendarDay } from '../../core/http/calendar-day.validator.js';
import { pageArgs } from '../../core/http/dto/page-query.dto.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { AuditQueryDto } from './dto/audit-query.dto.js';

interface Row {
  id: string;
  created_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  organization_id: string | null;
  organization_name: string | null;
  ip: string | null;
  changes: unknown;
}

/** A path as a LIKE prefix pattern (paths hold uuids and slashes; escaped anyway). */
const prefix = (path: string) => `${path.replace(/[\\%_]/g, '\\$&')}%`;
/** The tenant's root has a path of one segment. */
const isRootPath = (path: string) => /^\/[^/]+\/$/.test(path);

@Injectable()
export class AuditLogService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
  ) {}

  async list(actor: Actor, q: AuditQueryDto): Promise<Page<AuditEntryView>> {
    if (q.from && q.to && isCalendarDay(q.from) === isCalendarDay(q.to) && start(q.from) > start(q.to))
      throw InvalidInput.field('from', 'from must not be after to');
    const paths = this.access.scopePaths(actor, 'audit:read');
    const tenantWide = paths.some(isRootPath);
    const where: Prisma.Sql[] = [
      Prisma.sql`a.tenant_id = ${actor.tenantId}::uuid`,
      tenantWide
        ? Prisma.sql`(o.path LIKE ANY (${paths.map(prefix)}::text[]) OR a.organization_id IS NULL)`
        : Prisma.sql`o.path LIKE ANY (${paths.map(prefix)}::text[])`,
    ];
    if (q.organizationId) {
      const unit = await this.prisma.organization.findFirst({
        where: { AND: [{ id: q.organizationId }, this.access.organizationWhere(actor, 'audit:read')] },
        select: { id: true, path: true },
      });
      if (!unit) throw new NotFound('Organization');
      where.push(
        q.subtree ? Prisma.sql`o.path LIKE ${prefix(unit.path)}` : Prisma.sql`a.organization_id = ${unit.id}::uuid`,
      );
    }
    if (q.actorId) where.push(Prisma.sql`a.actor_id = ${q.actorId}::uuid`);
    if (q.action) where.push(Prisma.sql`a.action = ${q.action}`);
    if (q.entityType) where.push(Prisma.sql`a.entity_type = ${q.entityType}`);
    if (q.entityId) where.push(Prisma.sql`a.entity_id = ${q.entityId}`);
    // A day is a day of the tenant's calendar: from its midnight there to the next one.
    const zone = Prisma.sql`(SELECT time_zone FROM tenant WHERE id = ${actor.tenantId}::uuid)`;
    if (q.from)
      where.push(
        isCalendarDay(q.from)
          ? Prisma.sql`a.created_at >= (${q.from}::date::timestamp AT TIME ZONE ${zone})`
          : Prisma.sql`a.created_at >= ${q.from}::timestamptz`,
      );
    if (q.to)
      where.push(
        isCalendarDay(q.to)
          ? Prisma.sql`a.created_at < ((${q.to}::date + 1)::timestamp AT TIME ZONE ${zone})`
          : Prisma.sql`a.created_at <= ${q.to}::timestamptz`,
      );
    const filter = Prisma.join(where, ' AND ');
    const from = Prisma.sql`
      FROM audit_entry a
      LEFT JOIN organization o ON o.tenant_id = a.tenant_id AND o.id = a.organization_id`;
    const { skip, take } = pageArgs(q);
    const [rows, count] = await Promise.all([
      this.prisma.$queryRaw<Row[]>`
        SELECT a.id::text AS id, a.created_at, a.actor_id, u.name AS actor_name, a.action, a.entity_type,
               a.entity_id, a.organization_id, o.name AS organization_name, a.ip, a.changes
          ${from}
          LEFT JOIN app_user u ON u.tenant_id = a.tenant_id AND u.id = a.actor_id
         WHERE ${filter}
         ORDER BY a.created_at DESC, a.id DESC
         LIMIT ${take} OFFSET ${skip}`,
      this.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${from} WHERE ${filter}`,
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        actor: r.actor_id && r.actor_name !== null ? { id: r.actor_id, name: r.actor_name } : null,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        organization:
          r.organization_id && r.organization_name !== null
            ? { id: r.organization_id, name: r.organization_name }
            : null,
        ip: r.ip,
        changes: r.changes ?? null,
      })),
      total: count[0]?.n ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

function start(value: string): number {
  return Date.parse(isCalendarDay(value) ? `${value}T00:00:00Z` : value);
}
