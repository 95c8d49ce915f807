// POST /users/import: the user sheet checked as a whole (user-import.plan.ts), then — unless a dry run —
// written all-or-nothing in one transaction under the tenant's directory lock (state re-read under it):
// one INSERT … SELECT FROM unnest for the users (no password: they activate through invitation links),
// one for the memberships, one audit entry.
import { type ImportResult, type Role, USER_IMPORT_COLUMNS } from '@campaign-month/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import { loginsUsedElsewhere } from '../../core/auth/logins-elsewhere.js';
import { normalizePhone } from '../../core/auth/login-id.js';
import type { Actor } from '../../core/context/request-context.js';
import { isUniqueViolation } from '../../core/database/prisma-errors.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { Conflict, InvalidInput } from '../../core/errors/domain-errors.js';
import { importResult, rejectIfErrors } from '../../core/spreadsheet/import-result.js';
import { readTable } from '../../core/spreadsheet/sheet-table.js';
import { lockTenantDirectory } from '../../core/spreadsheet/tenant-lock.js';
import { readFirstSheet } from '../../core/spreadsheet/workbook.js';
import type { UploadedFileData } from '../../core/uploads/file-upload.interceptor.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { planUserImport, type UserColumn, type UserImportPlan, USER_REQUIRED_COLUMNS } from './user-import.plan.js';

type Db = Pick<PrismaService, 'organization' | 'user'> | Prisma.TransactionClient;

@Injectable()
export class UserImportService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, file: UploadedFileData | undefined, dryRun: boolean): Promise<ImportResult> {
    if (!file?.buffer?.length)
      throw InvalidInput.field('file', 'Attach the sheet (.xlsx) in the multipart field "file"');
    const sheet = await readFirstSheet(file.buffer, 'the user sheet');
    const table = readTable<UserColumn>(sheet, USER_IMPORT_COLUMNS, USER_REQUIRED_COLUMNS);
    const phones = [...new Set(table.rows.map((r) => normalizePhone(r.cells['手机号'])).filter(Boolean))];
    const emails = [...new Set(table.rows.map((r) => r.cells['邮箱'].toLowerCase()).filter(Boolean))];
    const usedElsewhere = await loginsUsedElsewhere(this.prisma, actor.tenantId, { emails, phones });
    const plan = async (db: Db) => {
      const [units, users] = await Promise.all([this.units(db, actor), this.users(db, actor, emails, phones)]);
      const p = planUserImport(table.rows, { units, users, usedElsewhere }, actor);
      for (const e of table.errors) p.errors.add(e.row, e.column, e.message);
      return p;
    };
    if (dryRun) {
      const p = await plan(this.prisma);
      const result = importResult(true, p.planned, p.errors);
      const created = new Set(p.newUsers.map((u) => u.id));
      return { ...result, preview: result.preview.map((r) => (r.id && created.has(r.id) ? { ...r, id: null } : r)) };
    }
    try {
      return await this.prisma.$transaction(
        async (tx) => {
          await lockTenantDirectory(tx, actor.tenantId);
          const p = await plan(tx);
          const result = importResult(false, p.planned, p.errors);
          rejectIfErrors(result, p.errors.size);
          await write(tx, actor.tenantId, p);
          await this.audit.record(
            {
              action: 'user.import',
              entityType: 'User',
              entityId: null,
              organizationId: ownUnit(this.access.scopePaths(actor, 'user:write')),
              changes: {
                rows: result.rows,
                created: result.created,
                updated: result.updated,
                skipped: result.skipped,
                users: p.newUsers.length,
                fileName: file.originalname ?? null,
              },
            },
            tx,
          );
          return result;
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
    } catch (error) {
      // a log-in taken by another tenant between the check and the write
      if (isUniqueViolation(error))
        throw new Conflict('A 手机号 or e-mail of the sheet was taken meanwhile; try again');
      throw error;
    }
  }

  private async units(db: Db, actor: Actor) {
    const rows = await db.organization.findMany({
      where: this.access.organizationWhere(actor, 'user:write'),
      select: { id: true, name: true, code: true, path: true, archivedAt: true },
    });
    return rows.map(({ archivedAt, ...u }) => ({ ...u, archived: archivedAt !== null }));
  }

  private async users(db: Db, actor: Actor, emails: string[], phones: string[]) {
    if (emails.length === 0 && phones.length === 0) return [];
    const rows = await db.user.findMany({
      where: { tenantId: actor.tenantId, OR: [{ email: { in: emails } }, { phone: { in: phones } }] },
      select: {
        id: true,
        email: true,
        phone: true,
        memberships: { select: { organizationId: true, role: true, organization: { select: { path: true } } } },
      },
    });
    return rows.map((u) => ({
      id: u.id,
      email: u.email,
      phone: u.phone,
      memberships: u.memberships.map((m) => ({
        organizationId: m.organizationId,
        role: m.role as Role,
        path: m.organization.path,
      })),
    }));
  }
}

function ownUnit(paths: string[]): string | null {
  return paths.length === 1 ? (paths[0]!.split('/').filter(Boolean).pop() ?? null) : null;
}

async function write(tx: Prisma.TransactionClient, tenantId: string, p: UserImportPlan): Promise<void> {
  const u = p.newUsers;
  if (u.length) {
    await tx.$executeRaw`
      INSERT INTO app_user (id, tenant_id, email, phone, name)
      SELECT x.id, ${tenantId}::uuid, x.email, x.phone, x.name
        FROM unnest(${u.map((x) => x.id)}::uuid[], ${u.map((x) => x.email)}::text[], ${u.map((x) => x.phone)}::text[],
                    ${u.map((x) => x.name)}::text[]) AS x(id, email, phone, name)`;
  }
  const m = p.newMemberships;
  if (m.length) {
    await tx.$executeRaw`
      INSERT INTO membership (tenant_id, user_id, organization_id, role)
      SELECT ${tenantId}::uuid, x.user_id, x.org, x.role::"Role"
        FROM unnest(${m.map((x) => x.userId)}::uuid[], ${m.map((x) => x.organizationId)}::uuid[], ${m.map((x) => x.role)}::text[])
             AS x(user_id, org, role)`;
  }
}
