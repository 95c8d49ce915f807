// CI check: the migrations in prisma/migrations produce exactly prisma/schema.prisma.
// Uses the Prisma CLI with the offline schema engine from ../shared/tools/prisma-schema-engine
// (Prisma's own engine cannot be downloaded here; see docs/decisions/001-own-migrator.md).
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/**
 * The tool beside this checkout (../shared), or, in a clone made elsewhere (e.g. `git clone . /tmp/x`),
 * beside the local checkout it was cloned from; PRISMA_SCHEMA_ENGINE_TOOL overrides both.
 */
function findTool() {
  if (process.env.PRISMA_SCHEMA_ENGINE_TOOL) return resolve(process.env.PRISMA_SCHEMA_ENGINE_TOOL);
  const beside = (root) => resolve(root, '../shared/tools/prisma-schema-engine');
  const candidates = [beside('.')];
  try {
    const origin = execSync('git remote get-url origin', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (isAbsolute(origin) && existsSync(origin)) candidates.push(beside(origin.replace(/\/\.git\/?$/, '')));
  } catch {}
  return candidates.find((c) => existsSync(`${c}/install.sh`)) ?? candidates[0];
}

const tool = findTool();
let engine = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
if (!engine || !existsSync(engine) || engine === process.execPath) {
  if (!existsSync(`${tool}/install.sh`)) {
    // Developers outside this workplace have Prisma's own engine; CI must run the check.
    console.error(`migrations:check needs the offline schema engine at ${tool} (set PRISMA_SCHEMA_ENGINE_TOOL)`);
    process.exit(process.env.CI ? 1 : 0);
  }
  const line = execSync(`bash ${tool}/install.sh`, { encoding: 'utf8' }).trim().split('\n').pop();
  engine = line.replace(/^export PRISMA_SCHEMA_ENGINE_BINARY=/, '');
}
const env = {
  ...process.env,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  PRISMA_SCHEMA_ENGINE_BINARY: engine,
  DATABASE_URL: process.env.MIGRATIONS_CHECK_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
};
try {
  execFileSync(
    process.execPath,
    ['node_modules/prisma/build/index.js', 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code', '--script'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  console.log('migrations:check — prisma/migrations and prisma/schema.prisma agree');
} catch (error) {
  if (error.status === 2) {
    console.error('migrations:check — the schema differs from the migrations. Missing SQL:\n');
    console.error(error.stdout?.toString());
    console.error('Create a migration: npx prisma migrate dev --create-only --name <what_it_does> (README "Changing the schema")');
  } else {
    console.error('migrations:check failed to run:', error.stderr?.toString() || error.message);
  }
  process.exit(1);
}
