// `npm test`: builds, makes a fresh e2e database (TEST_DATABASE_URL's server, default the local
// PostgreSQL; the embedded PGlite when no server answers), migrates it with the product's own
// migrator, runs the unit and e2e Jest projects, and drops the database.
// Usage: node scripts/test.mjs [unit|e2e|all] [jest args…]
import { execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
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
try {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch {
  console.log('\njest: no results written');
}
process.exit(code);
