// GET /campaigns/:id/stats as ONE SQL statement over the maintained aggregates (decision 040):
// campaign_unit_day_type (events per campaign × unit × day × type) and campaign_unit_day_type_metric (their
// metric sums), joined to the organizations of the caller's scope by path; never the raw events.
// The benchmark runs statsQuery(...) directly, and rawStatsQuery(...) — the same answer from the raw events, as
// the product computed it before — as its baseline. What follows describes the raw form; the aggregate form has
// the same shape with cells in place of events.
//
// counts: the campaign's events whose unit is inside the caller's scope, one pass with
//         GROUPING SETS (type) (day) (unit) () → events by type, by day, by unit, in total.
// top_units: the `unitLimit` units with the most events (byUnit lists only those).
// scoped_events → type_sums: the scoped events' (id, type) joined once to their metric values (a hash join
//         for a large scope, primary-key lookups for a small one), GROUPING SETS (type, metric) (metric)
//         → sums by type and totals. (Values of this campaign's events reference its own metrics; ids the
//         campaign does not define are ignored when the rows are assembled.)
// unit_sums: metric sums of the top units only, through the indexes (event by unit, value by event id),
//         so the big join does not have to carry the unit column.
import { Prisma } from '../../generated/prisma/client.js';

export interface StatsQueryParams {
  tenantId: string;
  campaignId: string;
  scopePatterns: string[];
  subtreePattern: string | null;
  unitLimit: number;
}

/**
 * section 'count': g = GROUPING(type, occurred_on, organization_id): 3 by type, 5 by day, 6 by unit, 7 total.
 * section 'sum':   g = 3 metric total, 1 by type, 2 by unit (top units only).
 * section 'units': n = units with at least one event.
 */
export interface StatsRow {
  section: 'count' | 'sum' | 'units';
  g: number;
  type: string | null;
  day: Date | null;
  organization_id: string | null;
  unit_name: string | null;
  metric_id: string | null;
  n: number | null;
  total: string | null;
}

export function statsQuery(p: StatsQueryParams): Prisma.Sql {
  const t = p.tenantId;
  const c = p.campaignId;
  const scope = Prisma.join(
    p.scopePatterns.map((pattern) => Prisma.sql`o.path LIKE ${pattern}`),
    ' OR ',
  );
  const inScope = (alias: Prisma.Sql) =>
    Prisma.sql`o.tenant_id = ${alias}.tenant_id AND o.id = ${alias}.organization_id AND (${scope})${
      p.subtreePattern ? Prisma.sql` AND o.path LIKE ${p.subtreePattern}` : Prisma.empty
    }`;
  return Prisma.sql`
WITH counts AS (
  SELECT GROUPING(a.type, a.occurred_on, a.organization_id)::int AS g, a.type::text AS type, a.occurred_on, a.organization_id,
         sum(a.event_count)::int AS n
    FROM campaign_unit_day_type a
    JOIN organization o ON ${inScope(Prisma.sql`a`)}
   WHERE a.tenant_id = ${t}::uuid AND a.campaign_id = ${c}::uuid AND a.event_count > 0
   GROUP BY GROUPING SETS ((a.type), (a.occurred_on), (a.organization_id), ())
), top_units AS (
  SELECT organization_id, n FROM counts WHERE g = 6 ORDER BY n DESC, organization_id LIMIT ${p.unitLimit}
), type_sums AS (
  SELECT CASE GROUPING(s.type) WHEN 0 THEN 1 ELSE 3 END AS g, s.type::text AS type, s.metric_definition_id, sum(s.total)::text AS total
    FROM campaign_unit_day_type_metric s
    JOIN organization o ON ${inScope(Prisma.sql`s`)}
   WHERE s.tenant_id = ${t}::uuid AND s.campaign_id = ${c}::uuid AND s.value_count > 0
   GROUP BY GROUPING SETS ((s.type, s.metric_definition_id), (s.metric_definition_id))
), unit_sums AS (
  SELECT s.organization_id, s.metric_definition_id, sum(s.total)::text AS total
    FROM top_units u
    JOIN campaign_unit_day_type_metric s ON s.tenant_id = ${t}::uuid AND s.campaign_id = ${c}::uuid AND s.organization_id = u.organization_id
   WHERE s.value_count > 0
   GROUP BY s.organization_id, s.metric_definition_id
)
SELECT 'count' AS section, k.g, k.type, k.occurred_on AS day, k.organization_id, o.name AS unit_name, NULL::uuid AS metric_id, k.n, NULL::text AS total
  FROM counts k
  LEFT JOIN organization o ON k.g = 6 AND o.tenant_id = ${t}::uuid AND o.id = k.organization_id
 WHERE k.g <> 6 OR k.organization_id IN (SELECT organization_id FROM top_units)
UNION ALL
SELECT 'sum', s.g, s.type, NULL, NULL, NULL, s.metric_definition_id, NULL, s.total FROM type_sums s
UNION ALL
SELECT 'sum', 2, NULL, NULL, s.organization_id, NULL, s.metric_definition_id, NULL, s.total FROM unit_sums s
UNION ALL
SELECT 'units', 0, NULL, NULL, NULL, NULL, NULL, (SELECT count(*)::int FROM counts WHERE g = 6), NULL`;
}

