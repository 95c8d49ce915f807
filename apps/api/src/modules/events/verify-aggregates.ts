// The maintained aggregates recomputed from the raw rows (decision 040): every differing cell.
import pg from 'pg';
import { verifyAggregatesSql } from './event-aggregates.sql.js';

export interface AggregateDifference {
  kind: 'count' | 'metric';
  campaign_id: string;
  organization_id: string;
  occurred_on: string;
  type: string;
  metric_definition_id: string | null;
  /** What the aggregate holds (null: no row, or a row at zero). */
  stored: string | null;
  /** What the raw rows give (null: none). */
  raw: string | null;
}

/** Connects as given (the owner, for every tenant) and reads the differences in one repeatable-read snapshot. */
export async function findAggregateDifferences(databaseUrl: string): Promise<AggregateDifference[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SELECT set_config('app.rls_bypass', 'on', true)`);
    const q = verifyAggregatesSql();
    const { rows } = await client.query<AggregateDifference>(q.text, q.values as unknown[]);
    await client.query('COMMIT');
    return rows;
  } finally {
    await client.end();
  }
}
