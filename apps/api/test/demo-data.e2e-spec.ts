import { PrismaPg } from '@prisma/adapter-pg';
import { DEMO_PASSWORD, DEMO_TENANTS, demoDates, seedDemoData, yearBefore } from '../../../prisma/seed/demo-data.js';
import { todayIn } from '../src/core/time/calendar.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { sql, startTestApp, type TestApp, testDatabaseUrl, truncateAll } from './support/app.js';

describe('demo data', () => {
  let t: TestApp;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 2 }) });
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp();
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await t.close();
  });

  it('loads the three months once, however often it runs', async () => {
    const first = await seedDemoData(prisma);
    expect(first.tenants).toBe(3);
    const counts = async () =>
      (
        await sql(
          `SELECT (SELECT count(*) FROM tenant)::int t, (SELECT count(*) FROM publicity_event)::int e, (SELECT count(*) FROM app_user)::int u`,
        )
      )[0];
    const before = await counts();
    const second = await seedDemoData(prisma);
    expect(second).toMatchObject({ tenants: 0, skipped: 3 });
    expect(await counts()).toEqual(before);
  });

  it('holds the figures the summaries are built from: 14 transactions and 812,300 yuan at the bank', async () => {
    const [row] = await sql<{ n: string; yuan: string }>(
      `SELECT sum(v.value) FILTER (WHERE m.key = 'interceptedTransactions')::text AS n,
              sum(v.value) FILTER (WHERE m.key = 'lossesAvoided')::text AS yuan
         FROM event_metric_value v JOIN metric_definition m ON m.id = v.metric_definition_id
         JOIN publicity_event e ON e.id = v.event_id JOIN organization o ON o.id = e.organization_id
        JOIN campaign c ON c.id = e.campaign_id
        WHERE o.name = '工商银行滨江支行' AND c.status = 'ACTIVE'`,
    );
    expect(Number(row!.n)).toBe(14);
    expect(Number(row!.yuan)).toBe(812300);
  });

  it('each demo month comes from a template the product offers', async () => {
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'organizer@edu.demo', password: DEMO_PASSWORD })
      .expect(200);
    const res = await t.http
      .get('/api/v1/campaign-templates')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    const keys = res.body.items.map((x: { key: string }) => x.key);
    for (const tenant of DEMO_TENANTS) expect(keys).toContain(tenant.campaign.templateKey);
    // and offers the template's activity types first, as a month created from it would (not 国旗下宣讲 at a bank)
    const months = await sql<{ key: string; types: string[] }>(
      `SELECT template_key AS key, suggested_event_types::text[] AS types FROM campaign`,
    );
    const offered = new Map(
      res.body.items.map((x: { key: string; suggestedEventTypes: string[] }) => [x.key, x.suggestedEventTypes]),
    );
    expect(months).toHaveLength(DEMO_TENANTS.length + DEMO_TENANTS.filter((d) => d.previous).length);
    for (const m of months) {
      expect(m.types.length).toBeGreaterThan(0);
      expect(m.types).toEqual(offered.get(m.key));
    }
  });

  it("the bureau's roll-up names the bureau's own leading group, which its organizer may correct", async () => {
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'organizer@police.demo', password: DEMO_PASSWORD })
      .expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const [c] = await sql<{ id: string; org: string }>(
      `SELECT c.id, c.organizer_org_id AS org FROM campaign c JOIN tenant t ON t.id = c.tenant_id WHERE t.name = '滨江市公安局' AND c.status = 'ACTIVE'`,
    );
    const path = `/api/v1/campaigns/${c!.id}/organizations/${c!.org}`;
    const group = await t.http.get(`${path}/leading-group`).set(auth).expect(200);
    expect(group.body.members.map((m: { name: string; role: string }) => [m.name, m.role])[0]).toEqual([
      '高建军',
      'LEADER',
    ]);
    const rollup = await t.http.post(`${path}/summary`).set(auth).send({ scope: 'ROLLUP' }).expect(201);
    expect(JSON.stringify(rollup.body.document)).toContain('高建军');
    const members = group.body.members.map(({ id, name, title, role }: Record<string, string>) => ({
      id,
      name,
      title,
      role,
    }));
    const put = await t.http.put(`${path}/leading-group`).set(auth).send({ members });
    expect([put.status, put.body.details]).toEqual([200, undefined]);
  });

  it('places every month around the day it is loaded: in progress, a few days left, nothing in the future', async () => {
    const today = todayIn('Asia/Shanghai');
    const expected = demoDates(today);
    const months = await sql<{ title: string; s: string; e: string; d: string; status: string; last: string | null }>(
      `SELECT c.title, c.starts_on::text s, c.ends_on::text e, c.report_due_on::text d, c.status::text status,
              (SELECT max(occurred_on)::text FROM publicity_event WHERE campaign_id = c.id) AS last
         FROM campaign c ORDER BY c.starts_on`,
    );
    const active = months.filter((m) => m.status === 'ACTIVE');
    expect(active).toHaveLength(DEMO_TENANTS.length);
    for (const m of active) {
      expect([m.s, m.e, m.d]).toEqual([expected.startsOn, expected.endsOn, expected.reportDueOn]);
      expect(m.s < today && today < m.e).toBe(true);
      expect(m.last! <= today).toBe(true);
      expect(m.title).not.toContain(String(Number(expected.startsOn.slice(0, 4)) - 1));
    }
    // the police month of a year before, closed, for the comparison with last year
    const closed = months.filter((m) => m.status === 'CLOSED');
    expect(closed.map((m) => [m.s, m.e])).toEqual([[yearBefore(expected.startsOn), yearBefore(expected.endsOn)]]);
    expect(closed[0]!.title).toContain(yearBefore(expected.startsOn).slice(0, 4));
    // no task done in the future; done tasks were completed by today
    const [future] = await sql<{ n: number }>(
      `SELECT count(*)::int n FROM task WHERE completed_at > now() OR created_at > now()`,
    );
    expect(future!.n).toBe(0);
    const [events] = await sql<{ n: number }>(
      `SELECT count(*)::int n FROM publicity_event WHERE created_at > now() OR occurred_on > $1::date`,
      [today],
    );
    expect(events!.n).toBe(0);
  });

  it('loads a month around any day: a demo loaded on 3 March 2027 started on 11 February', async () => {
    expect(demoDates('2027-03-03')).toEqual({
      today: '2027-03-03',
      startsOn: '2027-02-11',
      endsOn: '2027-03-11',
      reportDueOn: '2027-03-16',
    });
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
  });

  it('every demo log-in works', async () => {
    for (const tenant of DEMO_TENANTS) {
      for (const u of tenant.users) {
        await t.http.post('/api/v1/auth/login').send({ email: u.email, password: DEMO_PASSWORD }).expect(200);
      }
    }
  });
});
