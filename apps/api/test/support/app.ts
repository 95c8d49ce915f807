// Starts the real AppModule over real HTTP on the e2e database, the way main.ts does.
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { type AppConfig, loadConfig } from '../../src/core/config/config.js';
import { createHttpApp } from '../../src/core/http/configure-app.js';
import { serveWebApp } from '../../src/core/http/serve-web-app.js';
import { createRootLogger } from '../../src/core/logging/logger.js';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  url: string;
  config: AppConfig;
  close(): Promise<void>;
}

export function testDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set (global setup)');
  return url;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'false',
    STORAGE_DIR: `tmp/e2e-storage-${process.pid}`,
    // Every spec signs tenants up from 127.0.0.1; the sign-up throttle has its own spec (security).
    SIGNUP_MAX_PER_ADDRESS: '1000000',
    // the job workers (deliveries, reminder ticks) only where a spec asks for them (notifications specs)
    WORKERS: 'false',
    ...(process.env.E2E_DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.E2E_DB_POOL_SIZE } : {}),
    ...env,
  });
  const logger = createRootLogger(config.logLevel);
  const app = await createHttpApp(AppModule.forRoot(config), config, logger);
  // with WEB_DIR set, the built web app is served too, as main.ts does
  if (config.webDir) serveWebApp(app, config, logger);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return { app, http: request(app.getHttpServer()), url, config, close: () => app.close() };
}

/** Empties every table but the migration history, so each spec file starts from nothing. */
export async function truncateAll(url = testDatabaseUrl()): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length)
      await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}
