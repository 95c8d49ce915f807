// npm run bench [-- --quick | --scale]: builds a large tenant (5,000 units in four levels, one month, 500,000
// events; --quick: a tenth; --scale: 50,000 units in five levels and 5,000,000 events, measuring only event
// create and stats/progress unless --only says otherwise), then measures each figure against its baseline in
// the same run and writes bench/results.json (--quick: results-quick.json, --scale: results-scale.json). Runs against the PostgreSQL at BENCH_DATABASE_URL's server (default:
// TEST_DATABASE_URL or the local one) in a database it creates and drops.
import { execSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startBareServer } from '../bench/lib/bare-event-server.mjs';
import { buildDataset } from '../bench/lib/dataset.mjs';
import { addAdmin, buildImportFiles, sendImport } from '../bench/lib/imports.mjs';
import { load, openLoop, percentile, timed } from '../bench/lib/load.mjs';

const scale = process.argv.includes('--scale');
const quick = !scale && (process.argv.includes('--quick') || process.env.BENCH_QUICK === '1');
// --only=eventCreate,progress,reports,digest,imports,coldStart runs a subset
const only = (process.argv.find((a) => a.startsWith('--only=')) ?? '').slice(7).split(',').filter(Boolean);
if (scale && only.length === 0) only.push('eventCreate', 'progress');
const wants = (name) => only.length === 0 || only.includes(name);
const size = scale
  ? { units: 50_000, events: 5_000_000, levels: 5 }
  : quick
    ? { units: 500, events: 50_000, levels: 4 }
    : { units: 5_000, events: 500_000, levels: 4 };
const loadSeconds = quick ? 5 : 10;
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const results = { mode: scale ? 'scale' : quick ? 'quick' : 'full', startedAt: new Date().toISOString(), machine: machine(), figures: {} };
const rows = [];
const say = (msg) => console.log(`bench: ${msg}`);

execSync('npm run --silent build', { stdio: 'inherit' });
const { migrate } = await import('../dist/apps/api/src/core/database/migrator.js');
const { migrationsDir } = await import('../dist/apps/api/src/core/database/paths.js');
const { hashPassword } = await import('../dist/apps/api/src/core/auth/password.js');
const { ensureAppRole } = await import('../dist/apps/api/src/core/database/row-level-security.js');

const dbName = `cm_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = withDb(adminUrl, dbName);
await admin(`CREATE DATABASE "${dbName}"`);
let api;
try {
  await migrate(dbUrl, migrationsDir());
  await ensureAppRole(dbUrl);
  const PASSWORD = 'bench-password-123';
  say(`building ${size.units} units and ${size.events} events…`);
  const data = await buildDataset(dbUrl, { ...size, say, passwordHash: await hashPassword(PASSWORD) });
  record('dataset', 'build the tenant (set-based SQL)', { ms: data.ms, units: data.units, levels: size.levels, events: data.events, aggregateRows: data.aggregateRows });
  // The build wrote about a gigabyte of WAL: flush it now (when allowed), so that the checkpoint it would
  // otherwise trigger does not land in the middle of the measurements, on one side and not the other.
  await admin('CHECKPOINT').catch((e) => say(`no CHECKPOINT before measuring (${e.message})`));

  api = await startApi(dbUrl);
  const token = async (role) =>
    (await post(`${api.url}/api/v1/auth/login`, { email: data.users[role].email, password: PASSWORD })).body.accessToken;
  const reporter = await token('REPORTER');
  const organizer = await token('ORGANIZER');

  if (wants('eventCreate')) await benchEventCreate(data, reporter);
  if (wants('progress')) await benchProgressStats(data, organizer);
  if (wants('reports')) await benchReports(data, reporter, organizer);
  if (wants('digest')) await benchDigest(data, reporter);
  // last: the imports add units and users to the tenant the other figures read
  if (wants('imports')) await benchImports(data, PASSWORD);
} finally {
  await api?.stop();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
}
if (wants('coldStart')) await benchColdStart();

mkdirSync('bench', { recursive: true });
const resultsFile = scale ? 'bench/results-scale.json' : quick ? 'bench/results-quick.json' : 'bench/results.json';
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log('\n| figure | product | baseline | ratio | notes |\n| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nbench: results written to ${resultsFile}`);