/**
 * The same answer computed from the raw events: what the product ran before the aggregates (decision 040). Only
 * `npm run bench` runs it, as the baseline of `figures.statsAtScale.rawScanP50Ms`.
 */
export function rawStatsQuery(p: StatsQueryParams): Prisma.Sql {
  const t = p.tenantId;
  const c = p.campaignId;
  const scope = Prisma.join(
    p.scopePatterns.map((pattern) => Prisma.sql`o.path LIKE ${pattern}`),
    ' OR ',
  );
  const inScope = Prisma.sql`o.tenant_id = e.tenant_id AND o.id = e.organization_id AND (${scope})${
    p.subtreePattern ? Prisma.sql` AND o.path LIKE ${p.subtreePattern}` : Prisma.empty
  }`;
  return Prisma.sql`
WITH counts AS (
  SELECT GROUPING(e.type, e.occurred_on, e.organization_id)::int AS g, e.type::text AS type, e.occurred_on, e.organization_id, count(*)::int AS n
    FROM publicity_event e
    JOIN organization o ON ${inScope}
   WHERE e.tenant_id = ${t}::uuid AND e.campaign_id = ${c}::uuid
   GROUP BY GROUPING SETS ((e.type), (e.occurred_on), (e.organization_id), ())
), top_units AS (
  SELECT organization_id, n FROM counts WHERE g = 6 ORDER BY n DESC, organization_id LIMIT ${p.unitLimit}
), scoped_events AS (
  SELECT e.id, e.type
    FROM publicity_event e
    JOIN organization o ON ${inScope}
   WHERE e.tenant_id = ${t}::uuid AND e.campaign_id = ${c}::uuid
), type_sums AS (
  SELECT CASE GROUPING(se.type) WHEN 0 THEN 1 ELSE 3 END AS g, se.type::text AS type, v.metric_definition_id, sum(v.value)::text AS total
    FROM scoped_events se
    JOIN event_metric_value v ON v.tenant_id = ${t}::uuid AND v.event_id = se.id
   GROUP BY GROUPING SETS ((se.type, v.metric_definition_id), (v.metric_definition_id))
), unit_sums AS (
  SELECT e.organization_id, v.metric_definition_id, sum(v.value)::text AS total
    FROM top_units u
    JOIN publicity_event e ON e.tenant_id = ${t}::uuid AND e.campaign_id = ${c}::uuid AND e.organization_id = u.organization_id
    JOIN event_metric_value v ON v.tenant_id = e.tenant_id AND v.event_id = e.id
   GROUP BY e.organization_id, v.metric_definition_id
)
SELECT 'count' AS section, k.g, k.type, k.occurred_on AS day, k.organization_id, o.name AS unit_name, NULL::uuid AS metric_id, k.n, NULL::text AS total
  FROM counts k
  LEFT JOIN organization o ON k.g = 6 AND o.tenant_id = ${t}::uuid AND o.id = k.organization_id
 WHERE k.g <> 6 OR k.organization_id IN (SELECT organization_id FROM top_units)
UNION ALL
SELECT 'sum', s.g, s.type, NULL, NULL, NULL, s.metric_definition_id, NULL, s.total FROM type_sums s
UNION ALL
SELECT 'sum', 2, NULL, NULL, s.organization_id, NULL, s.metric_definition_id, NULL, s.total FROM unit_sums s
UNION ALL
SELECT 'units', 0, NULL, NULL, NULL, NULL, NULL, (SELECT count(*)::int FROM counts WHERE g = 6), NULL`;
}

/**
 * For `npm run bench`: the query an ORGANIZER at the tenant's root runs (default unitLimit 50), as { text, values };
 * with `raw`, the aggregation over the raw events the product ran before decision 040.
 */
export function benchQuery(b: { tenantId: string; campaignId: string; rootId: string; raw?: boolean }): {
  text: string;
  values: unknown[];
} {
  const q = (b.raw ? rawStatsQuery : statsQuery)({
    tenantId: b.tenantId,
    campaignId: b.campaignId,
    scopePatterns: [`/${b.rootId}/%`],
    subtreePattern: null,
    unitLimit: 50,
  });
  return { text: q.text, values: q.values };
}
