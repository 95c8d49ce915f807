// A 手机号 or e-mail logs in across all tenants, so it is unique in the whole database. Before an import
// creates users, it asks which of its log-ins another tenant already uses — one query, run outside the
// request's tenant (row-level security would hide those rows), answering only "taken", never by whom.
import { requestContext } from '../context/request-context.js';
import type { PrismaService } from '../database/prisma.service.js';

export async function loginsUsedElsewhere(
  prisma: PrismaService,
  tenantId: string,
  logins: { emails: string[]; phones: string[] },
): Promise<Set<string>> {
  if (logins.emails.length === 0 && logins.phones.length === 0) return new Set();
  const ctx = requestContext.get();
  // a context without tenant: the pool hands out a connection with the row-level security bypass (straight on
  // the pool: Prisma's client may take its connection outside this call's async context)
  const rows = await requestContext.run(
    { requestId: ctx?.requestId ?? 'logins-elsewhere', ip: ctx?.ip ?? null },
    () =>
      prisma.direct.$queryRaw<{ login: string }[]>`
      SELECT email AS login FROM app_user WHERE tenant_id <> ${tenantId}::uuid AND email = ANY(${logins.emails}::text[])
      UNION
      SELECT phone AS login FROM app_user WHERE tenant_id <> ${tenantId}::uuid AND phone = ANY(${logins.phones}::text[])`,
  );
  return new Set(rows.map((r) => r.login));
}
