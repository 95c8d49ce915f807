// Writes to a tenant's organization tree and user directory (create, move, rename, imports) take one
// transaction-level advisory lock per tenant, so two of them cannot both check "no unit of that name
// under this parent" and then both insert it. Released at commit or rollback (docs/decisions/034).
import type { Prisma } from '../../generated/prisma/client.js';

/** A fixed first key (the feature), the tenant hashed as the second: pg_advisory_xact_lock(int, int). */
const DIRECTORY_LOCK = 34_016;

export async function lockTenantDirectory(tx: Prisma.TransactionClient, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DIRECTORY_LOCK}::int, hashtext(${tenantId}))`;
}
