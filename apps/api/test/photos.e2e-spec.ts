import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import {
  addSummaryVersion,
  binaryBody,
  buildEventsWorld,
  type EventsWorld,
  insertCampaign,
  insertEvent,
  makeImage,
  makeJpegWithExif,
  makeNoisePng,
} from './support/events-fixtures.js';
import { bearer } from './support/fixtures.js';

const MAX_PHOTO_BYTES = 200_000;

describe('photo evidence', () => {
  let t: TestApp;
  let w: EventsWorld;
  let eventA: string;
  let eventB: string;

  const upload = (token: string, eventId: string, file: Buffer, filename = 'photo.jpg') =>
    t.http.post(`/api/v1/events/${eventId}/photos`).set(bearer(token)).attach('file', file, filename);
  const storedPath = async (photoId: string, column: 'storage_key' | 'thumbnail_key' = 'storage_key') => {
    const [row] = await sql<{ key: string }>(`SELECT ${column} AS key FROM event_photo WHERE id = $1`, [photoId]);
    return join(t.config.storage.dir, row!.key);
  };

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000', UPLOAD_MAX_PHOTO_BYTES: String(MAX_PHOTO_BYTES) });
    w = await buildEventsWorld(t.http);
    const base = { tenantId: w.tenant.tenantId, campaignId: w.campaign.id };
    eventA = await insertEvent({ ...base, organizationId: w.org.A, occurredOn: '2026-11-06' });
    eventB = await insertEvent({ ...base, organizationId: w.org.B, occurredOn: '2026-11-06' });
  }, 60_000);
  afterAll(() => t.close());

  it('stores a JPEG with its thumbnail and EXIF capture time, serves both back, and audits', async () => {
    const jpeg = await makeJpegWithExif('2026:11:06 21:15:00');
    const res = await upload(w.reporterA.token, eventA, jpeg, '集市宣传.jpg').expect(201);
    expect(res.body).toMatchObject({
      eventId: eventA,
      contentType: 'image/jpeg',
      sizeBytes: jpeg.length,
      width: 640,
      height: 480,
      originalName: '集市宣传.jpg',
      // 21:15 in Asia/Shanghai is 13:15Z, on the event's day
      capturedAt: '2026-11-06T13:15:00.000Z',
      capturedOutsideEventDay: false,
      url: `/api/v1/photos/${res.body.id}`,
      thumbnailUrl: `/api/v1/photos/${res.body.id}?size=thumb`,
    });
    const original = await t.http
      .get(`/api/v1/photos/${res.body.id}`)
      .set(bearer(w.viewerA.token))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(original.body as Buffer, jpeg)).toBe(0);
    const thumb = await t.http
      .get(`/api/v1/photos/${res.body.id}?size=thumb`)
      .set(bearer(w.reporterR.token))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 480, 360]);
    const detail = await t.http.get(`/api/v1/events/${eventA}`).set(bearer(w.reporterA.token)).expect(200);
    expect(detail.body.photoCount).toBe(1);
    expect(detail.body.photos).toEqual([res.body]);
    expect(
      await sql(`SELECT 1 FROM audit_entry WHERE entity_id = $1 AND action = 'photo.create'`, [res.body.id]),
    ).toHaveLength(1);
  });

  it('flags a photo taken on another day (a hint, not a refusal) and follows the event when its day changes', async () => {
    const res = await upload(w.reporterA.token, eventA, await makeJpegWithExif('2026:11:07 00:30:00', 2)).expect(201);
    expect(res.body).toMatchObject({ capturedAt: '2026-11-06T16:30:00.000Z', capturedOutsideEventDay: true });
    await t.http
      .patch(`/api/v1/events/${eventA}`)
      .set(bearer(w.reporterA.token))
      .send({ occurredOn: '2026-11-07' })
      .expect(200);
    const detail = await t.http.get(`/api/v1/events/${eventA}`).set(bearer(w.reporterA.token)).expect(200);
    const flags = Object.fromEntries(
      detail.body.photos.map((p: { id: string; capturedOutsideEventDay: boolean }) => [
        p.id,
        p.capturedOutsideEventDay,
      ]),
    );
    expect(flags[res.body.id]).toBe(false);
    expect(Object.values(flags).filter(Boolean)).toHaveLength(1);
    // the list says how many of an event's photos carry the hint, so a reviewer sees it without opening each
    const list = await t.http
      .get(`/api/v1/campaigns/${w.campaign.id}/events?organizationId=${w.org.A}`)
      .set(bearer(w.reporterR.token))
      .expect(200);
    const listed = list.body.items.find((e: { id: string }) => e.id === eventA);
    expect([listed.photoCount, listed.offDayPhotoCount]).toEqual([2, 1]);
    expect(detail.body.offDayPhotoCount).toBe(1);
    await t.http
      .patch(`/api/v1/events/${eventA}`)
      .set(bearer(w.reporterA.token))
      .send({ occurredOn: '2026-11-06' })
      .expect(200);
  });

  it('takes PNG and WebP without EXIF, and answers the stored photo (200) for the same bytes again', async () => {
    const png = await upload(w.reporterA.token, eventA, await makeImage('png', 3), 'a.png').expect(201);
    expect(png.body).toMatchObject({ contentType: 'image/png', capturedAt: null, capturedOutsideEventDay: false });
    const webpBytes = await makeImage('webp', 4);
    const webp = await upload(w.reporterA.token, eventA, webpBytes, 'b.webp').expect(201);
    expect(webp.body.contentType).toBe('image/webp');
    const again = await upload(w.reporterR.token, eventA, webpBytes, 'b-retry.webp').expect(200);
    expect(again.body.id).toBe(webp.body.id);
    expect((await sql(`SELECT count(*)::int AS n FROM event_photo WHERE event_id = $1`, [eventA]))[0]!.n).toBe(4);
  });

  it('judges the type by the bytes: a text file renamed .jpg and a GIF are 415', async () => {
    const text = await upload(
      w.reporterA.token,
      eventA,
      Buffer.from('这不是照片 — just a text file pretending to be a JPEG\n'.repeat(20)),
      'evidence.jpg',
    ).expect(415);
    expect(text.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
    await upload(w.reporterA.token, eventA, await makeImage('gif', 5), 'animated.jpg').expect(415);
    const png = await makeImage('png', 6);
    await upload(w.reporterA.token, eventA, png.subarray(0, 60), 'truncated.png').expect(415);
  });

  it('answers 413 over the size limit and 400/415 for malformed uploads, in the API error shape', async () => {
    const big = await makeNoisePng(400, 400);
    expect(big.length).toBeGreaterThan(MAX_PHOTO_BYTES);
    const tooBig = await upload(w.reporterA.token, eventA, big, 'big.png').expect(413);
    expect(tooBig.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(tooBig.body.message).toMatch(/195.3 KB/);
    const none = await t.http
      .post(`/api/v1/events/${eventA}/photos`)
      .set(bearer(w.reporterA.token))
      .field('note', 'x')
      .expect(400);
    expect(none.body.details[0].field).toBe('file');
    const wrongField = await t.http
      .post(`/api/v1/events/${eventA}/photos`)
      .set(bearer(w.reporterA.token))
      .attach('photo', await makeImage('png', 7), 'a.png')
      .expect(400);
    expect(wrongField.body.statusCode).toBe(400);
    const two = await t.http
      .post(`/api/v1/events/${eventA}/photos`)
      .set(bearer(w.reporterA.token))
      .attach('file', await makeImage('png', 8), 'a.png')
      .attach('file', await makeImage('png', 9), 'b.png')
      .expect(400);
    expect(two.body.statusCode).toBe(400);
    const json = await t.http
      .post(`/api/v1/events/${eventA}/photos`)
      .set(bearer(w.reporterA.token))
      .send({ file: 'x' })
      .expect(415);
    expect(json.body.statusCode).toBe(415);
    const broken = await t.http
      .post(`/api/v1/events/${eventA}/photos`)
      .set(bearer(w.reporterA.token))
      .set('Content-Type', 'multipart/form-data; boundary=XYZ')
      .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nabc')
      .expect(400);
    expect(broken.body.statusCode).toBe(400);
  });

  it('keeps photos inside the scope: 404 for other units and tenants, 403 for readers uploading', async () => {
    const own = await upload(w.reporterB.token, eventB, await makeImage('jpeg', 10)).expect(201);
    await upload(w.reporterA.token, eventB, await makeImage('jpeg', 11)).expect(404);
    await upload(w.other.reporter.token, eventA, await makeImage('jpeg', 12)).expect(404);
    await upload(w.viewerA.token, eventA, await makeImage('jpeg', 13)).expect(403);
    await upload(w.reporterA.token, '00000000-0000-4000-8000-000000000000', await makeImage('jpeg', 14)).expect(404);
    await t.http.get(`/api/v1/photos/${own.body.id}`).set(bearer(w.reporterA.token)).expect(404);
    await t.http.get(`/api/v1/photos/${own.body.id}?size=thumb`).set(bearer(w.viewerA.token)).expect(404);
    await t.http.get(`/api/v1/photos/${own.body.id}`).set(bearer(w.other.reporter.token)).expect(404);
    await t.http.get(`/api/v1/photos/${own.body.id}`).set(bearer(w.reporterR.token)).expect(200);
    await t.http.get(`/api/v1/photos/${own.body.id}?size=huge`).set(bearer(w.reporterR.token)).expect(400);
    await t.http.delete(`/api/v1/photos/${own.body.id}`).set(bearer(w.reporterA.token)).expect(404);
    await t.http.delete(`/api/v1/photos/${own.body.id}`).set(bearer(w.viewerA.token)).expect(403);
    await t.http.get('/api/v1/photos/not-an-id').set(bearer(w.reporterR.token)).expect(404);
  });

  it('deletes a photo with its files, audited', async () => {
    const res = await upload(w.reporterA.token, eventA, await makeImage('jpeg', 20)).expect(201);
    const original = await storedPath(res.body.id);
    const thumb = await storedPath(res.body.id, 'thumbnail_key');
    expect(existsSync(original) && existsSync(thumb)).toBe(true);
    await t.http.delete(`/api/v1/photos/${res.body.id}`).set(bearer(w.reporterR.token)).expect(204);
    expect(existsSync(original) || existsSync(thumb)).toBe(false);
    await t.http.get(`/api/v1/photos/${res.body.id}`).set(bearer(w.reporterA.token)).expect(404);
    await t.http.delete(`/api/v1/photos/${res.body.id}`).set(bearer(w.reporterA.token)).expect(404);
    expect(
      await sql(`SELECT 1 FROM audit_entry WHERE entity_id = $1 AND action = 'photo.delete'`, [res.body.id]),
    ).toHaveLength(1);
  });

  it('locks photos with the events once the unit’s summary is approved', async () => {
    const camp = await insertCampaign({
      tenantId: w.tenant.tenantId,
      organizerOrgId: w.org.R,
      participants: [w.org.A],
    });
    const event = await insertEvent({ tenantId: w.tenant.tenantId, campaignId: camp.id, organizationId: w.org.A });
    const photo = await upload(w.reporterA.token, event, await makeImage('jpeg', 30)).expect(201);
    await addSummaryVersion(w.tenant.tenantId, camp.id, w.org.A, 'APPROVED');
    await upload(w.reporterA.token, event, await makeImage('jpeg', 31)).expect(422);
    await t.http.delete(`/api/v1/photos/${photo.body.id}`).set(bearer(w.reporterA.token)).expect(422);
    await t.http.get(`/api/v1/photos/${photo.body.id}`).set(bearer(w.reporterA.token)).expect(200);
    await addSummaryVersion(w.tenant.tenantId, camp.id, w.org.A, 'RETURNED');
    await t.http.delete(`/api/v1/photos/${photo.body.id}`).set(bearer(w.reporterA.token)).expect(204);
  });

  it('removes the photo files when their event is deleted', async () => {
    const event = await insertEvent({
      tenantId: w.tenant.tenantId,
      campaignId: w.campaign.id,
      organizationId: w.org.A,
    });
    const photo = await upload(w.reporterA.token, event, await makeImage('png', 40)).expect(201);
    const original = await storedPath(photo.body.id);
    expect(existsSync(original)).toBe(true);
    await t.http.delete(`/api/v1/events/${event}`).set(bearer(w.reporterA.token)).expect(204);
    expect(existsSync(original)).toBe(false);
    expect(await sql(`SELECT 1 FROM event_photo WHERE id = $1`, [photo.body.id])).toHaveLength(0);
  });
});
