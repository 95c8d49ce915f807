// npm run db:seed — migrates, then loads the demo tenants (idempotent: existing demo tenants are kept).
import { PrismaPg } from '@prisma/adapter-pg';
import { seedDemoData } from '../../../../prisma/seed/demo-data.js';
import { loadConfig } from '../core/config/config.js';
import { migrate } from '../core/database/migrator.js';
import { migrationsDir } from '../core/database/paths.js';
import { resolveDatabase } from '../core/database/resolve-database.js';
import { createRootLogger } from '../core/logging/logger.js';
import { PrismaClient } from '../generated/prisma/client.js';

const config = loadConfig();
const logger = createRootLogger(config.logLevel);
const db = await resolveDatabase(config, logger);
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 2 }) });
try {
  await migrate(db.url, migrationsDir());
  const summary = await seedDemoData(prisma);
  logger.info(summary, 'demo data loaded');
} catch (error) {
  logger.fatal({ err: error }, 'seeding failed');
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await db.stop();
}
