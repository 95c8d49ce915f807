// POST /organizations/import: the organization sheet checked as a whole (organization-import.plan.ts),
// then — unless a dry run — written all-or-nothing: one transaction under the tenant's directory lock,
// the state re-read under it, one INSERT … SELECT FROM unnest for every new unit, one audit entry.
import type { ImportResult } from '@campaign-month/contracts';
import { ORGANIZATION_IMPORT_COLUMNS } from '@campaign-month/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { InvalidInput } from '../../core/errors/domain-errors.js';
import { importResult, rejectIfErrors } from '../../core/spreadsheet/import-result.js';
import { readTable } from '../../core/spreadsheet/sheet-table.js';
import { lockTenantDirectory } from '../../core/spreadsheet/tenant-lock.js';
import { readFirstSheet } from '../../core/spreadsheet/workbook.js';
import type { UploadedFileData } from '../../core/uploads/file-upload.interceptor.js';
import type { Prisma } from '../../generated/prisma/client.js';
import {
  type NewUnit,
  ORG_REQUIRED_COLUMNS,
  type OrgColumn,
  type OrgImportState,
  planOrganizationImport,
} from './organization-import.plan.js';

type Db = Pick<PrismaService, 'organization'> | Prisma.TransactionClient;

@Injectable()
export class OrganizationImportService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, file: UploadedFileData | undefined, dryRun: boolean): Promise<ImportResult> {
    if (!file?.buffer?.length)
      throw InvalidInput.field('file', 'Attach the sheet (.xlsx) in the multipart field "file"');
    const sheet = await readFirstSheet(file.buffer, 'the organization sheet');
    const table = readTable<OrgColumn>(sheet, ORGANIZATION_IMPORT_COLUMNS, ORG_REQUIRED_COLUMNS);
    const plan = async (db: Db) => {
      const p = planOrganizationImport(
        table.rows,
        await this.state(
          db,
          actor,
          table.rows.map((r) => r.cells['单位编码']),
        ),
      );
      for (const e of table.errors) p.errors.add(e.row, e.column, e.message);
      return p;
    };
    if (dryRun) {
      const p = await plan(this.prisma);
      return withoutNewIds(importResult(true, p.planned, p.errors));
    }
    return this.prisma.$transaction(
      async (tx) => {
        await lockTenantDirectory(tx, actor.tenantId);
        // re-read under the lock: an import or a create that committed meanwhile turns its rows into skips
        const p = await plan(tx);
        const result = importResult(false, p.planned, p.errors);
        rejectIfErrors(result, p.errors.size);
        await insertUnits(tx, actor.tenantId, p.inserts);
        await this.audit.record(
          {
            action: 'organization.import',
            entityType: 'Organization',
            entityId: null,
            organizationId: this.ownUnit(actor),
            changes: {
              rows: result.rows,
              created: result.created,
              skipped: result.skipped,
              fileName: file.originalname ?? null,
            },
          },
          tx,
        );
        return result;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  }

  /** The importer's own unit: the top of its only organization:write scope (null when it has several). */
  ownUnit(actor: Actor): string | null {
    const paths = this.access.scopePaths(actor, 'organization:write');
    if (paths.length !== 1) return null;
    return paths[0]!.split('/').filter(Boolean).pop() ?? null;
  }

  private async state(db: Db, actor: Actor, fileCodes: string[]): Promise<OrgImportState> {
    const units = await db.organization.findMany({
      where: this.access.organizationWhere(actor, 'organization:write'),
      select: { id: true, parentId: true, name: true, code: true, path: true, depth: true, archivedAt: true },
    });
    const inScope = new Set(units.map((u) => u.code).filter(Boolean));
    const codes = [...new Set(fileCodes.filter((c) => c && !inScope.has(c)))];
    const elsewhere = codes.length
      ? await db.organization.findMany({
          where: { tenantId: actor.tenantId, code: { in: codes } },
          select: { code: true },
        })
      : [];
    return {
      units: units.map(({ archivedAt, ...u }) => ({ ...u, archived: archivedAt !== null })),
      codesElsewhere: new Set(elsewhere.map((e) => e.code!)),
      defaultParentId: this.ownUnit(actor),
    };
  }
}

/** A dry run creates nothing, so its new rows have no id yet. */
function withoutNewIds(result: ImportResult): ImportResult {
  return { ...result, preview: result.preview.map((p) => (p.outcome === 'skip' ? p : { ...p, id: null })) };
}

async function insertUnits(tx: Prisma.TransactionClient, tenantId: string, units: NewUnit[]): Promise<void> {
  if (units.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO organization (id, tenant_id, parent_id, name, kind, code, path, depth)
    SELECT u.id, ${tenantId}::uuid, u.parent_id, u.name, u.kind::"OrganizationKind", u.code, u.path, u.depth
      FROM unnest(${units.map((u) => u.id)}::uuid[], ${units.map((u) => u.parentId)}::uuid[],
                  ${units.map((u) => u.name)}::text[], ${units.map((u) => u.kind)}::text[],
                  ${units.map((u) => u.code)}::text[], ${units.map((u) => u.path)}::text[],
                  ${units.map((u) => u.depth)}::int[])
           AS u(id, parent_id, name, kind, code, path, depth)`;
}
