// Every write to a unit's events re-checks, in the transaction that writes, what its checks read a moment
// before: an approval of the unit's summary (or the campaign's closing) that lands between the checks and the
// write still wins. Each case lets the checks pass, lands the approval (or the closing) right after them,
// and expects 422 with nothing written. Create has its own spec (event-lock-race).
import ExcelJS from 'exceljs';
import { EventAccessService } from '../src/modules/events/event-access.service.js';
import { LedgerImportService } from '../src/modules/events/ledger-import.service.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import {
  addSummaryVersion,
  buildEventsWorld,
  countEvents,
  type EventsWorld,
  insertEvent,
  makeImage,
  setCampaignStatus,
} from './support/events-fixtures.js';
import { bearer } from './support/fixtures.js';

type Landing = 'approval' | 'closing';

describe('event writes re-check the lock where they write', () => {
  let t: TestApp;
  let w: EventsWorld;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '100000' });
    w = await buildEventsWorld(t.http);
  }, 60_000);
  afterAll(() => t.close());
  afterEach(async () => {
    await sql(`DELETE FROM summary_report WHERE campaign_id = $1`, [w.campaign.id]);
    await setCampaignStatus(w.campaign.id, 'ACTIVE');
  });

  const land = (what: Landing) =>
    what === 'approval'
      ? addSummaryVersion(w.tenant.tenantId, w.campaign.id, w.org.A, 'APPROVED')
      : setCampaignStatus(w.campaign.id, 'CLOSED');

  /** Runs `request` with `what` landing right after the checks of `method` on `target` returned. */
  async function racing<T>(target: object, method: string, what: Landing, request: () => Promise<T>): Promise<T> {
    const holder = target as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = holder[method]!;
    let landed = 0;
    holder[method] = async function (this: unknown, ...args: unknown[]) {
      const result = await original.apply(this, args);
      landed += 1;
      await land(what);
      return result;
    };
    try {
      return await request();
    } finally {
      holder[method] = original;
      expect(landed).toBeGreaterThan(0);
    }
  }
  const checks = () => t.app.get(EventAccessService);
  const event = () =>
    insertEvent({
      tenantId: w.tenant.tenantId,
      campaignId: w.campaign.id,
      organizationId: w.org.A,
      title: '集市日发放宣传单',
      metrics: { [w.campaign.metrics.audience!]: '300' },
    });
  const row = async (id: string) =>
    (
      await sql(
        `SELECT e.type::text, e.title, (SELECT json_agg(v.value::text) FROM event_metric_value v WHERE v.event_id = e.id) AS values,
                (SELECT count(*)::int FROM event_photo p WHERE p.event_id = e.id) AS photos
           FROM publicity_event e WHERE e.id = $1`,
        [id],
      )
    )[0];

  describe.each(['approval', 'closing'] as const)('the %s landing after the checks', (what) => {
    it('an edit answers 422 and changes nothing', async () => {
      const id = await event();
      const before = await row(id);
      const res = await racing(checks(), 'forWrite', what, () =>
        t.http
          .patch(`/api/v1/events/${id}`)
          .set(bearer(w.reporterA.token))
          .send({ type: 'MEETING', title: '改了', metrics: { audience: 999 } }),
      );
      expect(res.status).toBe(422);
      expect(await row(id)).toEqual(before);
    });

    it('a delete answers 422 and the event stays', async () => {
      const id = await event();
      const res = await racing(checks(), 'forWrite', what, () =>
        t.http.delete(`/api/v1/events/${id}`).set(bearer(w.reporterA.token)),
      );
      expect(res.status).toBe(422);
      expect(await row(id)).toBeDefined();
    });

    it('a photo upload answers 422 and stores no photo', async () => {
      const id = await event();
      const res = await racing(checks(), 'forWrite', what, async () =>
        t.http
          .post(`/api/v1/events/${id}/photos`)
          .set(bearer(w.reporterA.token))
          .attach('file', await makeImage('png', 3), 'a.png'),
      );
      expect(res.status).toBe(422);
      expect((await row(id))?.photos).toBe(0);
    });

    it('a photo delete answers 422 and the photo stays', async () => {
      const id = await event();
      const uploaded = await t.http
        .post(`/api/v1/events/${id}/photos`)
        .set(bearer(w.reporterA.token))
        .attach('file', await makeImage('png', 4), 'a.png')
        .expect(201);
      const res = await racing(checks(), 'forWrite', what, () =>
        t.http.delete(`/api/v1/photos/${uploaded.body.id}`).set(bearer(w.reporterA.token)),
      );
      expect(res.status).toBe(422);
      expect((await row(id))?.photos).toBe(1);
    });

    it('a ledger import answers 422 and creates no event', async () => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('活动台账');
      sheet.addRow(['2026年全民反诈在行动集中宣传月活动台账']);
      sheet.addRow(['单位', '日期', '活动类型', '标题']);
      sheet.addRow(['城关派出所', '2026-11-02', 'LEAFLET', '台账导入的活动']);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const before = await countEvents(w.campaign.id);
      // the checks of an import: which units it may write to and whether their summaries are approved
      const res = await racing(t.app.get(LedgerImportService), 'unitsByName', what, () =>
        t.http
          .post(`/api/v1/campaigns/${w.campaign.id}/events/import`)
          .set(bearer(w.reporterA.token))
          .attach('file', file, '台账.xlsx'),
      );
      expect(res.status).toBe(422);
      expect(await countEvents(w.campaign.id)).toBe(before);
    });
  });
});
