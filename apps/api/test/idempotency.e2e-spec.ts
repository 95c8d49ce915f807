// Idempotency-Key on POST /campaigns/:id/events, including concurrent retries spread over two API
// processes: this jest process's app and a second server started from the build (dist/) on the same database.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import {
  buildEventsWorld,
  countEvents,
  type EventsWorld,
  insertCampaign,
  setCampaignStatus,
} from './support/events-fixtures.js';
import { bearer } from './support/fixtures.js';
import { startApiProcess } from './support/api-process.js';

describe('Idempotency-Key on POST /campaigns/:id/events', () => {
  let t: TestApp;
  let w: EventsWorld;
  let second: { url: string; child: ChildProcess };
  const path = () => `/api/v1/campaigns/${w.campaign.id}/events`;
  const body = (title = '国旗下反诈宣讲', extra: Record<string, unknown> = {}) => ({
    organizationId: w.org.A,
    type: 'FLAG_CEREMONY',
    title,
    occurredOn: '2026-11-02',
    metrics: { audience: 1200, lossesAvoided: '10.50' },
    ...extra,
  });
  const post = (baseUrl: string, token: string, key: string | null, payload: unknown, campaignPath = path()) =>
    fetch(`${baseUrl}${campaignPath}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: JSON.stringify(payload),
    }).then(async (r) => ({ status: r.status, replayed: r.headers.get('idempotent-replayed'), body: await r.json() }));
  const eventsTitled = async (title: string) =>
    (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM publicity_event WHERE title = $1`, [title]))[0]!.n;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    w = await buildEventsWorld(t.http);
    second = await startApiProcess('second');
  }, 60_000);
  afterAll(async () => {
    second?.child.kill('SIGTERM');
    await t.close();
  });

  it('answers a retry with the original event (same status and body, marked replayed) and creates no duplicate', async () => {
    const key = randomUUID();
    const first = await post(t.url, w.reporterA.token, key, body('重试一次')).then((r) => r);
    expect(first.status).toBe(201);
    expect(first.replayed).toBeNull();
    const retry = await post(second.url, w.reporterA.token, key, body('重试一次'));
    expect(retry).toEqual({ status: 201, replayed: 'true', body: first.body });
    expect(await eventsTitled('重试一次')).toBe(1);
    const [record] = await sql(
      `SELECT state, response_status, expires_at > now() + interval '23 hours' AS fresh FROM idempotency_record WHERE key = $1`,
      [key],
    );
    expect(record).toEqual({ state: 'COMPLETED', response_status: 201, fresh: true });
  });

  it('treats key order and whitespace the validation trims as the same body, and any other change as a conflict (409)', async () => {
    const key = randomUUID();
    await t.http
      .post(path())
      .set(bearer(w.reporterA.token))
      .set('Idempotency-Key', key)
      .send(body('同一请求'))
      .expect(201);
    const reordered = {
      metrics: { lossesAvoided: '10.50', audience: 1200 },
      occurredOn: '2026-11-02',
      title: '  同一请求 ',
      type: 'FLAG_CEREMONY',
      organizationId: w.org.A,
    };
    await t.http
      .post(path())
      .set(bearer(w.reporterA.token))
      .set('Idempotency-Key', key)
      .send(reordered)
      .expect(201)
      .expect('Idempotent-Replayed', 'true');
    const conflict = await t.http
      .post(path())
      .set(bearer(w.reporterA.token))
      .set('Idempotency-Key', key)
      .send(body('同一请求', { occurredOn: '2026-11-03' }))
      .expect(409);
    expect(conflict.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    const otherCampaign = await insertCampaign({
      tenantId: w.tenant.tenantId,
      organizerOrgId: w.org.R,
      participants: [w.org.A],
    });
    await t.http
      .post(`/api/v1/campaigns/${otherCampaign.id}/events`)
      .set(bearer(w.reporterA.token))
      .set('Idempotency-Key', key)
      .send(body('同一请求'))
      .expect(409);
    expect(await eventsTitled('同一请求')).toBe(1);
  });

  it('creates exactly one event for 20 concurrent requests with one key spread over two API processes', async () => {
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(i % 2 === 0 ? t.url : second.url, w.reporterA.token, key, body('并发重试')),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.replayed === 'true')).toHaveLength(19);
    expect(await eventsTitled('并发重试')).toBe(1);
    const id = results[0]!.body.id;
    expect((await sql(`SELECT count(*)::int AS n FROM event_metric_value WHERE event_id = $1`, [id]))[0]!.n).toBe(2);
    expect((await sql(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1`, [id]))[0]!.n).toBe(1);
    expect((await sql(`SELECT count(*)::int AS n FROM idempotency_record WHERE key = $1`, [key]))[0]!.n).toBe(1);
  });

  it('under concurrency with one key and two different bodies, one wins: its twins replay, the others get 409', async () => {
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(i % 2 === 0 ? t.url : second.url, w.reporterA.token, key, body(i % 4 < 2 ? '甲' : '乙')),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(created).toHaveLength(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(10);
    expect((await eventsTitled('甲')) + (await eventsTitled('乙'))).toBe(1);
  });

  it('stores nothing for a refused request, so the same key works once the cause is fixed', async () => {
    const draft = await insertCampaign({
      tenantId: w.tenant.tenantId,
      organizerOrgId: w.org.R,
      participants: [w.org.A],
      status: 'DRAFT',
    });
    const key = randomUUID();
    const draftPath = `/api/v1/campaigns/${draft.id}/events`;
    expect((await post(t.url, w.reporterA.token, key, body('草稿期'), draftPath)).status).toBe(422);
    expect(await sql(`SELECT 1 FROM idempotency_record WHERE key = $1`, [key])).toHaveLength(0);
    await setCampaignStatus(draft.id, 'ACTIVE');
    const ok = await post(second.url, w.reporterA.token, key, body('草稿期'), draftPath);
    expect([ok.status, ok.replayed]).toEqual([201, null]);
    expect(await countEvents(draft.id)).toBe(1);
  });

  it('replays a request that succeeded even when its checks would now refuse it; a reused key answers 409 before any check', async () => {
    const month = await insertCampaign({
      tenantId: w.tenant.tenantId,
      organizerOrgId: w.org.R,
      participants: [w.org.A],
      status: 'ACTIVE',
    });
    const monthPath = `/api/v1/campaigns/${month.id}/events`;
    const key = randomUUID();
    const first = await post(t.url, w.reporterA.token, key, body('结束前记录'), monthPath);
    expect(first.status).toBe(201);
    await setCampaignStatus(month.id, 'CLOSED');
    // a new request is refused (422), the retry of the one that succeeded gets its answer again
    expect((await post(t.url, w.reporterA.token, randomUUID(), body('结束后记录'), monthPath)).status).toBe(422);
    const retry = await post(second.url, w.reporterA.token, key, body('结束前记录'), monthPath);
    expect(retry).toEqual({ status: 201, replayed: 'true', body: first.body });
    // the same key with another body that the checks would refuse (400 for the day) is a conflict first
    const reused = await post(
      t.url,
      w.reporterA.token,
      key,
      body('结束前记录', { occurredOn: '2020-01-01' }),
      monthPath,
    );
    expect(reused.status).toBe(409);
    expect(await countEvents(month.id)).toBe(1);
  });

  it('keeps keys per user: another user’s identical key is a different request', async () => {
    const key = randomUUID();
    const a = await post(t.url, w.reporterA.token, key, body('各自的键'));
    const r = await post(t.url, w.reporterR.token, key, body('各自的键'));
    expect([a.status, r.status, r.replayed]).toEqual([201, 201, null]);
    expect(a.body.id).not.toBe(r.body.id);
    expect(await eventsTitled('各自的键')).toBe(2);
  });

  it('forgets a key once it has expired', async () => {
    const key = randomUUID();
    const first = await post(t.url, w.reporterA.token, key, body('过期的键'));
    await sql(`UPDATE idempotency_record SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    const again = await post(t.url, w.reporterA.token, key, body('过期的键'));
    expect([first.status, again.status, again.replayed]).toEqual([201, 201, null]);
    expect(again.body.id).not.toBe(first.body.id);
    expect(await eventsTitled('过期的键')).toBe(2);
  });

  it('refuses malformed keys with 400; without a key every POST creates an event', async () => {
    for (const bad of ['x'.repeat(201), 'clé', 'has space', '']) {
      const res = await t.http
        .post(path())
        .set(bearer(w.reporterA.token))
        .set('Idempotency-Key', bad)
        .send(body('坏键'));
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect(res.body.details[0].field).toBe('Idempotency-Key');
    }
    await t.http.post(path()).set(bearer(w.reporterA.token)).send(body('无键')).expect(201);
    await t.http.post(path()).set(bearer(w.reporterA.token)).send(body('无键')).expect(201);
    expect(await eventsTitled('无键')).toBe(2);
    expect(await eventsTitled('坏键')).toBe(0);
  });
});