// ---------------------------------------------------------------------------------------------------

async function benchEventCreate(data, reporter) {
  const unit = data.leafIds[0];
  const body = JSON.stringify({
    organizationId: unit,
    type: 'LEAFLET',
    title: '集日发放宣传单',
    occurredOn: '2026-11-06',
    location: '集贸市场',
    description: '利用赶集日设立咨询台,发放宣传单。',
    metrics: { audience: 120, leaflets: 300 },
  });
  const path = `/api/v1/campaigns/${data.campaignId}/events`;
  const probe = await fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${reporter}` }, body });
  if (probe.status !== 201) {
    record('eventCreate', 'event create, 50 connections', { skipped: `POST ${path} answered ${probe.status}` });
    return;
  }
  const bare = await startBareServer({ url: dbUrl, tenantId: data.tenantId, campaignId: data.campaignId, organizationId: unit, authorId: data.users.REPORTER.id, metricIds: data.metricIds });
  try {
    // Every measured run starts with a 3 s warm-up of the same server on the same 50 connections, not
    // counted (a process that has been idle runs its first seconds slower: its pool reconnects, V8's young
    // generation has shrunk; and opening 50 connections at once is not the steady state: load.mjs), so no
    // run is favoured by having followed another one.
    const auth = { authorization: `Bearer ${reporter}` };
    const measure = (url, headers = {}, setupRequest) =>
      load({ url, body, headers, connections: 50, warmup: 3, duration: loadSeconds, setupRequest });
    // The baseline is measured before and after the product's runs and averaged, so that drift in the
    // machine's speed over the minutes of runs favours neither side.
    let baseline = await measure(`${bare.url}/`);
    let product = await measure(`${api.url}${path}`, auth);
    // The same product without row-level security, to state what RLS costs (BENCH_RLS_CONTROL=1: with it
    // too, to show the measurement's own noise). The two are measured in the order with, without, without,
    // with, so that a steady drift (the table growing, the machine's speed) favours neither.
    const plain = await startApi(dbUrl, { DB_ROW_LEVEL_SECURITY: process.env.BENCH_RLS_CONTROL ? 'true' : 'false' });
    let noRls;
    try {
      const plain1 = await measure(`${plain.url}${path}`, auth);
      const plain2 = await measure(`${plain.url}${path}`, auth);
      const rls2 = await measure(`${api.url}${path}`, auth);
      noRls = mean(plain1, plain2);
      product = mean(product, rls2);
      baseline = mean(baseline, await measure(`${bare.url}/`));
    } finally {
      await plain.stop();
    }
    const rlsCost = 1 - product.requestsPerSec / noRls.requestsPerSec;
    record('rowLevelSecurity', 'event create with vs without row-level security (req/s)', { withRls: product, withoutRls: noRls, throughputCost: round(rlsCost, 3) }, [
      `${product.requestsPerSec} req/s with RLS`,
      `${noRls.requestsPerSec} req/s without`,
      round(product.requestsPerSec / noRls.requestsPerSec, 2),
      `cost ${round(rlsCost * 100, 1)} % (target < 15 %)`,
    ]);
    // What the phones send: every create carries its own Idempotency-Key (claimed by the writing statement).
    // Against a bare server doing the same keyed write (the claim of the key, then the event), before and after.
    const withKey = (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } });
    const keyedBare1 = await measure(`${bare.url}/`, {}, withKey);
    const keyed = await measure(`${api.url}${path}`, auth, withKey);
    const keyedBare = mean(keyedBare1, await measure(`${bare.url}/`, {}, withKey));
    const keyedRatio = keyed.requestsPerSec / keyedBare.requestsPerSec;
    record('eventCreateKeyed', 'event create with an Idempotency-Key each, 50 connections (vs a bare keyed write)', { product: keyed, baseline: keyedBare, throughputRatio: round(keyedRatio, 2), ratioToUnkeyedBare: round(keyed.requestsPerSec / baseline.requestsPerSec, 2) }, [
      `${keyed.requestsPerSec} req/s, p50 ${keyed.p50} / p99 ${keyed.p99} ms`,
      `${keyedBare.requestsPerSec} req/s, p50 ${keyedBare.p50} / p99 ${keyedBare.p99} ms`,
      round(keyedRatio, 2),
      `failed: ${keyed.failed}`,
    ]);
    // The runs above send every create for one unit, day and type: one aggregate cell, whose row every create
    // locks until it commits (the worst case). A month spreads its creates over thousands of units: the same
    // body naming one of 1,000 units in turn, for the product and the bare server alike.
    const units = data.leafIds.slice(0, 1000);
    let turn = 0;
    const spreadBody = (req) => ({ ...req, body: JSON.stringify({ ...JSON.parse(body), organizationId: units[turn++ % units.length] }) });
    const spreadBare1 = await measure(`${bare.url}/`, {}, spreadBody);
    const spread = await measure(`${api.url}${path}`, auth, spreadBody);
    const spreadBare = mean(spreadBare1, await measure(`${bare.url}/`, {}, spreadBody));
    record('eventCreateSpread', 'event create over 1,000 units, 50 connections (req/s; p50/p99 ms)', { product: spread, baseline: spreadBare, throughputRatio: round(spread.requestsPerSec / spreadBare.requestsPerSec, 2) }, [
      `${spread.requestsPerSec} req/s, p50 ${spread.p50} / p99 ${spread.p99} ms`,
      `${spreadBare.requestsPerSec} req/s, p50 ${spreadBare.p50} / p99 ${spreadBare.p99} ms`,
      round(spread.requestsPerSec / spreadBare.requestsPerSec, 2),
      `failed: ${spread.failed}`,
    ]);
    const ratio = product.requestsPerSec / baseline.requestsPerSec;
    record('eventCreate', 'event create, 50 connections (req/s; p50/p99 ms)', { product, baseline, throughputRatio: round(ratio, 2) }, [
      `${product.requestsPerSec} req/s, p50 ${product.p50} / p99 ${product.p99} ms`,
      `${baseline.requestsPerSec} req/s, p50 ${baseline.p50} / p99 ${baseline.p99} ms`,
      round(ratio, 2),
      `target ≥ 0.5 and p99 < 100 ms; failed: ${product.failed}`,
    ]);
    // The runs above keep 50 requests in flight, so their latency is 50 ÷ throughput (Little's law): a
    // saturation figure. What a unit's phone sees at a busy hour is the latency at a load below saturation:
    // creates arriving at random at a fixed rate, for the product and the baseline alike.
    const rate = 200;
    const open = await openLoop({ url: `${api.url}${path}`, body, headers: auth, rate, duration: loadSeconds });
    const openBare = await openLoop({ url: `${bare.url}/`, body, rate, duration: loadSeconds });
    record('eventCreateOpenLoop', `event create at ${rate} req/s offered (random arrivals; p50/p99 ms)`, { product: open, baseline: openBare }, [
      `p50 ${open.p50} / p99 ${open.p99} ms (${open.requestsPerSec} req/s)`,
      `p50 ${openBare.p50} / p99 ${openBare.p99} ms (${openBare.requestsPerSec} req/s)`,
      '',
      `failed: ${open.failed}`,
    ]);
  } finally {
    await bare.close();
  }
}

/**
 * The daily digest (issue 18): 10,000 reporters (two per unit of the full tenant; --quick: a tenth) each with
 * something due, a local SMTP server as the sink, one API process with the job workers on. Measured: the time
 * from the workers' start until every digest is queued, and until every one is delivered; and event create
 * on that process while the workers run, against the bare server measured just before.
 */
async function benchDigest(data, reporter) {
  const { startSmtpSink } = await import('./lib/smtp-sink.mjs');
  const users = quick ? 1_000 : 10_000;
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    // two REPORTERs per participating unit (round robin over the leaves), all with an e-mail address
    await db.query(
      `WITH u AS (
         INSERT INTO app_user (tenant_id, email, name)
         SELECT $1, 'digest-' || n || '@bench.example', '填报员' || n FROM generate_series(1, $2::int) n
         RETURNING id, (substring(email from 'digest-(\\d+)@'))::int AS n)
       INSERT INTO membership (tenant_id, user_id, organization_id, role)
       SELECT $1, u.id, ($3::uuid[])[1 + (u.n % array_length($3::uuid[], 1))], 'REPORTER' FROM u`,
      [data.tenantId, users, data.leafIds],
    );
    // and something due for every unit: a report task two days overdue
    await db.query(
      `INSERT INTO task (tenant_id, campaign_id, organization_id, title, due_on, status)
       SELECT $1, $2, u, '报送宣传月进展', CURRENT_DATE - 2, 'TODO' FROM unnest($3::uuid[]) u`,
      [data.tenantId, data.campaignId, data.leafIds],
    );
    await db.query(
      `INSERT INTO reminder_rule (tenant_id, campaign_id, due_soon_days, overdue, escalate_after_days, no_group_by_day, no_event_days, summary_due_soon_days, digest_hour)
       VALUES ($1, $2, 3, true, 3, 3, 5, 3, 0)`,
      [data.tenantId, data.campaignId],
    );
  } finally {
    await db.end();
  }
  const sink = await startSmtpSink();
  const body = JSON.stringify({ organizationId: data.leafIds[0], type: 'LEAFLET', title: '集日发放宣传单', occurredOn: '2026-11-06', metrics: { audience: 120 } });
  const path = `/api/v1/campaigns/${data.campaignId}/events`;
  const measure = (url, headers = {}) => load({ url, body, headers, connections: 50, warmup: 3, duration: loadSeconds });
  const bare = await startBareServer({ url: dbUrl, tenantId: data.tenantId, campaignId: data.campaignId, organizationId: data.leafIds[0], authorId: data.users.REPORTER.id, metricIds: data.metricIds });
  let worker;
  try {
    const baseline = await measure(`${bare.url}/`);
    const started = Date.now();
    worker = await startApi(dbUrl, { WORKERS: 'true', SMTP_URL: sink.url, NOTIFY_TICK_SECONDS: '5', JOBS_POLL_SECONDS: '1' });
    const auth = { authorization: `Bearer ${reporter}` };
    // event create on the process whose workers are sending the digests
    const during = measure(`${worker.url}${path}`, auth);
    const probe = new pg.Client({ connectionString: dbUrl });
    await probe.connect();
    let queuedMs = null;
    let deliveredMs = null;
    let queued = 0;
    const limit = Date.now() + 300_000;
    while (Date.now() < limit) {
      if (queuedMs === null) {
        queued = (await probe.query(`SELECT count(*)::int AS n FROM notification_delivery WHERE dedupe_key LIKE 'digest:%' AND enqueued_at IS NOT NULL`)).rows[0].n;
        if (queued >= users) queuedMs = Date.now() - started;
      }
      if (sink.count() >= users) {
        deliveredMs = Date.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await probe.end();
    const product = await during;
    const ratio = product.requestsPerSec / baseline.requestsPerSec;
    record('digest', `daily digest to ${users} users of ${data.units} units: queued, delivered to a local SMTP sink (ms)`, { users, queuedMs, deliveredMs, mails: sink.count() }, [
      `queued ${queuedMs} ms, delivered ${deliveredMs} ms (${sink.count()} mails)`,
      '',
      '',
      'target: delivered < 60,000 ms',
    ]);
    record('eventCreateWithWorkers', 'event create while the workers send the digest (req/s; p50/p99 ms)', { product, baseline, throughputRatio: round(ratio, 2) }, [
      `${product.requestsPerSec} req/s, p50 ${product.p50} / p99 ${product.p99} ms`,
      `${baseline.requestsPerSec} req/s, p50 ${baseline.p50} / p99 ${baseline.p99} ms`,
      round(ratio, 2),
      `target ≥ 0.5; failed: ${product.failed}`,
    ]);
  } finally {
    await worker?.stop();
    await bare.close();
    await sink.close();
  }
}

async function benchProgressStats(data, organizer) {
  const n = quick ? 10 : 20;
  for (const [name, path] of [
    ['progress', `/api/v1/campaigns/${data.campaignId}/progress?pageSize=200`],
    ['stats', `/api/v1/campaigns/${data.campaignId}/stats`],
    ['tree', `/api/v1/organizations/${data.rootId}/tree`],
  ]) {
    const first = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${organizer}` } });
    if (first.status !== 200) {
      record(name, `${name} at the root`, { skipped: `GET answered ${first.status}` });
      continue;
    }
    const product = [];
    for (let i = 0; i < n; i++) {
      const { ms } = await timed(() => fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${organizer}` } }).then((r) => r.arrayBuffer()));
      product.push(ms);
    }
    const direct = await directSql(name, data, n);
    const p50 = percentile(product, 50);
    const d50 = direct ? percentile(direct, 50) : null;
    record(name, `${name} for the root of ${data.units} units (p50 ms)`, { productMs: product, directMs: direct, p50, directP50: d50 }, [
      `${round(p50, 1)} ms`,
      d50 === null ? 'n/a' : `${round(d50, 1)} ms (same SQL via pg)`,
      d50 === null ? 'n/a' : round(p50 / d50, 2),
      `${data.events} events`,
    ]);
    // The baseline of decision 040: the same answer aggregated from the raw events, as the product did before.
    const raw = name === 'tree' ? null : await directSql(name, data, scale ? 5 : n, { raw: true });
    if (raw) {
      const r50 = percentile(raw, 50);
      record(`${name}AtScale`, `${name} for the root: the product (API, on the aggregates) vs the raw-event aggregation it ran before (p50 ms)`, { productP50Ms: round(p50, 1), rawScanP50Ms: round(r50, 1), directP50Ms: d50 === null ? null : round(d50, 1), ratio: round(p50 / r50, 3), rawScanMs: raw, units: data.units, events: data.events, aggregateRows: data.aggregateRows }, [
        `${round(p50, 1)} ms`,
        `${round(r50, 1)} ms (raw scan via pg)`,
        round(p50 / r50, 3),
        name === 'stats' ? 'targets < 100 ms and ≤ 0.1' : `${data.events} events`,
      ]);
    }
  }
}

/** The same aggregation SQL the product runs, executed directly on a pg connection. */
async function directSql(name, data, n, extra = {}) {
  let mod;
  try {
    mod = await import(`../dist/apps/api/src/modules/campaigns/campaign-${name}.sql.js`);
  } catch {
    return null;
  }
  const build = mod.benchQuery;
  if (typeof build !== 'function') return null;
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { text, values } = build({ tenantId: data.tenantId, campaignId: data.campaignId, rootId: data.rootId, ...extra });
    const times = [];
    for (let i = 0; i < n; i++) times.push((await timed(() => client.query(text, values))).ms);
    return times;
  } finally {
    await client.end();
  }
}

async function benchReports(data, reporter, organizer) {
  // Not leafIds[0]: the event-create load has just logged tens of thousands of events for that unit; a unit
  // of the dataset has about a hundred, like a real month's.
  const unit = data.leafIds[1];
  const base = `${api.url}/api/v1/campaigns/${data.campaignId}/organizations`;
  const gen = await timed(() => post(`${base}/${unit}/summary`, { scope: 'UNIT' }, reporter));
  if (gen.value.status !== 201) {
    record('unitDocx', 'a unit’s .docx', { skipped: `generate answered ${gen.value.status}` });
    return;
  }
  const hwmBefore = api.peakRssMb();
  const docx = await timed(() => fetch(`${base}/${unit}/summary.docx`, { headers: { authorization: `Bearer ${reporter}` } }).then((r) => r.arrayBuffer()));
  const cached = await timed(() => fetch(`${base}/${unit}/summary.docx`, { headers: { authorization: `Bearer ${reporter}` } }).then((r) => r.arrayBuffer()));
  record('unitDocx', 'a unit’s summary: generate, first .docx, cached .docx (ms)', { generateMs: gen.ms, docxMs: docx.ms, cachedMs: cached.ms, bytes: docx.value.byteLength }, [
    `${round(docx.ms)} ms`,
    `${round(cached.ms)} ms (cached)`,
    '',
    `generate ${round(gen.ms)} ms; target < 1 s`,
  ]);

  // The roll-up of the whole tree through the API (facts by SQL, writer, Word), and the writer alone on 2,000 units.
  const rollGen = await timed(() => post(`${base}/${data.rootId}/summary`, { scope: 'ROLLUP' }, organizer));
  const rollDocx = await timed(() =>
    fetch(`${base}/${data.rootId}/summary.docx?scope=ROLLUP`, { headers: { authorization: `Bearer ${organizer}` } }).then((r) => r.arrayBuffer()),
  );
  record('rollupApi', `roll-up of ${data.leafIds.length} units via the API (ms; API peak RSS MB)`, { generateMs: rollGen.ms, docxMs: rollDocx.ms, status: rollGen.value.status, apiPeakRssMbBefore: hwmBefore, apiPeakRssMb: api.peakRssMb() }, [
    `generate ${round(rollGen.ms)} ms + .docx ${round(rollDocx.ms)} ms`,
    '',
    '',
    `API process peak RSS ${api.peakRssMb()} MB`,
  ]);
  const writer = JSON.parse(
    execSync(`node --input-type=module -e "const m = await import('./dist/libs/report-writer/src/bench/render-bench.js'); console.log(JSON.stringify(await m.benchRender(2000)))"`, {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop(),
  );
  record('rollupWriter', '2,000-unit roll-up .docx, writer alone in a fresh process (ms; peak RSS MB)', writer, [
    `${round(writer.rollupDocxMs)} ms, ${round(writer.peakRssMb)} MB`,
    '',
    '',
    `unit .docx ${round(writer.unitDocxMs)} ms; targets < 10 s and < 500 MB`,
  ]);
}

async function benchImports(data, password) {
  const scale = quick ? { units: 500, users: 1_000 } : { units: 5_000, users: 10_000 };
  const email = await addAdmin(dbUrl, { tenantId: data.tenantId, rootId: data.rootId, passwordHash: await hashPassword(password) });
  const admin = (await post(`${api.url}/api/v1/auth/login`, { email, password })).body.accessToken;
  const files = await buildImportFiles(scale);
  const rssBefore = api.peakRssMb();
  const orgDry = await sendImport(api.url, admin, 'organizations', files.organizations, true);
  const orgApply = await sendImport(api.url, admin, 'organizations', files.organizations, false);
  const userDry = await sendImport(api.url, admin, 'users', files.userFile, true);
  const userApply = await sendImport(api.url, admin, 'users', files.userFile, false);
  const peak = api.peakRssMb();
  const ok = orgApply.status === 201 && userApply.status === 201 && orgApply.created === files.units && userApply.created === files.users;
  const total = orgDry.ms + orgApply.ms + userDry.ms + userApply.ms;
  record(
    'imports',
    `import ${files.units.toLocaleString('en')} units and ${files.users.toLocaleString('en')} users, dry run and apply (ms; API peak RSS MB)`,
    { organizations: { dryRun: orgDry, apply: orgApply }, users: { dryRun: userDry, apply: userApply }, totalMs: total, apiPeakRssMbBefore: rssBefore, apiPeakRssMb: peak, ok },
    [
      `units ${orgDry.ms} + ${orgApply.ms} ms, users ${userDry.ms} + ${userApply.ms} ms (dry run + apply); ${peak} MB`,
      '',
      '',
      `targets < 30 s (${round(total / 1000, 1)} s) and < 500 MB; file sizes ${round(files.organizations.length / 1024)} KB / ${round(files.userFile.length / 1024)} KB; ${ok ? 'all created' : `NOT all created: ${JSON.stringify({ orgApply, userApply })}`}`,
    ],
  );
}

async function benchColdStart() {
  const dir = mkdtempSync(join(tmpdir(), 'cm-cold-'));
  const port = await freePort();
  const dbPort = await freePort();
  const env = { ...process.env, PORT: String(port), EMBEDDED_DB_DIR: join(dir, 'pglite'), EMBEDDED_DB_PORT: String(dbPort), STORAGE_DIR: join(dir, 'storage'), SKIP_WEB_BUILD: '1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const measure = async () => {
    const started = Date.now();
    const child = spawn(process.execPath, ['scripts/start.mjs'], { env, stdio: 'ignore' });
    const ms = await waitHealthy(`http://127.0.0.1:${port}/api/v1/health`, started, 120_000);
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    return ms;
  };
  const first = await measure();
  const restart = await measure();
  rmSync(dir, { recursive: true, force: true });
  record('coldStart', '`npm start` on the embedded database until healthy (ms)', { firstStartMs: first, restartMs: restart }, [
    `first ${first} ms (build, PGlite, migrations, demo data)`,
    `restart ${restart} ms`,
    '',
    'target: well under a minute',
  ]);
}

