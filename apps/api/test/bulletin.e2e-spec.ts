// 情况通报 (GET /campaigns/:id/bulletin, .docx, .pdf): a known month as of two days, who sees what, bad days.
// City R organizes; districts 东区 (units 甲所, 乙所) and 西区 (丙所) take part. Rows carry the instants they
// were recorded at, so "as of" can be checked: an event logged two days after it happened counts from then.
import { docxText, pdfText } from './support/documents.js';
import { binaryBody, insertCampaign } from './support/events-fixtures.js';
import { bearer, createOrg, createUser, registerTenant } from './support/fixtures.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';

const V1 = '/api/v1';
const flat = (s: string) => s.replace(/\s+/g, '');

describe('情况通报 as of a day', () => {
  let t: TestApp;
  let campaign: string;
  const org: Record<string, string> = {};
  const token: Record<string, string> = {};

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '1000' });
    const tenant = await registerTenant(t.http, '滨海市公安局', 'POLICE');
    org.R = tenant.rootId;
    org.D1 = await createOrg(t.http, tenant.adminToken, org.R, '东区分局', 'POLICE');
    org.D2 = await createOrg(t.http, tenant.adminToken, org.R, '西区分局', 'POLICE');
    org.U1 = await createOrg(t.http, tenant.adminToken, org.D1, '东区甲派出所', 'POLICE');
    org.U2 = await createOrg(t.http, tenant.adminToken, org.D1, '东区乙派出所', 'POLICE');
    org.U3 = await createOrg(t.http, tenant.adminToken, org.D2, '西区丙派出所', 'POLICE');
    const c = await insertCampaign({
      tenantId: tenant.tenantId,
      organizerOrgId: org.R,
      participants: [org.U1!, org.U2!, org.U3!],
      title: '2026年全民反诈在行动集中宣传月',
    });
    campaign = c.id;
    const T = tenant.tenantId;
    await sql(`UPDATE participant SET created_at = '2026-10-28T10:00:00+08:00' WHERE campaign_id = $1`, [campaign]);
    await sql(`UPDATE campaign SET directive_title = '关于开展全民反诈集中宣传月活动的通知' WHERE id = $1`, [campaign]);
    // 甲所 sets up its group on 2 November
    const [g] = await sql<{ id: string }>(
      `INSERT INTO leading_group (tenant_id, campaign_id, organization_id, created_at, updated_at)
       VALUES ($1, $2, $3, '2026-11-02T10:00:00+08:00', now()) RETURNING id`,
      [T, campaign, org.U1],
    );
    await sql(
      `INSERT INTO leading_group_member (tenant_id, leading_group_id, name, role) VALUES ($1, $2, '张所长', 'LEADER')`,
      [T, g!.id],
    );
    const event = async (unit: string, on: string, loggedAt: string, metrics: Record<string, string>) => {
      const [e] = await sql<{ id: string }>(
        `INSERT INTO publicity_event (tenant_id, campaign_id, organization_id, type, title, occurred_on, created_at, updated_at)
         VALUES ($1, $2, $3, 'LEAFLET', '发放宣传单', $4, $5, now()) RETURNING id`,
        [T, campaign, unit, on, loggedAt],
      );
      for (const [key, value] of Object.entries(metrics))
        await sql(
          `INSERT INTO event_metric_value (tenant_id, event_id, metric_definition_id, value) VALUES ($1, $2, $3, $4)`,
          [T, e!.id, c.metrics[key], value],
        );
    };
    await event(org.U1!, '2026-11-05', '2026-11-05T18:00:00+08:00', { audience: '100' });
    // happened on the 10th, logged on the 12th (late evening, still the 12th in Shanghai)
    await event(org.U1!, '2026-11-10', '2026-11-12T23:30:00+08:00', { audience: '50' });
    await event(org.U3!, '2026-11-08', '2026-11-08T09:00:00+08:00', { leaflets: '300' });
    const task = (unit: string, due: string, completedAt: string | null) =>
      sql(
        `INSERT INTO task (tenant_id, campaign_id, organization_id, title, due_on, status, completed_at, created_at, updated_at)
         VALUES ($1, $2, $3, '集中宣传', $4, $5, $6, '2026-11-01T09:00:00+08:00', now())`,
        [T, campaign, unit, due, completedAt ? 'DONE' : 'TODO', completedAt],
      );
    await task(org.U1!, '2026-11-20', '2026-11-15T17:00:00+08:00');
    await task(org.U2!, '2026-11-09', null);
    await sql(
      `INSERT INTO summary_report (tenant_id, campaign_id, organization_id, scope, version, status, title, facts, sections, submitted_at, updated_at)
       VALUES ($1, $2, $3, 'UNIT', 1, 'SUBMITTED', '总结', '{}', '{}', '2026-12-02T11:00:00+08:00', now())`,
      [T, campaign, org.U1],
    );
    token.organizer = (
      await createUser(t.http, tenant.adminToken, [{ organizationId: org.R!, role: 'ORGANIZER' }], 'org-r')
    ).token;
    token.viewer = (
      await createUser(t.http, tenant.adminToken, [{ organizationId: org.R!, role: 'VIEWER' }], 'viewer-r')
    ).token;
    token.district = (
      await createUser(t.http, tenant.adminToken, [{ organizationId: org.D1!, role: 'ORGANIZER' }], 'org-d1')
    ).token;
    token.reporter = (
      await createUser(t.http, tenant.adminToken, [{ organizationId: org.U1!, role: 'REPORTER' }], 'rep-u1')
    ).token;
    token.stranger = (await registerTenant(t.http, '另一客户')).adminToken;
  }, 60_000);
  afterAll(() => t.close());

  const get = (who: string, query = '') =>
    t.http.get(`${V1}/campaigns/${campaign}/bulletin${query}`).set(bearer(token[who]!));
  const paragraph = (
    body: { document: { sections: { paragraphs: { key: string; text: string }[] }[] } },
    key: string,
  ) => body.document.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key)?.text;

  it('as of 9 November: two events (the one of the 10th is not yet there), one group, nothing overdue yet', async () => {
    const res = await get('organizer', '?asOf=2026-11-09').expect(200);
    expect(res.body.asOf).toBe('2026-11-09');
    expect(res.body.document.title).toBe('关于2026年全民反诈在行动集中宣传月活动开展情况的通报');
    expect(res.body.document.opening.text).toContain('现将截至2026年11月9日各单位开展情况通报如下：');
    expect(paragraph(res.body, 'progress.totals')).toBe(
      '截至11月9日，共有3个单位参与本次活动，其中1个单位已成立活动领导小组；各单位累计开展宣传活动2次，' +
        '覆盖群众100人次，发放宣传单300份；部署具体任务2项，已完成0项。',
    );
    expect(paragraph(res.body, 'problems.3')).toBeUndefined();
    expect(res.body.document.signature).toEqual({ unit: '滨海市公安局', date: '2026年11月9日', isoDate: '2026-11-09' });
    const events = res.body.document.sections[0].paragraphs[0].figures.find(
      (f: { id: string }) => f.id === 'progress.totals.events',
    );
    expect(events).toMatchObject({
      text: '2次',
      value: '2',
      source: {
        kind: 'events',
        filter: { campaignId: campaign, organizationId: org.R, subtree: true, asOf: '2026-11-09' },
      },
    });
    expect(events.source.eventIds).toHaveLength(2);
    expect(res.body.facts.units.map((u: { name: string; eventCount: number }) => [u.name, u.eventCount])).toEqual(
      expect.arrayContaining([
        ['东区甲派出所', 1],
        ['东区乙派出所', 0],
        ['西区丙派出所', 1],
      ]),
    );
  });

  it('as of 12 November: the late-logged event counts, 乙所 is overdue and named, with its count', async () => {
    const res = await get('viewer', '?asOf=2026-11-12').expect(200);
    expect(paragraph(res.body, 'progress.totals')).toContain('累计开展宣传活动3次，覆盖群众150人次');
    expect(paragraph(res.body, 'progress.totals')).toContain('逾期未完成1项');
    const problems = res.body.document.sections.find((s: { key: string }) => s.key === 'problems');
    expect(problems.heading).toBe('三、存在的问题');
    const text = problems.paragraphs.map((p: { text: string }) => p.text).join('');
    expect(text).toContain('东区乙派出所、西区丙派出所共2个单位尚未在系统中录入活动领导小组');
    expect(text).toContain('东区乙派出所尚未登记宣传活动');
    expect(text).toContain('东区乙派出所（1项）有逾期未完成的任务，共1项');
    const leaders = res.body.document.sections.find((s: { key: string }) => s.key === 'leaders');
    expect(leaders.paragraphs[1].text).toBe('1.东区甲派出所开展宣传活动2次，覆盖群众150人次。');
  });

  it('as of 3 December (default: today when not given): the task done and the summary handed in count', async () => {
    const res = await get('organizer', '?asOf=2026-12-03').expect(200);
    expect(paragraph(res.body, 'progress.totals')).toContain('已完成1项，逾期未完成1项；1个单位已提交活动总结');
    const today = await get('organizer').expect(200);
    expect(today.body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(today.body.asOf >= '2026-12-03').toBe(true);
  });

  it('a district organizer sees its district only, signed by the district', async () => {
    const res = await get('district', '?asOf=2026-11-12').expect(200);
    expect(res.body.facts.units.map((u: { name: string }) => u.name).sort()).toEqual(['东区乙派出所', '东区甲派出所']);
    expect(JSON.stringify(res.body.document)).not.toContain('西区');
    expect(res.body.document.signature.unit).toBe('东区分局');
    expect(paragraph(res.body, 'progress.totals')).toContain('共有2个单位参与本次活动');
  });

  it('a unit’s reporter is refused (403), another tenant gets 404, bad days 400 on asOf', async () => {
    await get('reporter', '?asOf=2026-11-12').expect(403);
    await t.http.get(`${V1}/campaigns/${campaign}/bulletin.docx`).set(bearer(token.reporter!)).expect(403);
    await get('stranger', '?asOf=2026-11-12').expect(404);
    for (const bad of ['2026-10-31', '2099-01-01', '2026-11-31', 'yesterday']) {
      const res = await get('organizer', `?asOf=${bad}`).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['asOf']);
    }
    await t.http
      .get(`${V1}/campaigns/00000000-0000-4000-8000-000000000000/bulletin`)
      .set(bearer(token.organizer!))
      .expect(404);
  });

  it('downloads Word and PDF in the official layout holding the same text', async () => {
    const docx = await get('organizer', '?asOf=2026-11-12').expect(200);
    expect(docx.body.asOf).toBe('2026-11-12');
    const word = await t.http
      .get(`${V1}/campaigns/${campaign}/bulletin.docx?asOf=2026-11-12`)
      .set(bearer(token.organizer!))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(word.headers['content-type']).toContain('wordprocessingml');
    expect(word.headers['content-disposition']).toContain(encodeURIComponent('开展情况的通报'));
    const text = flat(await docxText(word.body as Buffer));
    for (const s of [
      '关于2026年全民反诈在行动集中宣传月活动开展情况的通报',
      '一、总体进展',
      '二、工作开展较好的单位',
      '三、存在的问题',
      '四、下一步工作要求',
      '累计开展宣传活动3次',
      '2026年11月12日',
    ])
      expect(text).toContain(s);
    const pdf = await t.http
      .get(`${V1}/campaigns/${campaign}/bulletin.pdf?asOf=2026-11-12`)
      .set(bearer(token.organizer!))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const printed = flat(await pdfText(pdf.body as Buffer));
    for (const s of ['开展情况的通报', '三、存在的问题', '东区乙派出所', '—1—']) expect(printed).toContain(s);
  }, 30_000);
});
