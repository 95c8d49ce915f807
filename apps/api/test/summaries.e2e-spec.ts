import { PrismaPg } from '@prisma/adapter-pg';
import { DEMO_PASSWORD, seedDemoData } from '../../../prisma/seed/demo-data.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { docxText, pdfText, zipEntries } from './support/documents.js';
import { binaryBody } from './support/events-fixtures.js';
import { bearer } from './support/fixtures.js';
import { sql, startTestApp, type TestApp, testDatabaseUrl, truncateAll } from './support/app.js';

const S = (c: string, o: string) => `/api/v1/campaigns/${c}/organizations/${o}/summary`;

describe('summaries: generate, edit, submit, return, regenerate, approve, download', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const login = async (email: string) => {
    tokens[email] ??= (
      await t.http.post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200)
    ).body.accessToken;
    return tokens[email]!;
  };

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '1000' });
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 1 }) });
    await seedDemoData(prisma);
    await prisma.$disconnect();
    const rows = await sql<{ name: string; id: string }>(
      // the demo's months by template (their titles carry the year they are loaded in)
      `SELECT name, id FROM organization UNION ALL SELECT template_key, id FROM campaign WHERE status = 'ACTIVE'`,
    );
    for (const r of rows) ids[r.name] = r.id;
  }, 60_000);
  afterAll(() => t.close());

  const school = () => S(ids['telecom-crime']!, ids['临湖区实验小学']!);

  it('writes the school’s summary from its rows: the 组长 and the flag-ceremony talk, no type it never ran', async () => {
    const res = await t.http
      .post(school())
      .set(bearer(await login('school@edu.demo')))
      .send({})
      .expect(201);
    expect(res.body).toMatchObject({ version: 1, status: 'DRAFT', scope: 'UNIT' });
    const text = JSON.stringify(res.body.document);
    expect(res.body.document.title).toBe('临湖区实验小学防范通讯网络新型违法犯罪宣传月活动总结');
    expect(text).toContain('张志远');
    expect(text).toContain('国旗下宣讲');
    expect(text).not.toContain('进科室进病房');
    expect(text).not.toContain('临柜');
    expect(res.body.needsInput).toContain('shortcomings');
    const figures = res.body.document.sections.flatMap(
      (s: { paragraphs: { figures: { text: string; source: unknown }[] }[] }) => s.paragraphs.flatMap((p) => p.figures),
    );
    expect(figures.length).toBeGreaterThan(3);
    expect(figures.every((f: { source: unknown }) => f.source)).toBe(true);
  });

  it('the bank’s summary names 14 transactions and 80余万元', async () => {
    const res = await t.http
      .post(S(ids['anti-fraud']!, ids['工商银行滨江支行']!))
      .set(bearer(await login('bank@police.demo')))
      .send({ scope: 'UNIT' })
      .expect(201);
    const text = JSON.stringify(res.body.document);
    expect(text).toContain('14笔');
    expect(text).toContain('80余万元');
  });

  it('the bank cannot submit with 存在不足 unwritten (422 naming it); an event logged later marks the version outdated until regenerated', async () => {
    const bank = await login('bank@police.demo');
    const campaign = ids['anti-fraud']!;
    const unit = ids['工商银行滨江支行']!;
    const summary = S(campaign, unit);
    const draft = await t.http.get(summary).set(bearer(bank)).expect(200);
    expect(draft.body.needsInput).toContain('shortcomings');
    expect(draft.body.outdated).toBe(false);
    const refused = await t.http.post(`${summary}/submit`).set(bearer(bank)).send({}).expect(422);
    expect(refused.body.details.paragraphs).toContain('shortcomings');
    expect((await t.http.get(summary).set(bearer(bank)).expect(200)).body.status).toBe('DRAFT');

    const [{ startsOn }] = await sql<{ startsOn: string }>(
      'SELECT starts_on::text AS "startsOn" FROM campaign WHERE id = $1',
      [campaign],
    );
    const logged = await t.http
      .post(`/api/v1/campaigns/${campaign}/events`)
      .set(bearer(bank))
      .send({
        organizationId: unit,
        type: 'COUNTER_REMINDER',
        title: '柜面提醒',
        occurredOn: startsOn,
        metrics: { interceptedTransactions: 1 },
      })
      .expect(201);
    const organizer = await login('organizer@police.demo');
    expect((await t.http.get(summary).set(bearer(organizer)).expect(200)).body.outdated).toBe(true);
    const edited = await t.http
      .patch(summary)
      .set(bearer(bank))
      .set('If-Match', String(draft.body.version))
      .send({ narrative: { shortcomings: '网点覆盖仍有不足，下一步将持续开展柜面提醒。' } })
      .expect(200);
    // an edit keeps the version's figures, so it stays outdated; regenerating counts the new event
    expect(edited.body).toMatchObject({ outdated: true, needsInput: [] });
    const fresh = await t.http.post(summary).set(bearer(bank)).send({}).expect(201);
    expect(fresh.body.outdated).toBe(false);
    expect(fresh.body.facts.eventCount).toBe(draft.body.facts.eventCount + 1);
    await t.http.delete(`/api/v1/events/${logged.body.id}`).set(bearer(bank)).expect(204);
    expect((await t.http.get(summary).set(bearer(bank)).expect(200)).body.outdated).toBe(true);
  });

  it('edits the narrative with If-Match and refuses a stale version with 409', async () => {
    const token = await login('school@edu.demo');
    const got = await t.http.get(school()).set(bearer(token)).expect(200);
    expect(got.headers.etag).toBe('"1"');
    const edited = await t.http
      .patch(school())
      .set(bearer(token))
      .set('If-Match', '"1"')
      .send({ narrative: { shortcomings: '一是宣传形式还不够丰富。下一步,我们将常态化开展防诈宣传。' } })
      .expect(200);
    expect(edited.body.version).toBe(2);
    expect(JSON.stringify(edited.body.document)).toContain('宣传形式还不够丰富');
    expect(edited.body.needsInput).not.toContain('shortcomings');
    const stale = await t.http
      .patch(school())
      .set(bearer(token))
      .set('If-Match', '"1"')
      .send({ narrative: { shortcomings: '覆盖' } })
      .expect(409);
    expect(stale.body.details).toEqual({ currentVersion: 2 });
    await t.http
      .patch(school())
      .set(bearer(token))
      .send({ narrative: { shortcomings: 'x' } })
      .expect(400);
    const notEditable = await t.http
      .patch(school())
      .set(bearer(token))
      .set('If-Match', '2')
      .send({ narrative: { 'publicity.types': '改数字' } })
      .expect(400);
    expect(notEditable.body.details[0].field).toBe('narrative.publicity.types');
  });

  it('submit → return with a comment → regenerate keeps the narrative → submit → approve; wrong transitions are 422', async () => {
    const unit = await login('school@edu.demo');
    const organizer = await login('organizer@edu.demo');
    await t.http.post(`${school()}/approve`).set(bearer(organizer)).send({}).expect(422);
    await t.http.post(`${school()}/submit`).set(bearer(unit)).send({}).expect(200);
    await t.http.post(`${school()}/submit`).set(bearer(unit)).send({}).expect(422);
    await t.http
      .patch(school())
      .set(bearer(unit))
      .set('If-Match', '2')
      .send({ narrative: { shortcomings: 'y' } })
      .expect(422);
    await t.http.post(school()).set(bearer(unit)).send({}).expect(422);
    await t.http.post(`${school()}/approve`).set(bearer(unit)).send({}).expect(403);
    await t.http.post(`${school()}/return`).set(bearer(organizer)).send({}).expect(400);
    const returned = await t.http
      .post(`${school()}/return`)
      .set(bearer(organizer))
      .send({ comment: '请补充家长反馈情况。' })
      .expect(200);
    expect(returned.body).toMatchObject({ status: 'RETURNED', reviewerComment: '请补充家长反馈情况。' });
    const regenerated = await t.http.post(school()).set(bearer(unit)).send({}).expect(201);
    // the comment stays with the draft that answers it, until the unit submits again
    expect(regenerated.body).toMatchObject({ version: 3, status: 'DRAFT', reviewerComment: '请补充家长反馈情况。' });
    expect(JSON.stringify(regenerated.body.document)).toContain('宣传形式还不够丰富');
    const resubmitted = await t.http.post(`${school()}/submit`).set(bearer(unit)).send({}).expect(200);
    expect(resubmitted.body.reviewerComment).toBeNull();
    // the reviewer of the resubmission finds the version it returned, with what it wrote, to compare with
    expect(resubmitted.body.previousReview).toMatchObject({ version: 2, reviewerComment: '请补充家长反馈情况。' });
    const approved = await t.http.post(`${school()}/approve`).set(bearer(organizer)).send({}).expect(200);
    expect(approved.body.status).toBe('APPROVED');
    const audit = await sql<{ action: string }>(
      `SELECT action FROM audit_entry WHERE entity_type = 'SummaryReport' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'summary.generate',
        'summary.edit',
        'summary.submitted',
        'summary.returned',
        'summary.approved',
      ]),
    );
  });

  it('downloads a valid Word document and a valid PDF holding the sections and figures', async () => {
    const token = await login('organizer@edu.demo');
    const docx = await t.http.get(`${school()}.docx`).set(bearer(token)).buffer(true).parse(binaryBody).expect(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('临湖区实验小学')}`);
    const word = await docxText(docx.body as Buffer);
    for (const s of [
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '张志远',
      '国旗下宣讲',
      '1,200',
      '宣传形式还不够丰富',
      '临湖区实验小学',
    ])
      expect(word).toContain(s);
    const pdf = await t.http.get(`${school()}.pdf`).set(bearer(token)).buffer(true).parse(binaryBody).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, '');
    for (const s of ['领导重视', '张志远', '国旗下宣讲', '1,200']) expect(text).toContain(s);
    const md = await t.http.get(`${school()}.md`).set(bearer(token)).expect(200);
    expect(md.text).toMatch(/^# 临湖区实验小学/);
    // rendered once per version, served from storage afterwards
    const again = await t.http.get(`${school()}.docx`).set(bearer(token)).buffer(true).parse(binaryBody).expect(200);
    expect(Buffer.compare(again.body as Buffer, docx.body as Buffer)).toBe(0);
  }, 30_000); // a first Word and PDF rendering: 2–4 s alone, more on a machine busy with other suites

  it('the zip holds one file per unit with a summary in the caller’s scope', async () => {
    const other = await login('school2@edu.demo');
    await t.http.post(S(ids['telecom-crime']!, ids['临湖区第二中学']!)).set(bearer(other)).send({}).expect(201);
    const res = await t.http
      .get(`/api/v1/campaigns/${ids['telecom-crime']}/summaries.zip`)
      .set(bearer(await login('organizer@edu.demo')))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const names = await zipEntries(res.body as Buffer);
    expect(names.sort()).toEqual([
      '临湖区实验小学防范通讯网络新型违法犯罪宣传月活动总结.docx',
      '临湖区第二中学防范通讯网络新型违法犯罪宣传月活动总结.docx',
    ]);
    const mine = await t.http
      .get(`/api/v1/campaigns/${ids['telecom-crime']}/summaries.zip?format=md`)
      .set(bearer(other))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(await zipEntries(mine.body as Buffer)).toEqual(['临湖区第二中学防范通讯网络新型违法犯罪宣传月活动总结.md']);
    await t.http
      .get(`/api/v1/campaigns/${ids['telecom-crime']}/summaries.zip?format=exe`)
      .set(bearer(other))
      .expect(400);
  });

  it('a roll-up counts the subtree: units taking part, submitted, a table by unit', async () => {
    const res = await t.http
      .post(S(ids['telecom-crime']!, ids['临湖区教育局']!))
      .set(bearer(await login('organizer@edu.demo')))
      .send({ scope: 'ROLLUP' })
      .expect(201);
    expect(res.body.facts).toMatchObject({ kind: 'ROLLUP', participantCount: 2, submittedCount: 1, approvedCount: 1 });
    const text = JSON.stringify(res.body.document);
    expect(text).toContain('临湖区第二中学');
    expect(res.body.document.sections.some((s: { table?: unknown }) => s.table)).toBe(true);
    // the organizer writes the roll-up's own paragraphs (the generated draft leaves prompts there) ...
    const organizer = await login('organizer@edu.demo');
    const rollup = S(ids['telecom-crime']!, ids['临湖区教育局']!);
    expect(res.body.needsInput).toContain('shortcomings');
    const edited = await t.http
      .patch(rollup)
      .set(bearer(organizer))
      .set('If-Match', `"${res.body.version}"`)
      .send({ scope: 'ROLLUP', narrative: { shortcomings: '个别学校宣传不够均衡。下一步,我们将加强督导。' } })
      .expect(200);
    expect(edited.body.needsInput).not.toContain('shortcomings');
    expect(JSON.stringify(edited.body.document)).toContain('个别学校宣传不够均衡');
    // ... but not a unit's summary, which its own reporters write
    await t.http
      .patch(school())
      .set(bearer(organizer))
      .set('If-Match', '"1"')
      .send({ narrative: { shortcomings: '越权修改' } })
      .expect(403);
  });

  it('ifExists=true answers a unit with no summary yet 200 null (plain GET keeps its 404)', async () => {
    const organizer = await login('organizer@police.demo');
    const [unit] = await sql<{ campaign_id: string; organization_id: string }>(
      `SELECT p.campaign_id, p.organization_id FROM participant p JOIN campaign c ON c.id = p.campaign_id
        WHERE c.title LIKE '%全民反诈%' AND NOT EXISTS (SELECT 1 FROM summary_report s
               WHERE s.campaign_id = p.campaign_id AND s.organization_id = p.organization_id) LIMIT 1`,
    );
    const none = S(unit!.campaign_id, unit!.organization_id);
    await t.http.get(none).set(bearer(organizer)).expect(404);
    const res = await t.http.get(`${none}?ifExists=true`).set(bearer(organizer)).expect(200);
    expect(res.body).toBeNull();
    expect(res.headers.etag).toBeUndefined();
    const some = await t.http
      .get(`${school()}?ifExists=true`)
      .set(bearer(await login('organizer@edu.demo')))
      .expect(200);
    expect(some.body.version).toBeGreaterThan(0);
    await t.http.get(`${none}?ifExists=maybe`).set(bearer(organizer)).expect(400);
  });

  it('another unit and another tenant get 404; a malformed scope gets 400', async () => {
    await t.http
      .get(school())
      .set(bearer(await login('school2@edu.demo')))
      .expect(404);
    await t.http
      .get(`${school()}.docx`)
      .set(bearer(await login('hospital@yibao.demo')))
      .expect(404);
    await t.http
      .post(school())
      .set(bearer(await login('school@edu.demo')))
      .send({ scope: 'EVERYTHING' })
      .expect(400);
    await t.http
      .get(S(ids['telecom-crime']!, 'not-a-uuid'))
      .set(bearer(await login('school@edu.demo')))
      .expect(404);
  });
});
