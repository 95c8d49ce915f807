import 'reflect-metadata';
import { startServer } from './bootstrap.js';
import { ConfigError, loadConfig } from './core/config/config.js';
import { MigrationError } from './core/database/migrator.js';
import { createRootLogger } from './core/logging/logger.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createRootLogger(config.logLevel);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, logger);
  } catch (error) {
    if (error instanceof MigrationError) logger.fatal({ migration: error.migration }, error.message);
    else logger.fatal({ err: error }, 'start-up failed');
    process.exit(1);
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    // the drain's grace is 8 s (bootstrap.ts); closing the pool and the embedded database follow it
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    await server.close().catch((err) => logger.error({ err }, 'error during shutdown'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void main();