// ---------------------------------------------------------------------------------------------------

function record(key, label, figures, cells) {
  results.figures[key] = { label, ...figures };
  if (figures.skipped) rows.push([label, 'skipped', '', '', figures.skipped]);
  else if (cells) rows.push([label, ...cells]);
  else rows.push([label, JSON.stringify(figures), '', '', '']);
  say(`${label}: ${JSON.stringify(figures).slice(0, 300)}`);
}

async function startApi(url, extraEnv = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    // the job workers only where a figure is about them (benchDigest)
    env: { ...process.env, WORKERS: 'false', ...extraEnv, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', LOGIN_MAX_PER_ADDRESS: '10000', SIGNUP_MAX_PER_ADDRESS: '10000', STORAGE_DIR: mkdtempSync(join(tmpdir(), 'cm-bench-storage-')) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitHealthy(`http://127.0.0.1:${port}/api/v1/health`, Date.now(), 60_000);
  return {
    url: `http://127.0.0.1:${port}`,
    peakRssMb: () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Math.round(Number(m[1]) / 1024) : null;
      } catch {
        return null;
      }
    },
    stop: () => new Promise((r) => { child.on('exit', r); child.kill('SIGTERM'); }),
  };
}

async function waitHealthy(url, started, limitMs) {
  while (Date.now() - started < limitMs) {
    try {
      const r = await fetch(url);
      if (r.status === 200) return Date.now() - started;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not healthy within ${limitMs} ms`);
}

async function post(url, body, token) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json().catch(() => null) };
}

async function admin(sql) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function withDb(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Two load runs averaged (throughput and latency percentiles). */
function mean(a, b) {
  const avg = (k) => Math.round((a[k] + b[k]) / 2);
  return { requestsPerSec: avg('requestsPerSec'), p50: avg('p50'), p99: avg('p99'), total: a.total + b.total, failed: a.failed + b.failed };
}

function round(n, d = 0) {
  return Math.round(n * 10 ** d) / 10 ** d;
}

function machine() {
  const cpus = execSync('nproc', { encoding: 'utf8' }).trim();
  return { node: process.version, cpus: Number(cpus), postgres: 'server at ' + new URL(adminUrl).host };
}
