// 与上年同期相比 (issue 17): the demo's police month has the same month of a year before (CLOSED), in which
// 工商银行滨江支行 and 建设银行城南支行 took part (农商银行江北支行 did not). Summaries compare with it.
import { PrismaPg } from '@prisma/adapter-pg';
import { DEMO_PASSWORD, seedDemoData } from '../../../prisma/seed/demo-data.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { bearer } from './support/fixtures.js';
import { sql, startTestApp, type TestApp, testDatabaseUrl, truncateAll } from './support/app.js';

const S = (c: string, o: string) => `/api/v1/campaigns/${c}/organizations/${o}/summary`;
type Doc = { sections: { key: string; paragraphs: { key: string; text: string; figures: Fig[] }[]; table?: Tbl }[] };
type Fig = {
  id: string;
  text: string;
  value: string;
  source: { filter: { campaignId: string; organizationId: string } };
};
type Tbl = { columns: string[]; rows: { text: string }[][] };
const paragraph = (doc: Doc, key: string) => doc.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key);

describe('comparison with the same month a year before', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let earlier: string;
  const login = async (email: string) =>
    (await t.http.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200)).body.accessToken;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '1000' });
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 1 }) });
    await seedDemoData(prisma);
    await prisma.$disconnect();
    for (const r of await sql<{ name: string; id: string }>(`SELECT name, id FROM organization`)) ids[r.name] = r.id;
    const months = await sql<{ id: string; status: string }>(
      `SELECT id, status::text FROM campaign WHERE template_key = 'anti-fraud'`,
    );
    ids.month = months.find((m) => m.status === 'ACTIVE')!.id;
    earlier = months.find((m) => m.status === 'CLOSED')!.id;
  }, 60_000);
  afterAll(() => t.close());

  it('the bank’s summary says how this year compares, every change traced to last year’s rows', async () => {
    const res = await t.http
      .post(S(ids.month!, ids['工商银行滨江支行']!))
      .set(bearer(await login('bank@police.demo')))
      .send({ scope: 'UNIT' })
      .expect(201);
    expect(res.body.facts.comparison).toMatchObject({ campaign: { id: earlier }, eventCount: 2 });
    const p = paragraph(res.body.document, 'results.comparison')!;
    // 4 events against 2; audience 955 against 630; leaflets 800 against 500; 14 transactions against 5;
    // 812,300 yuan against 210,000; posters 40 against none (no percentage on a zero base)
    expect(p.text).toBe(
      '与上年同期相比，开展宣传活动增加2次，增长100%；覆盖群众增加300余人次，增长52%；发放宣传单增加300份，增长60%；' +
        '张贴海报增加40张；阻止可疑交易增加9笔，增长180%；避免群众损失增加60余万元，增长287%。',
    );
    for (const f of p.figures)
      expect(f.source.filter).toMatchObject({ campaignId: earlier, organizationId: ids['工商银行滨江支行'] });
    const events = p.figures.find((f) => f.id === 'results.comparison.events.change')!;
    expect(events).toMatchObject({ text: '2次', value: '2' });
    // the ids sampled are last year's events of the branch
    const [{ n }] = await sql<{ n: number }>(
      `SELECT count(*)::int n FROM publicity_event WHERE id = ANY($1::uuid[]) AND campaign_id = $2 AND organization_id = $3`,
      [(events.source as unknown as { eventIds: string[] }).eventIds, earlier, ids['工商银行滨江支行']],
    );
    expect(n).toBe(2);
  });

  it('the bureau’s roll-up says decreases honestly and ranks its units, increases first, with a 较上年 column', async () => {
    const res = await t.http
      .post(S(ids.month!, ids['滨江市公安局']!))
      .set(bearer(await login('organizer@police.demo')))
      .send({ scope: 'ROLLUP' })
      .expect(201);
    const doc = res.body.document as Doc;
    expect(paragraph(doc, 'results.comparison')!.text).toMatch(/^与上年同期相比，开展宣传活动增加1次，增长20%；/);
    expect(paragraph(doc, 'results.comparisonByUnit')!.text).toBe(
      '与上年同期相比，活动次数增加的单位有工商银行滨江支行（增加2次，增长100%）；减少的单位有建设银行城南支行（减少1次，下降33%）。',
    );
    const table = doc.sections.find((s) => s.key === 'units')!.table!;
    const col = table.columns.indexOf('较上年');
    expect(col).toBeGreaterThan(0);
    const cells = Object.fromEntries(table.rows.map((r) => [r[1]!.text, r[col]!.text]));
    expect(cells).toEqual({ 工商银行滨江支行: '+2', 建设银行城南支行: '-1', 农商银行江北支行: '—' });
  });

  it('no comparison when the unit did not take part then, nor for a month without an earlier one', async () => {
    const organizer = await login('organizer@police.demo');
    const rcb = await t.http
      .post(S(ids.month!, ids['农商银行江北支行']!))
      .set(bearer(organizer))
      .send({ scope: 'ROLLUP' })
      .expect(201);
    expect(rcb.body.facts.comparison ?? null).toBeNull();
    expect(JSON.stringify(rcb.body.document)).not.toContain('与上年');
    const [school] = await sql<{ c: string }>(`SELECT id AS c FROM campaign WHERE template_key = 'telecom-crime'`);
    const res = await t.http
      .post(S(school!.c, ids['临湖区实验小学']!))
      .set(bearer(await login('school@edu.demo')))
      .send({})
      .expect(201);
    expect(res.body.facts.comparison ?? null).toBeNull();
    expect(JSON.stringify(res.body.document)).not.toContain('与上年');
  });
});
