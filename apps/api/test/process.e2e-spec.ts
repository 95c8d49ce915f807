// The product as a process: bad configuration refused, two processes on one empty database, and the
// embedded database keeping its data across a restart. Runs the built API (dist/, made by `npm test`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMigrations } from '../src/core/database/migrator.js';
import { migrationsDir } from '../src/core/database/paths.js';
import { createDatabase, dropDatabase, readState } from './setup/test-database.js';
import { PASSWORD, uniqueEmail } from './support/fixtures.js';
import { freePort } from './support/net.js';

const MAIN = 'dist/apps/api/src/main.js';

/** Processes a test started: killed after each test, so a failing test leaves none running. */
const started = new Set<ReturnType<typeof spawn>>();
afterEach(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
});

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return {
    child,
    exited,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

async function logIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'CampaignMonth2026' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function healthy(port: number, limitMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} not healthy`);
}

describe('the API process', () => {
  it('refuses a bad configuration, naming the variable', async () => {
    const p = run({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(await p.exited).toBe(78);
    expect(p.output()).toMatch(/PORT must be an integer/);
    expect(p.output()).toMatch(/DATABASE_URL must be a postgresql:\/\/ connection string/);
  }, 30_000);

  const state = readState();
  (state.kind === 'postgresql' ? it : it.skip)(
    'two processes started together on an empty database both come up, each migration applied once',
    async () => {
      const db = await createDatabase(state.adminUrl!, 'cm_two');
      const [p1, p2] = [await freePort(), await freePort()];
      const a = run({ DATABASE_URL: db.url, PORT: String(p1), SEED_DEMO: 'false', STORAGE_DIR: 'tmp/two-a' });
      const b = run({ DATABASE_URL: db.url, PORT: String(p2), SEED_DEMO: 'false', STORAGE_DIR: 'tmp/two-b' });
      try {
        await Promise.all([healthy(p1), healthy(p2)]);
        const { Client } = (await import('pg')).default;
        const c = new Client({ connectionString: db.url });
        await c.connect();
        const { rows } = await c.query(`SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1`);
        await c.end();
        expect(rows).toHaveLength(readMigrations(migrationsDir()).length);
        expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
        expect(a.output() + b.output()).toContain('using PostgreSQL from DATABASE_URL');
      } finally {
        await Promise.all([a.stop(), b.stop()]);
        await dropDatabase(state.adminUrl!, db.name);
      }
    },
    90_000,
  );

  it('on the embedded database: migrates, loads the demo data, and keeps what was entered across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-embedded-'));
    const port = await freePort();
    const env = {
      PORT: String(port),
      EMBEDDED_DB_DIR: join(dir, 'pglite'),
      EMBEDDED_DB_PORT: String(await freePort()),
      STORAGE_DIR: join(dir, 'storage'),
    };
    const email = uniqueEmail('restart');
    try {
      const first = run(env);
      await healthy(port);
      expect(first.output()).toContain('using the embedded PostgreSQL');
      expect(first.output()).toContain('loaded the demo data');
      const demo = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'school@edu.demo', password: 'CampaignMonth2026' }),
      });
      expect(demo.status).toBe(200);
      // Signed-in work from two tenants at once, over several pool connections of the one shared PGlite
      // session: every answer is 200 and each tenant sees its own months (named prepared statements and
      // per-connection tenant settings used to collide there: half the answers were 500).
      const base = `http://127.0.0.1:${port}/api/v1`;
      const tokens = {
        edu: ((await demo.json()) as { accessToken: string }).accessToken,
        police: await logIn(base, 'organizer@police.demo'),
      };
      const titles = async (tenant: keyof typeof tokens) => {
        const res = await fetch(`${base}/campaigns`, { headers: { authorization: `Bearer ${tokens[tenant]}` } });
        return {
          status: res.status,
          titles: ((await res.json()) as { items?: { title: string }[] }).items?.map((c) => c.title),
        };
      };
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => titles(i % 2 ? 'edu' : 'police')));
        const me = await Promise.all(
          Object.values(tokens).map((t) =>
            fetch(`${base}/me`, { headers: { authorization: `Bearer ${t}` } }).then((r) => r.status),
          ),
        );
        expect(me).toEqual([200, 200]);
        for (const [i, a] of answers.entries()) {
          expect(a.status).toBe(200);
          expect(a.titles!.join()).toContain(i % 2 ? '防范通讯网络新型违法犯罪' : '全民反诈');
          expect(a.titles!.join()).not.toContain(i % 2 ? '全民反诈' : '防范通讯网络新型违法犯罪');
        }
      }
      await concurrentWrites(base, tokens.edu);
      const reg = await fetch(`http://127.0.0.1:${port}/api/v1/auth/register-tenant`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          tenantName: '重启测试',
          organization: { name: '重启测试', kind: 'OTHER' },
          admin: { name: 'a', email, password: PASSWORD },
        }),
      });
      expect(reg.status).toBe(201);
      expect(await first.stop()).toBe(0);

      const second = run(env);
      await healthy(port);
      expect(second.output()).not.toContain('loaded the demo data');
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/**
 * A school's reporter logs 20 events and replaces its leading group 6 times, all at once, on the embedded
 * database: pglite-socket runs one message at a time from whichever connection sent it, so two
 * connections' queries used to interleave (one's Parse replacing the other's statement before its Bind:
 * 500s, "unnamed prepared statement does not exist"). Every answer is a success and each event is there once.
 */
async function concurrentWrites(base: string, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const me = (await (await fetch(`${base}/me`, { headers })).json()) as { memberships: { organizationId: string }[] };
  const unit = me.memberships[0]!.organizationId;
  const list = (await (await fetch(`${base}/campaigns`, { headers })).json()) as {
    items: { id: string; startsOn: string }[];
  };
  const campaign = list.items[0]!;
  const events = Array.from({ length: 20 }, (_, i) =>
    fetch(`${base}/campaigns/${campaign.id}/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        organizationId: unit,
        type: 'OTHER',
        title: `并发登记 ${i}`,
        occurredOn: campaign.startsOn,
        metrics: { audience: i + 1 },
      }),
    }).then((r) => r.status),
  );
  const groups = Array.from({ length: 6 }, (_, i) =>
    fetch(`${base}/campaigns/${campaign.id}/organizations/${unit}/leading-group`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ members: [{ name: `组长${i}`, role: 'LEADER' }] }),
    }).then((r) => r.status),
  );
  expect(await Promise.all(events)).toEqual(Array(20).fill(201));
  expect(await Promise.all(groups)).toEqual(Array(6).fill(200));
  const logged = (await (
    await fetch(`${base}/campaigns/${campaign.id}/events?organizationId=${unit}&pageSize=200`, { headers })
  ).json()) as { items: { title: string }[] };
  const titles = logged.items.map((e) => e.title).filter((t) => t.startsWith('并发登记'));
  expect(titles.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `并发登记 ${i}`).sort());
}
