import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { loadConfig } from '../src/core/config/config.js';
import { migrate, readMigrations } from '../src/core/database/migrator.js';
import { migrationsDir } from '../src/core/database/paths.js';
import { createDatabase, dropDatabase, readState } from './setup/test-database.js';
import { startTestApp, type TestApp } from './support/app.js';

const state = readState();

async function tables(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname='public' ORDER BY 1`,
    );
    return rows.map((r) => r.t);
  } finally {
    await c.end();
  }
}

async function appliedRows(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (
      await c.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL`,
      )
    ).rows;
  } finally {
    await c.end();
  }
}

const scratch = state.kind === 'postgresql' ? describe : describe.skip;

scratch('the migrator (on scratch databases)', () => {
  const made: string[] = [];
  const fresh = async () => {
    const db = await createDatabase(state.adminUrl!, 'cm_mig');
    made.push(db.name);
    return db.url;
  };
  afterAll(async () => {
    for (const name of made) await dropDatabase(state.adminUrl!, name);
  }, 30_000); // one DROP DATABASE per scratch database: seconds each when the machine is busy

  it('creates the whole schema from empty and records each migration like Prisma does', async () => {
    const url = await fresh();
    const result = await migrate(url, migrationsDir());
    expect(result.applied).toEqual(readMigrations(migrationsDir()).map((m) => m.name));
    const names = await tables(url);
    for (const t of [
      'tenant',
      'organization',
      'app_user',
      'membership',
      'campaign',
      'participant',
      'metric_definition',
      'leading_group',
      'leading_group_member',
      'task',
      'publicity_event',
      'event_metric_value',
      'event_photo',
      'summary_report',
      'audit_entry',
      'refresh_token',
      'idempotency_record',
    ]) {
      expect(names).toContain(t);
    }
    const rows = await appliedRows(url);
    expect(rows.every((r) => r.finished_at !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it('re-running is a no-op', async () => {
    const url = await fresh();
    await migrate(url, migrationsDir());
    const again = await migrate(url, migrationsDir());
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations(migrationsDir()).length);
    expect(await appliedRows(url)).toHaveLength(readMigrations(migrationsDir()).length);
  });

  it('applies each migration once when two migrators start together (advisory lock)', async () => {
    const url = await fresh();
    const [a, b] = await Promise.all([migrate(url, migrationsDir()), migrate(url, migrationsDir())]);
    expect(a.applied.length + b.applied.length).toBe(readMigrations(migrationsDir()).length);
    expect([a.applied.length, b.applied.length]).toContain(0);
    expect(await appliedRows(url)).toHaveLength(readMigrations(migrationsDir()).length);
  });

  it('refuses to start when an applied migration file was edited, naming it', async () => {
    const url = await fresh();
    await migrate(url, migrationsDir());
    const dir = mkdtempSync(join(tmpdir(), 'cm-mig-'));
    cpSync(migrationsDir(), dir, { recursive: true });
    const first = readMigrations(dir)[0]!;
    writeFileSync(join(dir, first.name, 'migration.sql'), `${first.sql}\n-- edited\n`);
    await expect(migrate(url, dir)).rejects.toThrow(
      new RegExp(`Migration ${first.name} was edited after it was applied`),
    );
  });

  it('says which migration failed and why, and leaves nothing half-applied', async () => {
    const url = await fresh();
    const dir = mkdtempSync(join(tmpdir(), 'cm-mig-'));
    cpSync(migrationsDir(), dir, { recursive: true });
    const bad = '29991231000000_broken';
    cpSync(join(dir, readMigrations(dir)[0]!.name), join(dir, bad), { recursive: true });
    writeFileSync(join(dir, bad, 'migration.sql'), 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n');
    await expect(migrate(url, dir)).rejects.toThrow(
      /Migration 29991231000000_broken failed and was rolled back: .*no_such_table.*line 2/,
    );
    expect(await tables(url)).not.toContain('half_done');
    // the good ones before it were applied and stay applied
    expect((await appliedRows(url)).map((r) => r.migration_name)).toEqual(
      readMigrations(migrationsDir()).map((m) => m.name),
    );
  });
});

describe('the HTTP frame', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health checks the database', async () => {
    const res = await t.http.get('/api/v1/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No route for GET /api/v1/no-such-thing',
    });
  });

  it('answers malformed JSON with a 400 in the error shape', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Malformed JSON in request body' });
  });

  it('answers a body that is not JSON with 415 and one over 1 MB with 413, in the error shape', async () => {
    const text = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'text/plain')
      .send('email=a@b.c')
      .expect(415);
    expect(text.body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'Send the request body as JSON (Content-Type: application/json)',
    });
    const big = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1024 * 1024) }))
      .expect(413);
    expect(big.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Request body is larger than 1 MB',
    });
    // an empty JSON body is no body: the fields are named, not a parse error
    const empty = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('').expect(400);
    expect(empty.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['login', 'password']),
    );
  });

  it('answers a JSON body that is not an object with a 400 that says so', async () => {
    const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('[1]').expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request body must be a JSON object',
    });
  });

  it('answers unknown fields with field-level details', async () => {
    const res = await t.http
      .post('/api/v1/auth/register-tenant')
      .send({
        tenantName: 'x',
        organization: { name: 'x', kind: 'NOPE' },
        admin: { name: 'a', email: 'not-an-email', password: 'short' },
        extra: 1,
      })
      .expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['organization.kind', 'admin.email', 'admin.password', 'extra']));
  });

  it('echoes a well-formed X-Request-Id and sets security headers', async () => {
    const res = await t.http.get('/api/v1/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/auth/login']));
  });
});

describe('the web app beside the API (WEB_DIR)', () => {
  let t: TestApp;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>集中宣传月</title>');
    cpSync(join(dir, 'index.html'), join(dir, 'robots.txt'));
    const assets = join(dir, 'assets');
    cpSync(join(dir, 'index.html'), join(assets, 'app.js'));
    const script = `console.log(${JSON.stringify('集中宣传月'.repeat(200))});`;
    writeFileSync(join(assets, 'big.js'), script);
    writeFileSync(join(assets, 'big.js.br'), brotliCompressSync(script));
    writeFileSync(join(assets, 'big.js.gz'), gzipSync(script));
    t = await startTestApp({ WEB_DIR: dir });
  });
  afterAll(() => t.close());

  it("answers the app's page for its routes and its files, and JSON 404s for the API's paths and missing assets", async () => {
    const page = await t.http.get('/campaigns/123').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('集中宣传月');
    await t.http.get('/assets/app.js').expect(200);
    for (const path of ['/api', '/API/v1/health', '/api/v1/nope', '/assets/missing.js']) {
      const res = await t.http.get(path);
      expect({ path, status: res.status, json: res.headers['content-type'] }).toEqual({
        path,
        status: 404,
        json: expect.stringMatching(/^application\/json/),
      });
    }
    await t.http.get('/api/v1/health').expect(200);
  });

  it('sends a script compressed to a browser that accepts it, brotli first, and plain to one that does not', async () => {
    // node:http, not supertest: superagent would decompress the body before the test sees it
    const get = (encoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        httpGet(`${t.url}/assets/big.js`, { headers: { 'Accept-Encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const plainSize = readFileSync(join(t.config.webDir!, 'assets', 'big.js')).length;
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toContain('集中宣传月');
    expect(br.body.length).toBeLessThan(plainSize / 5);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toContain('集中宣传月');
    const plain = await get('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBe(plainSize);
  });
});

describe('configuration', () => {
  it('refuses a bad variable, naming it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://x/y', PORT: '-1' })).toThrow(/PORT must be an integer/);
  });
});
