// POST /organizations/:id/move (and PATCH parentId): the unit moves under another parent with its whole
// subtree — every path under the old prefix gets the new one, depths shift — in one statement, inside
// the transaction that holds the tenant's directory lock and re-reads both ends under it.
import { Inject, Injectable } from '@nestjs/common';
import type { OrganizationView } from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { NotFound, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { lockTenantDirectory } from '../../core/spreadsheet/tenant-lock.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { assertNameFree } from './organization-rules.js';
import { toOrganizationView } from './organization-view.js';

type Org = { id: string; parentId: string | null; name: string; path: string; depth: number; archivedAt: Date | null };

@Injectable()
export class OrganizationMoveService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async move(actor: Actor, id: string, parentId: string): Promise<OrganizationView> {
    return this.prisma.$transaction(async (tx) => {
      await lockTenantDirectory(tx, actor.tenantId);
      const org = await this.inScope(tx, actor, id);
      await this.moveLocked(tx, actor, org, parentId);
      return toOrganizationView(await tx.organization.findUniqueOrThrow({ where: { id: org.id } }));
    });
  }

  /** The move itself, for a caller already holding the lock with the unit read inside its transaction. */
  async moveLocked(tx: Prisma.TransactionClient, actor: Actor, org: Org, parentId: string): Promise<void> {
    if (org.parentId === parentId) return;
    if (org.parentId === null) throw new TransitionNotAllowed('The root organization cannot be moved');
    const parent = await this.inScope(tx, actor, parentId);
    if (parent.path.startsWith(org.path)) {
      throw new TransitionNotAllowed('An organization cannot be moved under itself or one of its descendants', {
        field: 'parentId',
      });
    }
    if (parent.archivedAt)
      throw new TransitionNotAllowed('The new parent organization is archived', { field: 'parentId' });
    if (!org.archivedAt) await assertNameFree(tx, actor.tenantId, parent.id, org.name, org.id);
    const newPath = `${parent.path}${org.id}/`;
    const delta = parent.depth + 1 - org.depth;
    await tx.$executeRaw`
      UPDATE organization
         SET path = ${newPath} || substr(path, ${org.path.length + 1}), depth = depth + ${delta}, updated_at = now()
       WHERE tenant_id = ${actor.tenantId}::uuid AND path LIKE ${`${org.path}%`}`;
    await tx.organization.update({ where: { id: org.id }, data: { parentId: parent.id } });
    await this.audit.record(
      {
        action: 'organization.move',
        entityType: 'Organization',
        entityId: org.id,
        organizationId: org.id,
        changes: { fromParentId: org.parentId, toParentId: parent.id },
      },
      tx,
    );
  }

  /** A unit inside the actor's organization:write scope, read inside the transaction (else 404). */
  private async inScope(tx: Prisma.TransactionClient, actor: Actor, id: string) {
    const org = await tx.organization.findFirst({
      where: { AND: [{ id }, this.access.organizationWhere(actor, 'organization:write')] },
    });
    if (!org) throw new NotFound('Organization');
    return org;
  }
}
