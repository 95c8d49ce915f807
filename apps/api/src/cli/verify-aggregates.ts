// npm run db:verify-aggregates — recomputes the maintained aggregates (decision 040) from the raw events of
// DATABASE_URL and prints every difference; exit 1 if there is any.
import { findAggregateDifferences } from '../modules/events/verify-aggregates.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('db:verify-aggregates: set DATABASE_URL');
  process.exit(2);
}
const started = Date.now();
const differences = await findAggregateDifferences(url);
for (const d of differences) console.log(JSON.stringify(d));
console.log(
  differences.length
    ? `db:verify-aggregates: ${differences.length}${differences.length >= 1000 ? '+' : ''} difference(s)`
    : `db:verify-aggregates: the aggregates match the raw events (${Date.now() - started} ms)`,
);
process.exit(differences.length ? 1 : 0);
