// `npm test`: builds, makes a fresh e2e database (TEST_DATABASE_URL's server, default the local
// PostgreSQL; the embedded PGlite when no server answers), migrates it with the product's own
// migrator, runs the unit and e2e Jest projects, and drops the database.
// `all` (the default) then runs the web app's unit tests (vitest) and its browser tests (playwright-core
// driving Debian's chromium), and prints one closing line adding everything up.
// Usage: node scripts/test.mjs [unit|e2e|all] [jest args…]
import { execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';

mkdirSync('tmp', { recursive: true });

const [mode = 'all', ...jestArgs] = process.argv.slice(2).filter((a) => a !== '--');
const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

run('npm run --silent build');
if (mode === 'all') run('node scripts/check-migrations.mjs');
const { migrate } = await import('../dist/apps/api/src/core/database/migrator.js');
const { migrationsDir } = await import('../dist/apps/api/src/core/database/paths.js');
const { ensureAppRole } = await import('../dist/apps/api/src/core/database/row-level-security.js');

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() };
let cleanup = async () => {};

async function answers(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
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

if (mode !== 'unit') {
  if (await answers(adminUrl)) {
    const name = `cm_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE "${name}"`);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    await migrate(url, migrationsDir());
    await ensureAppRole(url);
    Object.assign(env, {
      E2E_DATABASE_URL: url,
      E2E_ADMIN_URL: adminUrl,
      E2E_DATABASE_NAME: name,
      E2E_DATABASE_KIND: 'postgresql',
    });
    console.log(`e2e: PostgreSQL database ${name} on ${u.host}, migrated by the product's migrator`);
    cleanup = () =>
      process.env.KEEP_TEST_DB === '1' ? Promise.resolve() : admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const { startEmbeddedPostgres } = await import('../dist/apps/api/src/core/database/embedded-postgres.js');
    const embedded = await startEmbeddedPostgres({ dataDir: null, port: 5498 });
    await migrate(embedded.url, migrationsDir());
    await ensureAppRole(embedded.url);
    Object.assign(env, { E2E_DATABASE_URL: embedded.url, E2E_DATABASE_KIND: 'embedded', E2E_ADMIN_URL: '' });
    console.log(`e2e: no PostgreSQL answered at ${new URL(adminUrl).host}: running on the embedded database (PGlite)`);
    cleanup = () => embedded.stop();
  }
}

const projects = mode === 'all' ? ['unit', 'e2e'] : [mode];
const resultsFile = 'tmp/jest-results.json';
const args = ['node_modules/jest/bin/jest.js', '--selectProjects', ...projects, '--runInBand', '--json', `--outputFile=${resultsFile}`, ...jestArgs];
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
});
await cleanup().catch((e) => console.error('cleanup failed:', e.message));
const totals = { passed: 0, failed: 0, skipped: 0 };
try {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  Object.assign(totals, { passed: r.numPassedTests, failed: r.numFailedTests, skipped });
  console.log(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch {
  console.log('\njest: no results written');
  totals.failed += 1;
}
let exitCode = code;
if (mode === 'all' && !jestArgs.length) {
  exitCode = Math.max(exitCode, await webUnitTests(totals));
  exitCode = Math.max(exitCode, await browserTests(totals));
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
}
process.exit(exitCode);

async function webUnitTests(t) {
  const out = 'tmp/vitest-results.json';
  const c = await runChild(['node_modules/vitest/vitest.mjs', 'run', '--root', 'apps/web', '--reporter=default', '--reporter=json', `--outputFile=${resolve(out)}`]);
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    t.passed += r.numPassedTests;
    t.failed += r.numFailedTests;
    console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  } catch {
    t.failed += 1;
  }
  return c;
}

async function browserTests(t) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    if (process.env.CI) {
      console.error(`browser tests: ${chromium} is missing (.ci/run installs Debian's chromium)`);
      t.failed += 1;
      return 1;
    }
    console.log(`browser tests: not run, ${chromium} is missing (apt-get install chromium)`);
    return 0;
  }
  let output = '';
  const c = await runChild(['apps/web-e2e/run.mjs'], (chunk) => (output += chunk));
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(output)?.[1] ?? 0);
  t.passed += count('pass');
  t.failed += count('fail') + (c !== 0 && count('fail') === 0 ? 1 : 0);
  t.skipped += count('skipped');
  console.log(`browser tests: ${count('pass')} passed, ${count('fail')} failed`);
  return c;
}

function runChild(args, onStdout) {
  return new Promise((resolveExit) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', onStdout ? 'pipe' : 'inherit', 'inherit'], env: process.env });
    child.stdout?.on('data', (d) => {
      process.stdout.write(d);
      onStdout(String(d));
    });
    child.on('exit', (c, signal) => resolveExit(c ?? (signal ? 1 : 0)));
  });
}
