// Crash and retry safety, and two API processes behind a round-robin client on one database.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import { buildEventsWorld, type EventsWorld } from './support/events-fixtures.js';
import { startApiProcess, stopApiProcess as stop } from './support/api-process.js';

describe('resilience', () => {
  let t: TestApp;
  let w: EventsWorld;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '100000' });
    w = await buildEventsWorld(t.http);
  }, 60_000);
  afterAll(() => t.close());

  const eventBody = (key: string) =>
    JSON.stringify({
      organizationId: w.org.A,
      type: 'LEAFLET',
      title: `崩溃测试 ${key}`,
      occurredOn: '2026-11-06',
      location: '集贸市场',
      metrics: { leaflets: 100 },
    });

  it('SIGKILL in the middle of a stream of creates: after a restart and retries with the same keys, every event exists exactly once', async () => {
    const api = await startApiProcess('resilience');
    const keys = Array.from({ length: 120 }, () => randomUUID());
    const acknowledged = new Set<string>();
    const post = (url: string, key: string) =>
      fetch(`${url}/api/v1/campaigns/${w.campaign.id}/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${w.reporterA.token}`,
          'idempotency-key': key,
        },
        body: eventBody(key),
      });
    // eight clients send the keys in turn; the process is killed while they are at it
    let next = 0;
    let killed = false;
    const client = async () => {
      while (next < keys.length) {
        const key = keys[next++]!;
        if (next === 50 && !killed) {
          killed = true;
          api.child.kill('SIGKILL');
        }
        try {
          const res = await post(api.url, key);
          if (res.status === 201) acknowledged.add(key);
        } catch {
          // unanswered: the phone will retry it
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
    await stop(api.child, 'SIGKILL');
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(keys.length);

    const again = await startApiProcess('resilience');
    try {
      // re-send everything (acknowledged ones too, as a client that lost the answer would)
      const statuses = await Promise.all(keys.map((k) => post(again.url, k).then((r) => r.status)));
      expect(statuses.every((s) => s === 201)).toBe(true);
    } finally {
      await stop(again.child);
    }
    const rows = await sql<{ title: string; n: number }>(
      `SELECT title, count(*)::int AS n FROM publicity_event WHERE campaign_id = $1 AND title LIKE '崩溃测试 %' GROUP BY title`,
      [w.campaign.id],
    );
    expect(rows).toHaveLength(keys.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const values = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM event_metric_value v JOIN publicity_event e ON e.id = v.event_id WHERE e.title LIKE '崩溃测试 %'`,
    );
    expect(values[0]!.n).toBe(keys.length);
  }, 120_000);

  it('SIGTERM while creates are in flight: the process answers them before it closes the database, never a 5xx', async () => {
    const api = await startApiProcess('drain');
    const statuses: number[] = [];
    const acknowledged = new Set<string>();
    let stopping: Promise<void> | null = null;
    const client = async () => {
      for (;;) {
        const title = `停机测试 ${randomUUID()}`;
        try {
          const res = await fetch(`${api.url}/api/v1/campaigns/${w.campaign.id}/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${w.reporterA.token}` },
            body: JSON.stringify({
              organizationId: w.org.A,
              type: 'POSTER',
              title,
              occurredOn: '2026-11-06',
              metrics: {},
            }),
          });
          statuses.push(res.status);
          if (res.status === 201) acknowledged.add(title);
        } catch {
          if (stopping) return; // refused or cut once the process stopped taking connections
        }
        if (statuses.length === 60 && !stopping) stopping = stop(api.child, 'SIGTERM');
      }
    };
    await Promise.all(Array.from({ length: 8 }, client));
    await stopping;
    expect(api.child.exitCode).toBe(0);
    expect(statuses.length).toBeGreaterThanOrEqual(60);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const rows = await sql<{ title: string }>(
      `SELECT title FROM publicity_event WHERE campaign_id = $1 AND title LIKE '停机测试 %'`,
      [w.campaign.id],
    );
    expect(new Set(rows.map((r) => r.title))).toEqual(acknowledged);
  }, 60_000);

  it('SIGTERM right after clients gave up on their creates: the handlers still running finish before the database closes, no error', async () => {
    const api = await startApiProcess('abandoned', { logLevel: 'warn' });
    const { port } = new URL(api.url);
    // Each client sends a create and hangs up a few milliseconds later, before any answer: the handler
    // goes on without a connection, so closing the HTTP server does not wait for it.
    const abandon = (i: number) =>
      new Promise<void>((resolve) => {
        const body = eventBody(`abandoned ${i} ${randomUUID()}`);
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/v1/campaigns/${w.campaign.id}/events`,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${w.reporterA.token}`,
            'idempotency-key': randomUUID(),
          },
        });
        req.on('error', () => resolve());
        req.on('close', () => resolve());
        req.end(body, () => setTimeout(() => req.destroy(), 2 + (i % 5)));
      });
    const clients = Promise.all(Array.from({ length: 60 }, (_, i) => abandon(i)));
    await new Promise((r) => setTimeout(r, 5));
    const stopped = stop(api.child, 'SIGTERM');
    await clients;
    await stopped;
    expect(api.child.exitCode).toBe(0);
    const errors = api
      .log()
      .split('\n')
      .filter((line) => line.includes('"level":50'));
    expect(errors).toEqual([]);
    // Whatever was written is whole: no event without its metric value.
    const [orphans] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM publicity_event e WHERE e.title LIKE '崩溃测试 abandoned %'
          AND NOT EXISTS (SELECT 1 FROM event_metric_value v WHERE v.event_id = e.id)`,
    );
    expect(orphans!.n).toBe(0);
  }, 60_000);

  describe('two API processes behind a round-robin client', () => {
    let second: { url: string; child: ChildProcess };
    beforeAll(async () => {
      second = await startApiProcess('resilience');
    }, 60_000);
    afterAll(() => stop(second.child));

    const urls = () => [t.url, second.url];

    it('one Idempotency-Key sent to both processes at once creates one event', async () => {
      const key = randomUUID();
      const statuses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fetch(`${urls()[i % 2]}/api/v1/campaigns/${w.campaign.id}/events`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${w.reporterA.token}`,
              'idempotency-key': key,
            },
            body: eventBody(key),
          }).then((r) => r.status),
        ),
      );
      expect(statuses.every((s) => s === 201)).toBe(true);
      const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM publicity_event WHERE title = $1`, [
        `崩溃测试 ${key}`,
      ]);
      expect(row!.n).toBe(1);
    });

    it('If-Match holds across processes: two edits of one version, one wins and one gets 409', async () => {
      const path = `/api/v1/campaigns/${w.campaign.id}/organizations/${w.org.A}/summary`;
      const gen = await fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${w.reporterA.token}` },
        body: '{}',
      });
      expect(gen.status).toBe(201);
      const { version } = (await gen.json()) as { version: number };
      const statuses = await Promise.all(
        urls().map((u, i) =>
          fetch(`${u}${path}`, {
            method: 'PATCH',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${w.reporterA.token}`,
              'if-match': `"${version}"`,
            },
            body: JSON.stringify({ narrative: { shortcomings: `第${i + 1}个进程写的不足。` } }),
          }).then((r) => r.status),
        ),
      );
      expect(statuses.sort()).toEqual([200, 409]);
      const [row] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM summary_report WHERE organization_id = $1 AND version = $2`,
        [w.org.A, version + 1],
      );
      expect(row!.n).toBe(1);
    });

    it('a token issued by one process works on the other, and deactivation on one locks out both', async () => {
      for (const u of urls())
        expect(
          (await fetch(`${u}/api/v1/me`, { headers: { authorization: `Bearer ${w.viewerA.token}` } })).status,
        ).toBe(200);
      const res = await fetch(`${second.url}/api/v1/users/${w.viewerA.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${w.tenant.adminToken}` },
        body: JSON.stringify({ isActive: false }),
      });
      expect(res.status).toBe(200);
      for (const u of urls())
        expect(
          (await fetch(`${u}/api/v1/me`, { headers: { authorization: `Bearer ${w.viewerA.token}` } })).status,
        ).toBe(401);
    });
  });
});
