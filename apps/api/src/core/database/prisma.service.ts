import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { TenantScopedPool } from './row-level-security.js';

/**
 * The one database client of the process. Queries must filter by tenantId (STYLE.md "Access"); with
 * row-level security on (the default), the database also hides other tenants' rows from each request.
 * Prisma batches concurrent findUnique calls across requests, so outside a transaction use findFirst
 * (prisma-usage.spec.ts checks it).
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.databaseUrl) throw new Error('PrismaService needs a resolved database URL');
    // A query waits at most 10 s for a pool connection, then the request is answered 503 (not left hanging).
    const options = { connectionString: config.databaseUrl, max: config.dbPoolSize, connectionTimeoutMillis: 10_000 };
    const pool = config.rowLevelSecurity ? new TenantScopedPool(options) : new pg.Pool(options);
    // A transaction waits up to 5 s for a connection (Prisma's default is 2 s) before the request is answered
    // 503 (decision 028): on the embedded database every transaction takes turns on its one connection.
    super({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 5_000 } });
    this.pool = pool;
    this.direct = directDb(() => this.pool, config.preparedStatements);
  }

  /**
   * The same tagged-template raw queries as $queryRaw/$executeRaw, run straight on the pg pool Prisma
   * uses (same connections, same row-level security scoping) without Prisma's query interpreter: for
   * hot paths that are plain SQL already (actor loading, event create).
   */
  readonly direct: DirectDb;

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    await this.pool.end().catch(() => {});
  }
}

/** Tagged-template raw SQL (like $queryRaw / $executeRaw) on a pg pool or client. */
export interface DirectDb {
  $queryRaw<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

function directDb(target: () => pg.Pool | pg.PoolClient, named: boolean): DirectDb {
  const statement = (strings: TemplateStringsArray, values: unknown[]): pg.QueryConfig => {
    if (named) return preparedStatement(strings, values);
    const q = Prisma.sql(strings, ...values);
    return { text: q.text, values: q.values as unknown[] };
  };
  return {
    async $queryRaw<T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T> {
      return (await target().query(statement(strings, values))).rows as T;
    },
    async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): Promise<number> {
      return (await target().query(statement(strings, values))).rowCount ?? 0;
    },
  };
}

const statementNames = new Map<string, string>();
/** A call site's template (the same TemplateStringsArray object at every call) → its text and name. */
const templates = new WeakMap<TemplateStringsArray, { text: string; name: string }>();

/**
 * Hot-path statements run as named prepared statements: each connection parses and plans one once and
 * reuses the plan, where an unnamed statement is planned at every execution (for the event-create checks
 * planning cost three times the execution, more with row-level security's policies on every table
 * reference: docs/decisions/026-hot-path-costs.md). The name is derived from the SQL
 * text, so one text always has one name; the set of texts is fixed by the code, so each connection keeps
 * a bounded number of them. A template without nested fragments has one text, kept per call site, so the
 * text is not rebuilt and hashed again at every request.
 */
function preparedStatement(strings: TemplateStringsArray, values: unknown[]): pg.QueryConfig {
  if (!values.some((v) => v instanceof Prisma.Sql)) {
    let known = templates.get(strings);
    if (!known) {
      const text = Prisma.sql(strings, ...values).text;
      known = { text, name: statementName(text) };
      templates.set(strings, known);
    }
    return { name: known.name, text: known.text, values };
  }
  const q = Prisma.sql(strings, ...values);
  return { name: statementName(q.text), text: q.text, values: q.values as unknown[] };
}

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `cm_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}
