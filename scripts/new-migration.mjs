// `npm run migrations:new -- add_task_due_on`: writes the SQL that prisma/schema.prisma needs beyond the
// existing migrations as prisma/migrations/<UTC timestamp>_<name>/migration.sql, in Prisma's own format,
// for you to read and complete (policies, CHECK constraints, data moves) before committing it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { missingSql } from './lib/schema-diff.mjs';

const name = process.argv.slice(2).find((a) => a !== '--');
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migrations:new -- <name_in_snake_case>');
  process.exit(1);
}
const sql = await missingSql();
if (sql === null) {
  console.log('Nothing to migrate: prisma/migrations already produce prisma/schema.prisma.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = `prisma/migrations/${stamp}_${name}`;
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/migration.sql`, sql);
console.log(`Wrote ${dir}/migration.sql — read it, then commit it with the schema change.`);
process.exit(0);
