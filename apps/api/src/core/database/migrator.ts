// Applies prisma/migrations/*/migration.sql in order, recording each in Prisma's own _prisma_migrations
// table, under a PostgreSQL advisory lock (the same key Prisma Migrate uses), refusing edited files.
// Why the product migrates itself instead of calling the Prisma CLI: docs/decisions/001-own-migrator.md.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/** Prisma Migrate's advisory lock key, so our migrator and `prisma migrate deploy` exclude each other. */
export const MIGRATION_LOCK_KEY = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string | null,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

type Log = (msg: string, meta?: Record<string, unknown>) => void;

export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`Migrations folder not found: ${dir}`, null);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  logs: string | null;
}

export async function migrate(
  connectionString: string,
  migrationsDir: string,
  log: Log = () => {},
): Promise<MigrationResult> {
  const files = readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await applyPending(client, files, log);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyPending(client: pg.Client, files: MigrationFile[], log: Log): Promise<MigrationResult> {
  await client.query(CREATE_TABLE);
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, logs FROM "_prisma_migrations"
      WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const byName = new Map(files.map((f) => [f.name, f]));
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} started earlier and did not finish (${row.logs ?? 'no log'}); ` +
          'resolve it with `prisma migrate resolve` before starting again',
        row.migration_name,
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `Migration ${row.migration_name} is applied in the database but missing from ${'prisma/migrations'}`,
        row.migration_name,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… ` +
          `in the database, ${file.checksum.slice(0, 12)}… on disk); add a new migration instead of editing it`,
        row.migration_name,
      );
    }
    applied.add(row.migration_name);
  }

  const result: MigrationResult = { applied: [], alreadyApplied: applied.size };
  for (const file of files) {
    if (applied.has(file.name)) continue;
    const id = randomUUID();
    const started = Date.now();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, file.checksum, file.name],
    );
    try {
      await client.query('BEGIN');
      await client.query(file.sql);
      await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
        id,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      const reason = describePgError(error, file.sql);
      await client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now(), logs = $2 WHERE id = $1`, [
        id,
        reason,
      ]);
      throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${reason}`, file.name);
    }
    log(`applied migration ${file.name}`, { migration: file.name, ms: Date.now() - started });
    result.applied.push(file.name);
  }
  return result;
}

function describePgError(error: unknown, sql: string): string {
  const e = error as { message?: string; position?: string; code?: string };
  let where = '';
  if (e.position) {
    const line = sql.slice(0, Number(e.position)).split('\n').length;
    where = ` (line ${line})`;
  }
  return `${e.message ?? String(error)}${e.code ? ` [${e.code}]` : ''}${where}`;
}
