import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface ResolvedDatabase {
  url: string;
  kind: 'postgresql' | 'embedded';
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PGlite, its data kept under EMBEDDED_DB_DIR. */
export async function resolveDatabase(config: AppConfig, logger: Logger): Promise<ResolvedDatabase> {
  if (config.databaseUrl) {
    const u = new URL(config.databaseUrl);
    logger.info(
      { database: 'postgresql', host: u.hostname, port: u.port || '5432', name: u.pathname.slice(1) },
      'using PostgreSQL from DATABASE_URL',
    );
    return { url: config.databaseUrl, kind: 'postgresql', stop: async () => {} };
  }
  const started = Date.now();
  const embedded = await startEmbeddedPostgres({ dataDir: config.embeddedDb.dataDir, port: config.embeddedDb.port });
  logger.info(
    { database: 'embedded', dataDir: embedded.dataDir, port: config.embeddedDb.port, ms: Date.now() - started },
    'using the embedded PostgreSQL (PGlite); set DATABASE_URL to use your own server',
  );
  return { url: embedded.url, kind: 'embedded', stop: () => embedded.stop() };
}
