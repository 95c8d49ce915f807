// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded database).
import { loadConfig } from '../core/config/config.js';
import { MigrationError, migrate } from '../core/database/migrator.js';
import { migrationsDir } from '../core/database/paths.js';
import { resolveDatabase } from '../core/database/resolve-database.js';
import { ensureAppRole } from '../core/database/row-level-security.js';
import { createRootLogger } from '../core/logging/logger.js';

const config = loadConfig();
const logger = createRootLogger(config.logLevel);
const db = await resolveDatabase(config, logger);
try {
  const result = await migrate(db.url, migrationsDir(), (msg, meta) => logger.info(meta ?? {}, msg));
  logger.info({ applied: result.applied, alreadyApplied: result.alreadyApplied }, 'migrations done');
  logger.info({ rowLevelSecurityRole: await ensureAppRole(db.url) }, 'application role ready');
} catch (error) {
  logger.fatal({ migration: error instanceof MigrationError ? error.migration : undefined }, (error as Error).message);
  process.exitCode = 1;
} finally {
  await db.stop();
}
