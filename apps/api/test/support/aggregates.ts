// Events written directly by a test join the maintained aggregates as the product's write paths would
// (decision 040): one upsert of the event's cell and its values.
import { eventsDeltaSql } from '../../src/modules/events/event-aggregates.sql.js';
import { sql } from './app.js';

export async function addToAggregates(tenantId: string, eventIds: string[]): Promise<void> {
  const q = eventsDeltaSql(tenantId, eventIds, 1);
  // Prisma.sql numbers its placeholders $1…, as pg wants
  await sql(q.text, q.values as unknown[]);
}
