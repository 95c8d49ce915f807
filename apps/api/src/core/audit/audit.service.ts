import { Inject, Injectable } from '@nestjs/common';
import { requestContext } from '../context/request-context.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Prisma.InputJsonValue;
  /** Defaults to the actor's tenant. */
  tenantId?: string | null;
  actorId?: string | null;
  /** The organization the change belongs to: admins read the entries of their subtree (GET /audit). */
  organizationId?: string | null;
}

type Db = Pick<PrismaService, 'auditEntry'> | Prisma.TransactionClient;

/** Writes who did what, when, from where. Pass the transaction client to make it part of the change. */
@Injectable()
export class AuditService {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async record(input: AuditInput, db: Db = this.prisma): Promise<void> {
    const ctx = requestContext.get();
    await db.auditEntry.create({
      data: {
        tenantId: input.tenantId !== undefined ? input.tenantId : (ctx?.actor?.tenantId ?? null),
        actorId: input.actorId !== undefined ? input.actorId : (ctx?.actor?.userId ?? null),
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId ?? null,
        organizationId: input.organizationId ?? null,
        changes: input.changes,
        ip: ctx?.ip ?? null,
        requestId: ctx?.requestId ?? null,
      },
    });
  }
}
