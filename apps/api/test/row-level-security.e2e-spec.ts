// Row-level security: a query that forgets its tenant filter, run for one tenant's request, returns only
// that tenant's rows and cannot write another tenant's rows.
import { type Actor, requestContext } from '../src/core/context/request-context.js';
import { PrismaService } from '../src/core/database/prisma.service.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import { buildEventsWorld, type EventsWorld, insertEvent } from './support/events-fixtures.js';

describe('row-level security', () => {
  let t: TestApp;
  let w: EventsWorld;
  let prisma: PrismaService;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '100000' });
    w = await buildEventsWorld(t.http);
    await insertEvent({ tenantId: w.tenant.tenantId, campaignId: w.campaign.id, organizationId: w.org.A });
    await insertEvent({ tenantId: w.tenant.tenantId, campaignId: w.campaign.id, organizationId: w.org.B });
    await insertEvent({
      tenantId: w.other.tenant.tenantId,
      campaignId: w.other.campaign.id,
      organizationId: w.other.tenant.rootId,
    });
    prisma = t.app.get(PrismaService);
  }, 60_000);
  afterAll(() => t.close());

  /** Runs a query the way a service does inside a request of `tenantId` (Prisma queries start when awaited). */
  const as = <T>(tenantId: string, query: () => PromiseLike<T>): Promise<T> => {
    const actor: Actor = { userId: w.reporterA.id, tenantId, email: 'probe@example.test', memberships: [] };
    return requestContext.run({ requestId: 'rls-test', ip: null, actor }, async () => await query());
  };

  it('an unfiltered Prisma query sees only the request’s tenant', async () => {
    const [all] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM publicity_event`);
    expect(all!.n).toBe(3);
    const mine = await as(w.tenant.tenantId, () => prisma.publicityEvent.findMany());
    expect(mine).toHaveLength(2);
    expect(mine.every((e) => e.tenantId === w.tenant.tenantId)).toBe(true);
    const theirs = await as(w.other.tenant.tenantId, () => prisma.publicityEvent.findMany());
    expect(theirs.map((e) => e.tenantId)).toEqual([w.other.tenant.tenantId]);
    const orgs = await as(w.other.tenant.tenantId, () => prisma.organization.findMany({ select: { tenantId: true } }));
    expect(new Set(orgs.map((o) => o.tenantId))).toEqual(new Set([w.other.tenant.tenantId]));
  });

  it('an unfiltered raw SQL count sees only the request’s tenant', async () => {
    const rows = await as(
      w.other.tenant.tenantId,
      () => prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM publicity_event`,
    );
    expect(rows[0]!.n).toBe(1);
    const users = await as(
      w.other.tenant.tenantId,
      () => prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM app_user`,
    );
    const [theirUsers] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE tenant_id = $1`, [
      w.other.tenant.tenantId,
    ]);
    expect(users[0]!.n).toBe(theirUsers!.n);
  });

  it('writes into another tenant are refused or touch nothing', async () => {
    await expect(
      as(w.other.tenant.tenantId, () =>
        prisma.auditEntry.create({ data: { tenantId: w.tenant.tenantId, action: 'probe', entityType: 'Probe' } }),
      ),
    ).rejects.toThrow(/row-level security/i);
    const renamed = await as(w.other.tenant.tenantId, () =>
      prisma.organization.updateMany({ where: { tenantId: w.tenant.tenantId }, data: { name: '被改了' } }),
    );
    expect(renamed.count).toBe(0);
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM organization WHERE name = '被改了'`);
    expect(row!.n).toBe(0);
  });

  it('a pooled connection switches tenants between requests', async () => {
    const counts: number[] = [];
    for (let i = 0; i < 6; i++) {
      counts.push(await as(i % 2 ? w.other.tenant.tenantId : w.tenant.tenantId, () => prisma.publicityEvent.count()));
    }
    expect(counts).toEqual([2, 1, 2, 1, 2, 1]);
  });

  it('work without a signed-in actor (log-in, sign-up, system jobs) is not restricted', async () => {
    expect(await prisma.publicityEvent.count()).toBe(3);
  });
});
