// Generates the Prisma client into apps/api/src/generated/prisma (git-ignored) without any download:
// `prisma generate` needs no engine, but the CLI looks for one first, so point it at any executable
// unless the offline schema engine is installed (docs/decisions/002-generated-client.md).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const schema = 'prisma/schema.prisma';
const out = 'apps/api/src/generated/prisma';
const stamp = `${out}/.schema-hash`;
const hash = createHash('sha256').update(readFileSync(schema)).digest('hex');
if (
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8') === hash &&
  statSync(`${out}/client.ts`, { throwIfNoEntry: false })
) {
  process.exit(0);
}
execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  },
});
writeFileSync(stamp, hash);
