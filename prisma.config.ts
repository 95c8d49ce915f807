import { defineConfig } from 'prisma/config';

// The product applies migrations itself (apps/api/src/core/database/migrator.ts); this file is for
// the Prisma CLI when authoring them (README: "Changing the schema").
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/campaign_month_dev' },
});
