// Starts the product: database (embedded or DATABASE_URL), migrations, demo data, HTTP server.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './core/config/config.js';
import { migrate } from './core/database/migrator.js';
import { migrationsDir } from './core/database/paths.js';
import { APP_ROLE, ensureAppRole } from './core/database/row-level-security.js';
import { type ResolvedDatabase, resolveDatabase } from './core/database/resolve-database.js';
import { createHttpApp } from './core/http/configure-app.js';
import { drainHttpServer } from './core/http/drain.js';
import { serveWebApp } from './core/http/serve-web-app.js';
import { loadDemoDataIfEmpty } from './core/database/demo-data.js';

export interface RunningServer {
  app: NestFastifyApplication;
  url: string;
  database: ResolvedDatabase;
  close(): Promise<void>;
}

export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const database = await resolveDatabase(config, logger);
  try {
    const result = await migrate(database.url, migrationsDir(), (msg, meta) => logger.info(meta ?? {}, msg));
    logger.info(
      { applied: result.applied.length, alreadyApplied: result.alreadyApplied },
      'database schema is up to date',
    );
    // The embedded database is one PostgreSQL session that pglite-socket shares between all connections:
    // session settings (the role and tenant row-level security sets per connection) and named prepared
    // statements would leak from one connection to the next (decision 028). The explicit tenant filter
    // of every query remains.
    const sharedSession = database.kind === 'embedded';
    let rowLevelSecurity = config.rowLevelSecurity && !sharedSession;
    if (config.rowLevelSecurity && sharedSession)
      logger.info('row-level security off on the embedded database (one session shared by all connections)');
    if (rowLevelSecurity) {
      rowLevelSecurity = await ensureAppRole(database.url);
      if (rowLevelSecurity) logger.info({ role: APP_ROLE }, 'row-level security on: each request sees only its tenant');
      else
        logger.warn({ role: APP_ROLE }, 'row-level security off: the database user cannot assume the application role');
    }
    const resolved: AppConfig = {
      ...config,
      databaseUrl: database.url,
      rowLevelSecurity,
      preparedStatements: config.preparedStatements && !sharedSession,
      // pglite-socket runs each connection's protocol messages in turn, one message at a time: two
      // connections' queries interleave (one's Parse replaces the other's unnamed statement before its
      // Bind). One connection sends each query whole and waits for its answer (decision 028).
      dbPoolSize: sharedSession ? 1 : config.dbPoolSize,
    };
    if (config.seedDemo) await loadDemoDataIfEmpty(database.url, logger);

    const app = await createHttpApp(AppModule.forRoot(resolved), resolved, logger);
    serveWebApp(app, resolved, logger);
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    logger.info({ url, docs: `${url}/api/docs`, database: database.kind }, `Campaign Month is serving on ${url}`);
    return {
      app,
      url,
      database,
      async close() {
        await drainHttpServer(app.getHttpServer(), 8_000);
        await app.close();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop().catch(() => {});
    throw error;
  }
}
