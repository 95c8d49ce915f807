// Rules every write to the organization tree keeps, checked inside the transaction that holds the
// tenant's directory lock (core/spreadsheet/tenant-lock.ts): no two active units of one name under one
// parent, and a 单位编码 used once in the tenant.
import { Conflict } from '../../core/errors/domain-errors.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** 单位编码 as stored: trimmed; empty (or null) clears it. */
export function normalizeCode(code: string | null | undefined): string | null | undefined {
  if (code === undefined) return undefined;
  const trimmed = code?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export async function assertNameFree(
  tx: Prisma.TransactionClient,
  tenantId: string,
  parentId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const clash = await tx.organization.findFirst({
    where: { tenantId, parentId, name, archivedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new Conflict(`An organization named ${name} already exists under this parent`, { field: 'name' });
}

export async function assertCodeFree(
  tx: Prisma.TransactionClient,
  tenantId: string,
  code: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!code) return;
  const clash = await tx.organization.findFirst({
    where: { tenantId, code, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new Conflict(`The code ${code} is already used by another organization`, { field: 'code' });
}
