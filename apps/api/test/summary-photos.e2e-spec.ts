// 入选总结 (PATCH /photos/:id {inSummary}) and the appendix 附件：活动图片 of the summary files: who may choose,
// nine at most, locked once the summary is approved, and a file that changes when the choice does.
import { docxText } from './support/documents.js';
import {
  addSummaryVersion,
  binaryBody,
  buildEventsWorld,
  type EventsWorld,
  makeImage,
} from './support/events-fixtures.js';
import { bearer } from './support/fixtures.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';

const V1 = '/api/v1';

describe('photos chosen for the summary (入选总结)', () => {
  let t: TestApp;
  let w: EventsWorld;
  let event: string;
  const photos: string[] = [];
  const summary = () => `${V1}/campaigns/${w.campaign.id}/organizations/${w.org.A}/summary`;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '1000' });
    w = await buildEventsWorld(t.http);
    const created = await t.http
      .post(`${V1}/campaigns/${w.campaign.id}/events`)
      .set(bearer(w.reporterA.token))
      .send({
        organizationId: w.org.A,
        type: 'LEAFLET',
        title: '集市日发放宣传单',
        occurredOn: '2026-11-06',
        location: '城关集贸市场',
        description: '民警在集贸市场设立咨询台，向赶集群众发放反诈宣传单，现场解答群众咨询。',
        metrics: {},
      })
      .expect(201);
    event = created.body.id;
    for (let i = 0; i < 11; i++) {
      const res = await t.http
        .post(`${V1}/events/${event}/photos`)
        .set(bearer(w.reporterA.token))
        .attach('file', await makeImage('jpeg', i + 1), `p${i}.jpg`)
        .expect(201);
      photos.push(res.body.id);
    }
  }, 60_000);
  afterAll(() => t.close());

  const choose = (id: string, inSummary: unknown, token = w.reporterA.token) =>
    t.http.patch(`${V1}/photos/${id}`).set(bearer(token)).send({ inSummary });

  it('the unit’s reporter chooses up to nine; the tenth is 422; taking one out makes room again', async () => {
    for (const id of photos.slice(0, 9)) {
      const res = await choose(id, true).expect(200);
      expect(res.body).toMatchObject({ id, inSummary: true });
    }
    const tenth = await choose(photos[9]!, true).expect(422);
    expect(tenth.body.details).toEqual({ selected: 9, max: 9 });
    await choose(photos[0]!, true).expect(200); // choosing a chosen one again is no tenth
    await choose(photos[8]!, false).expect(200);
    await choose(photos[9]!, true).expect(200);
    const detail = await t.http.get(`${V1}/events/${event}`).set(bearer(w.reporterA.token)).expect(200);
    expect(detail.body.photos.filter((p: { inSummary: boolean }) => p.inSummary)).toHaveLength(9);
    const audit = await sql<{ action: string }>(
      `SELECT action FROM audit_entry WHERE entity_type = 'EventPhoto' AND action LIKE 'photo.%select'`,
    );
    expect(audit.map((a) => a.action).filter((a) => a === 'photo.unselect')).toHaveLength(1);
  });

  it('refuses bad input (400), other units (404), roles without event:write (403)', async () => {
    const bad = await choose(photos[1]!, 'yes').expect(400);
    expect(bad.body.details[0].field).toBe('inSummary');
    await choose(photos[1]!, true, w.reporterB.token).expect(404);
    await choose(photos[1]!, true, w.other.reporter.token).expect(404);
    await choose(photos[1]!, true, w.organizerR.token).expect(403);
    await choose(photos[1]!, true, w.viewerA.token).expect(403);
    await choose('00000000-0000-4000-8000-000000000000', true).expect(404);
  });

  it('the Word file carries the chosen photos in 附件：活动图片 with captions; a new choice is a new file', async () => {
    await t.http.post(summary()).set(bearer(w.reporterA.token)).send({}).expect(201);
    const download = async () =>
      (await t.http.get(`${summary()}.docx`).set(bearer(w.reporterA.token)).buffer(true).parse(binaryBody).expect(200))
        .body as Buffer;
    const first = await download();
    const text = (await docxText(first)).replace(/\s+/g, '');
    expect(text).toContain('附件：活动图片');
    expect(text).toContain('照片9');
    expect(text).toContain('11月6日，城关集贸市场，集市日发放宣传单');
    expect(Buffer.compare(await download(), first)).toBe(0); // served from storage
    await choose(photos[9]!, false).expect(200);
    const second = await download();
    expect(Buffer.compare(second, first)).not.toBe(0);
    expect((await docxText(second)).replace(/\s+/g, '')).not.toContain('照片9');
    const md = await t.http.get(`${summary()}.md`).set(bearer(w.reporterA.token)).expect(200);
    expect(md.text).toContain('## 附件：活动图片');
    expect(md.text).toContain(`(/api/v1/photos/${photos[1]})`);
  }, 30_000);

  it('without a chosen photo, the quoted example’s first photo; none at all without photos', async () => {
    for (const id of photos) await choose(id, false).expect(200);
    const md = await t.http.get(`${summary()}.md`).set(bearer(w.reporterA.token)).expect(200);
    expect(md.text).toContain('照片1  11月6日，城关集贸市场，集市日发放宣传单');
    expect(md.text).toContain(`(/api/v1/photos/${photos[0]})`);
    expect(md.text).not.toContain('照片2');
  });

  it('is refused (422) once the unit’s summary is approved', async () => {
    await addSummaryVersion(w.tenant.tenantId, w.campaign.id, w.org.A, 'APPROVED');
    const res = await choose(photos[2]!, true).expect(422);
    expect(res.body.details).toEqual({ summaryStatus: 'APPROVED' });
    await addSummaryVersion(w.tenant.tenantId, w.campaign.id, w.org.A, 'RETURNED');
    await choose(photos[2]!, true).expect(200);
  });
});
