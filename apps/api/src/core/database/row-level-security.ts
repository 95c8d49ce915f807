// Row-level security as defence in depth (docs/decisions/006-row-level-security.md): every connection of
// the API runs as the role campaign_month_app with app.tenant_id set to the tenant of the request that
// checked it out, so the policies of migration enable_row_level_security hide other tenants' rows even
// from a query that forgets its tenant filter.
import pg from 'pg';
import { requestContext } from '../context/request-context.js';
import { MIGRATION_LOCK_KEY } from './migrator.js';

export const APP_ROLE = 'campaign_month_app';

/**
 * Creates the role if missing, grants it the tables, and lets the connecting user assume it. Idempotent;
 * runs after the migrations at every start. Returns false when the user cannot assume the role (RLS off).
 */
export async function ensureAppRole(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  // Under the migration lock: two processes starting together would otherwise GRANT on the same
  // catalog rows at once ("tuple concurrently updated") and one would fail to start.
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await client.query(`DO $$ BEGIN EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
      EXCEPTION WHEN others THEN NULL; END $$`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
      GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    const { rows } = await client.query<{ ok: boolean }>(
      `SELECT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') AS ok`,
    );
    return rows[0]?.ok === true;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

const SCOPE = Symbol('campaignMonthScope');
type ScopedClient = pg.PoolClient & { [SCOPE]?: string };

/**
 * A pg pool whose clients, when checked out, carry the role and the tenant of the request that asked for
 * them (read from the request context when connect() is called). The setting is skipped when the client
 * already carries that tenant, so a busy single-tenant pool pays nothing per request.
 * Requests without an actor (log-in, sign-up) and system work get app.rls_bypass = on.
 */
export class TenantScopedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ) {
    const tenantId = requestContext.tenantId();
    const scoped = super.connect().then(async (client: ScopedClient) => {
      const want = tenantId ?? '*';
      if (client[SCOPE] !== want) {
        try {
          await client.query(
            `SELECT set_config('role', '${APP_ROLE}', false), set_config('app.tenant_id', $1, false), set_config('app.rls_bypass', $2, false)`,
            [tenantId ?? '', tenantId ? 'off' : 'on'],
          );
        } catch (error) {
          client.release(error as Error);
          throw error;
        }
        client[SCOPE] = want;
      }
      return client;
    });
    if (!callback) return scoped;
    scoped.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | undefined)),
      (error: Error) => callback(error, undefined, () => {}),
    );
    return undefined;
  }
}
