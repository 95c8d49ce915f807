// `npm run worker`: the job workers alone (deliveries, reminder checks, digests), for deployments that run
// them apart from the API processes. Same configuration as the API; DATABASE_URL is required (the embedded
// database belongs to the one `npm start` process, which runs the workers itself). Stops gracefully on
// SIGTERM/SIGINT: running jobs finish (up to 10 s), then the pool closes.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig } from './core/config/config.js';
import { migrate } from './core/database/migrator.js';
import { migrationsDir } from './core/database/paths.js';
import { ensureAppRole } from './core/database/row-level-security.js';
import { createRootLogger, PinoNestLogger } from './core/logging/logger.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ ...process.env, WORKERS: 'true' });
    if (!config.databaseUrl) throw new ConfigError(['DATABASE_URL is required for `npm run worker`']);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createRootLogger(config.logLevel);
  await migrate(config.databaseUrl, migrationsDir(), (msg, meta) => logger.info(meta ?? {}, msg));
  const rowLevelSecurity = config.rowLevelSecurity && (await ensureAppRole(config.databaseUrl));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, rowLevelSecurity }), {
    logger: new PinoNestLogger(logger),
  });
  await app.init();
  logger.info('Campaign Month workers are running (deliveries, reminder checks, digests)');
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'workers shutting down');
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    await app.close().catch((err) => logger.error({ err }, 'error during shutdown'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void main();
