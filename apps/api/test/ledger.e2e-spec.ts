import ExcelJS from 'exceljs';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import {
  addSummaryVersion,
  binaryBody,
  buildEventsWorld,
  countEvents,
  type EventsWorld,
  insertCampaign,
  insertEvent,
  makeImage,
  type SqlCampaign,
  setCampaignStatus,
} from './support/events-fixtures.js';
import { bearer } from './support/fixtures.js';

const HEADERS = [
  '单位',
  '日期',
  '活动类型',
  '标题',
  '地点',
  '内容',
  '覆盖群众(人次)',
  '发放宣传单(份)',
  '张贴海报(张)',
  '避免损失(元)',
  '照片数',
];

/** The export adds 编号 (the event's id) as its last column. */
const EXPORT_HEADERS = [...HEADERS, '编号'];

async function readWorkbook(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = EXPORT_HEADERS.map((_, i) => row.getCell(i + 1).value ?? null);
  });
  return rows;
}

/** A ledger in the export's layout: title row, header row, then the given rows (cells in HEADERS order). */
async function ledger(rows: unknown[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('活动台账');
  sheet.addRow(['2026年全民反诈在行动集中宣传月活动台账']);
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('ledger (台账): export and import', () => {
  let t: TestApp;
  let w: EventsWorld;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    w = await buildEventsWorld(t.http);
  }, 60_000);
  afterAll(() => t.close());

  describe('GET /campaigns/:id/events.xlsx', () => {
    let camp: SqlCampaign;
    beforeAll(async () => {
      camp = await insertCampaign({
        tenantId: w.tenant.tenantId,
        organizerOrgId: w.org.R,
        participants: [w.org.A, w.org.A1, w.org.B],
        title: '2026年全民反诈在行动集中宣传月',
      });
      const base = { tenantId: w.tenant.tenantId, campaignId: camp.id };
      const m = camp.metrics;
      await insertEvent({
        ...base,
        organizationId: w.org.A,
        occurredOn: '2026-11-03',
        type: 'POSTER',
        title: '张贴海报',
        metrics: { [m.posters!]: '120', [m.lossesAvoided!]: '0.10' },
      });
      await insertEvent({
        ...base,
        organizationId: w.org.A1,
        occurredOn: '2026-11-05',
        type: 'LEAFLET',
        title: '集市发单',
        metrics: { [m.leaflets!]: '3000', [m.lossesAvoided!]: '0.20' },
      });
      await insertEvent({
        ...base,
        organizationId: w.org.B,
        occurredOn: '2026-11-04',
        type: 'COUNTER_REMINDER',
        title: '临柜提醒',
        metrics: { [m.lossesAvoided!]: '800000.00' },
      });
      await sql(
        `INSERT INTO event_photo (tenant_id, event_id, storage_key, content_type, size_bytes, sha256)
         SELECT tenant_id, id, 'x/y.jpg', 'image/jpeg', 1, 'abc' FROM publicity_event WHERE campaign_id = $1 AND title = '张贴海报'`,
        [camp.id],
      );
    });
    const download = (token: string, query = '') =>
      t.http.get(`/api/v1/campaigns/${camp.id}/events.xlsx${query}`).set(bearer(token)).buffer(true).parse(binaryBody);

    it('streams the events in scope with Chinese headers, labels, one column per metric and exact totals', async () => {
      const res = await download(w.reporterR.token).expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="campaign-${camp.id.slice(0, 8)}-events.xlsx"; filename*=UTF-8''${encodeURIComponent('2026年全民反诈在行动集中宣传月活动台账.xlsx')}`,
      );
      const rows = await readWorkbook(res.body as Buffer);
      expect(rows[0]![0]).toBe('2026年全民反诈在行动集中宣传月活动台账');
      expect(rows[1]).toEqual(EXPORT_HEADERS);
      expect(rows.slice(2).map((r) => [r[0], r[2], r[3]])).toEqual([
        ['城关派出所', '张贴海报标语', '张贴海报'],
        ['东城派出所', '临柜提醒', '临柜提醒'],
        ['城关社区警务室', '发放宣传单', '集市发单'],
        ['合计', null, '共3次活动'],
      ]);
      expect(rows[2]![1]).toEqual(new Date(Date.UTC(2026, 10, 3)));
      expect(rows[2]!.slice(6, 11)).toEqual([null, null, 120, 0.1, 1]);
      expect(rows[5]!.slice(6)).toEqual([0, 3000, 120, 800000.3, 1, null]);
      const ids = await sql<{ id: string; title: string }>(
        `SELECT id, title FROM publicity_event WHERE campaign_id = $1`,
        [camp.id],
      );
      expect(rows.slice(2, 5).map((r) => [r[3], r[11]])).toEqual(
        ['张贴海报', '临柜提醒', '集市发单'].map((title) => [title, ids.find((e) => e.title === title)!.id]),
      );
    });

    it('limits the rows to the caller’s scope and the list filters; 404 for campaigns it cannot see, 400 for bad filters', async () => {
      const a1 = await readWorkbook((await download(w.reporterA1.token).expect(200)).body as Buffer);
      expect(a1.slice(2).map((r) => r[0])).toEqual(['城关社区警务室', '合计']);
      const a = await readWorkbook((await download(w.viewerA.token, '?type=POSTER').expect(200)).body as Buffer);
      expect(a.slice(2).map((r) => r[3])).toEqual(['张贴海报', '共1次活动']);
      // one unit's ledger, as a reviewer downloads it: only its rows, and its name in the file name
      const unit = await download(w.reporterR.token, `?organizationId=${w.org.A1}`).expect(200);
      expect(unit.headers['content-disposition']).toContain(
        encodeURIComponent('2026年全民反诈在行动集中宣传月-城关社区警务室活动台账.xlsx'),
      );
      expect((await readWorkbook(unit.body as Buffer)).slice(2).map((r) => r[0])).toEqual(['城关社区警务室', '合计']);
      const other = await t.http
        .get(`/api/v1/campaigns/${camp.id}/events.xlsx`)
        .set(bearer(w.other.reporter.token))
        .expect(404);
      expect(other.body).toMatchObject({ statusCode: 404, message: 'Campaign not found' });
      await t.http
        .get(`/api/v1/campaigns/${camp.id}/events.xlsx?from=2026-11-31`)
        .set(bearer(w.reporterR.token))
        .expect(400);
      await t.http
        .get(`/api/v1/campaigns/${camp.id}/events.xlsx?organizationId=${w.org.B}`)
        .set(bearer(w.reporterA.token))
        .expect(404);
    });

    it('round-trips: the exported workbook imports back without duplicating an event (rows with 编号 are skipped)', async () => {
      const exported = (await download(w.reporterR.token).expect(200)).body as Buffer;
      const before = await countEvents(camp.id);
      const res = await t.http
        .post(`/api/v1/campaigns/${camp.id}/events/import`)
        .set(bearer(w.reporterR.token))
        .attach('file', exported, '台账.xlsx')
        .expect(201);
      expect(res.body).toMatchObject({ dryRun: false, count: 0, skipped: 3 });
      expect(
        res.body.rows.map((r: { row: number; existing: boolean; type: string; metrics: Record<string, string> }) => [
          r.row,
          r.existing,
          r.type,
          r.metrics,
        ]),
      ).toEqual([
        [3, true, 'POSTER', { posters: '120', lossesAvoided: '0.10' }],
        [4, true, 'COUNTER_REMINDER', { lossesAvoided: '800000.00' }],
        [5, true, 'LEAFLET', { leaflets: '3000', lossesAvoided: '0.20' }],
      ]);
      expect(await countEvents(camp.id)).toBe(before);

      // the same rows with 编号 cleared are new events: the workbook's cells parse back to the same values
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      sheet.eachRow((row) => {
        if (typeof row.getCell(12).value === 'string' && row.getCell(12).value !== '编号') row.getCell(12).value = null;
      });
      const cleared = Buffer.from(await wb.xlsx.writeBuffer());
      const fresh = await t.http
        .post(`/api/v1/campaigns/${camp.id}/events/import?dryRun=true`)
        .set(bearer(w.reporterR.token))
        .attach('file', cleared, '台账.xlsx')
        .expect(200);
      expect(fresh.body).toMatchObject({ count: 3, skipped: 0 });
      expect(fresh.body.rows.map((r: { metrics: Record<string, string> }) => r.metrics)).toEqual(
        res.body.rows.map((r: { metrics: Record<string, string> }) => r.metrics),
      );
    });

    it('refuses a 编号 that names no event of the campaign in the caller’s scope, naming the row; nothing is written', async () => {
      const exported = (await download(w.reporterR.token).expect(200)).body as Buffer;
      const [outside] = await sql<{ id: string }>(
        `SELECT e.id FROM publicity_event e WHERE e.campaign_id = $1 AND e.organization_id = $2`,
        [camp.id, w.org.B],
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      sheet.getRow(3).getCell(12).value = '00000000-0000-4000-8000-000000000000';
      sheet.getRow(4).getCell(12).value = 'not-a-number';
      const tampered = Buffer.from(await wb.xlsx.writeBuffer());
      const before = await countEvents(camp.id);
      const res = await t.http
        .post(`/api/v1/campaigns/${camp.id}/events/import`)
        .set(bearer(w.reporterR.token))
        .attach('file', tampered, '台账.xlsx')
        .expect(400);
      expect(
        res.body.details.map((d: { row: number; column: string; field: string }) => [d.row, d.column, d.field]),
      ).toEqual([
        [3, 'L', 'id'],
        [4, 'L', 'id'],
      ]);
      expect(await countEvents(camp.id)).toBe(before);

      // an event of a unit outside the caller's scope answers like one that does not exist
      const a = (await download(w.reporterA.token).expect(200)).body as Buffer;
      const wbA = new ExcelJS.Workbook();
      await wbA.xlsx.load(a as unknown as ArrayBuffer);
      wbA.worksheets[0]!.getRow(3).getCell(12).value = outside!.id;
      const foreign = await t.http
        .post(`/api/v1/campaigns/${camp.id}/events/import?dryRun=true`)
        .set(bearer(w.reporterA.token))
        .attach('file', Buffer.from(await wbA.xlsx.writeBuffer()), '台账.xlsx')
        .expect(400);
      expect(foreign.body.details).toEqual([
        expect.objectContaining({
          row: 3,
          column: 'L',
          field: 'id',
          message: expect.stringContaining('names no event'),
        }),
      ]);
    });
  });

  describe('POST /campaigns/:id/events/import', () => {
    let camp: SqlCampaign;
    const importUrl = (query = '') => `/api/v1/campaigns/${camp.id}/events/import${query}`;
    const good = (): unknown[][] => [
      [
        '城关派出所',
        new Date(Date.UTC(2026, 10, 2)),
        '国旗下宣讲',
        '国旗下反诈宣讲',
        '城关一小操场',
        '面向全校师生宣讲',
        1200,
        null,
        null,
        null,
        null,
      ],
      ['城关社区警务室', '2026/11/9', 'LEAFLET', '集市日发放宣传单', '农贸市场', '', 800, '3,000', null, 1000.5, null],
      ['城关派出所', '2026年11月20日', '临柜提醒', '银行网点临柜提醒', null, null, null, null, null, '80000.05', null],
    ];
    beforeEach(async () => {
      camp = await insertCampaign({
        tenantId: w.tenant.tenantId,
        organizerOrgId: w.org.R,
        participants: [w.org.A, w.org.A1, w.org.B],
      });
    });

    it('dry run: checks every row and reports what would be created, writing nothing', async () => {
      const res = await t.http
        .post(importUrl('?dryRun=true'))
        .set(bearer(w.reporterA.token))
        .attach('file', await ledger(good()), '台账.xlsx')
        .expect(200);
      expect(res.body).toMatchObject({ dryRun: true, count: 3, skipped: 0 });
      expect(res.body.rows[1]).toEqual({
        row: 4,
        id: null,
        existing: false,
        organizationId: w.org.A1,
        organizationName: '城关社区警务室',
        occurredOn: '2026-11-09',
        type: 'LEAFLET',
        title: '集市日发放宣传单',
        metrics: { audience: '800', leaflets: '3000', lossesAvoided: '1000.50' },
      });
      expect(await countEvents(camp.id)).toBe(0);
    });

    it('applies all rows in one go, with metric values and audit entries', async () => {
      const res = await t.http
        .post(importUrl())
        .set(bearer(w.reporterA.token))
        .attach('file', await ledger(good()), '台账.xlsx')
        .expect(201);
      expect(res.body).toMatchObject({ dryRun: false, count: 3 });
      expect(res.body.rows.every((r: { id: string | null }) => typeof r.id === 'string')).toBe(true);
      expect(await countEvents(camp.id)).toBe(3);
      const list = await t.http
        .get(`/api/v1/campaigns/${camp.id}/events?sort=occurredOn&order=asc`)
        .set(bearer(w.reporterR.token))
        .expect(200);
      expect(
        list.body.items.map(
          (e: {
            occurredOn: string;
            type: string;
            location: string | null;
            authorId: string;
            metrics: Record<string, string>;
          }) => [e.occurredOn, e.type, e.location, e.metrics],
        ),
      ).toEqual([
        ['2026-11-02', 'FLAG_CEREMONY', '城关一小操场', { audience: '1200' }],
        ['2026-11-09', 'LEAFLET', '农贸市场', { audience: '800', leaflets: '3000', lossesAvoided: '1000.50' }],
        ['2026-11-20', 'COUNTER_REMINDER', null, { lossesAvoided: '80000.05' }],
      ]);
      expect(list.body.items[0].authorId).toBe(w.reporterA.id);
      const audit = await sql<{ action: string; n: number }>(
        `SELECT action, count(*)::int AS n FROM audit_entry WHERE actor_id = $1 AND action IN ('event.create', 'event.import') AND created_at > now() - interval '1 minute' GROUP BY action ORDER BY action`,
        [w.reporterA.id],
      );
      expect(audit).toEqual(expect.arrayContaining([{ action: 'event.import', n: 1 }]));
      expect(audit.find((a) => a.action === 'event.create')!.n).toBeGreaterThanOrEqual(3);
    });

    it('with one bad row writes nothing and names the row, column, field and reason', async () => {
      const rows = good();
      rows[2] = ['城关派出所', '2026-12-02', '临柜提醒', '月外的活动', null, null, null, null, null, null, null];
      const res = await t.http
        .post(importUrl())
        .set(bearer(w.reporterA.token))
        .attach('file', await ledger(rows), '台账.xlsx')
        .expect(400);
      expect(res.body.message).toMatch(/1 row\(s\).*nothing was imported/);
      expect(res.body.details).toEqual([
        {
          row: 5,
          column: 'B',
          field: 'occurredOn',
          message: '2026-12-02 lies outside the campaign period 2026-11-01 to 2026-11-30',
        },
      ]);
      expect(await countEvents(camp.id)).toBe(0);
    });

    it('reports every problem of every row at once', async () => {
      const rows: unknown[][] = [
        ['不存在的单位', '2026-11-02', '国旗下宣讲', '标题', null, null, null, null, null, null, null],
        ['城关派出所', '十一月二日', '开会', '', null, null, -5, 1.5, null, '1.005', null],
        ['东城派出所', '2026-11-02', 'POSTER', '不在我的范围', null, null, null, null, null, null, null],
      ];
      const res = await t.http
        .post(importUrl('?dryRun=true'))
        .set(bearer(w.reporterA.token))
        .attach('file', await ledger(rows), 'x.xlsx')
        .expect(400);
      const found = res.body.details.map(
        (d: { row: number; column: string; field: string }) => `${d.row}:${d.column}:${d.field}`,
      );
      expect(found).toEqual([
        '3:A:organization',
        '4:D:title',
        '4:B:occurredOn',
        '4:C:type',
        '4:G:metrics.audience',
        '4:H:metrics.leaflets',
        '4:J:metrics.lossesAvoided',
        '5:A:organization',
      ]);
      expect(await countEvents(camp.id)).toBe(0);
    });

    it('refuses files that are not xlsx workbooks with 415, whatever their name', async () => {
      const text = await t.http
        .post(importUrl())
        .set(bearer(w.reporterA.token))
        .attach('file', Buffer.from('单位,日期\n城关派出所,2026-11-02\n'), '台账.xlsx')
        .expect(415);
      expect(text.body).toMatchObject({ statusCode: 415 });
      await t.http
        .post(importUrl())
        .set(bearer(w.reporterA.token))
        .attach('file', await makeImage('png'), '台账.xlsx')
        .expect(415);
      await t.http.post(importUrl()).set(bearer(w.reporterA.token)).send({ file: 'x' }).expect(415);
      await t.http.post(importUrl()).set(bearer(w.reporterA.token)).field('x', 'y').expect(400);
    });

    it('refuses a header row that does not match the campaign, and an empty ledger, with 400', async () => {
      const wrong = [...HEADERS.slice(0, 6), '阻止可疑交易(笔)'];
      const res = await t.http
        .post(importUrl())
        .set(bearer(w.reporterA.token))
        .attach('file', await ledger([], wrong), 'x.xlsx')
        .expect(400);
      expect(res.body.details).toEqual([
        expect.objectContaining({
          row: 2,
          column: 'G',
          field: 'file',
          message: expect.stringMatching(/Unknown column 阻止可疑交易/),
        }),
      ]);
      const noDate = HEADERS.filter((h) => h !== '日期');
      const missing = await t.http
        .post(importUrl())
        .set(bearer(w.reporterA.token))
        .attach('file', await ledger([], noDate), 'x.xlsx')
        .expect(400);
      expect(missing.body.details[0].message).toMatch(/日期/);
      const empty = await t.http
        .post(importUrl())
        .set(bearer(w.reporterA.token))
        .attach('file', await ledger([]), 'x.xlsx')
        .expect(400);
      expect(empty.body.details[0].field).toBe('file');
      await t.http
        .post(importUrl('?dryRun=maybe'))
        .set(bearer(w.reporterA.token))
        .attach('file', await ledger(good()), 'x.xlsx')
        .expect(400);
    });

    it('answers 404 for campaigns outside the scope, 403 for readers, 422 when closed or locked', async () => {
      const file = await ledger(good());
      await t.http.post(importUrl()).set(bearer(w.other.reporter.token)).attach('file', file, 'x.xlsx').expect(404);
      await t.http.post(importUrl()).set(bearer(w.viewerA.token)).attach('file', file, 'x.xlsx').expect(403);
      // B's reporter sees the campaign but not A's units: row errors, nothing written
      const b = await t.http
        .post(importUrl())
        .set(bearer(w.reporterB.token))
        .attach('file', file, 'x.xlsx')
        .expect(400);
      expect(b.body.details.map((d: { row: number }) => d.row)).toEqual([3, 4, 5]);

      await addSummaryVersion(w.tenant.tenantId, camp.id, w.org.A, 'APPROVED');
      const locked = await t.http
        .post(importUrl())
        .set(bearer(w.reporterA.token))
        .attach('file', file, 'x.xlsx')
        .expect(422);
      expect(locked.body.details.map((d: { row: number }) => d.row)).toEqual([3, 5]);
      expect(await countEvents(camp.id)).toBe(0);
      await addSummaryVersion(w.tenant.tenantId, camp.id, w.org.A, 'RETURNED');
      await setCampaignStatus(camp.id, 'CLOSED');
      await t.http.post(importUrl()).set(bearer(w.reporterA.token)).attach('file', file, 'x.xlsx').expect(422);
      expect(await countEvents(camp.id)).toBe(0);
    });

    it('imports events next to ones logged by hand without touching them', async () => {
      const existing = await insertEvent({ tenantId: w.tenant.tenantId, campaignId: camp.id, organizationId: w.org.A });
      await t.http
        .post(importUrl())
        .set(bearer(w.reporterR.token))
        .attach('file', await ledger(good()), 'x.xlsx')
        .expect(201);
      expect(await countEvents(camp.id)).toBe(4);
      expect(await sql(`SELECT 1 FROM publicity_event WHERE id = $1`, [existing])).toHaveLength(1);
    });
  });
});
