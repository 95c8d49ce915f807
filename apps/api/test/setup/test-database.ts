// Helpers for tests that need scratch databases; the suite's own database is made by scripts/test.mjs.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabaseState {
  url: string;
  adminUrl: string | null;
  name: string;
  kind: 'postgresql' | 'embedded';
}

export function defaultServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createDatabase(adminUrl: string, prefix = 'cm_test'): Promise<{ url: string; name: string }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return { url: withDatabase(adminUrl, name), name };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Set by scripts/test.mjs, which creates, migrates and drops the e2e database around the jest run. */
export function readState(): TestDatabaseState {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the e2e tests with `npm test` or `npm run test:e2e`');
  return {
    url,
    adminUrl: process.env.E2E_ADMIN_URL || null,
    name: process.env.E2E_DATABASE_NAME ?? 'embedded',
    kind: process.env.E2E_DATABASE_KIND === 'embedded' ? 'embedded' : 'postgresql',
  };
}
