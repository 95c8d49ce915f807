// CI check (`npm run migrations:check`, run by `npm test`): the migrations in prisma/migrations produce
// exactly prisma/schema.prisma. Nothing outside the repository is needed (scripts/lib/schema-diff.mjs).
// Exit 0 when they agree, 2 when they differ (the missing SQL is printed), 1 when the check cannot run.
import { missingSql } from './lib/schema-diff.mjs';

let code = 1;
try {
  const sql = await missingSql();
  if (sql === null) {
    console.log('migrations:check — prisma/migrations and prisma/schema.prisma agree');
    code = 0;
  } else {
    console.error('migrations:check — the schema differs from the migrations. Missing SQL:\n');
    console.error(sql);
    console.error('Write it as a migration: npm run migrations:new -- <what_it_does> (README "Changing the schema").');
    code = 2;
  }
} catch (error) {
  console.error('migrations:check failed:', error);
}
process.exit(code);
