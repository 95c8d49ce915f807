// The maintained aggregates of events (decision 040): campaign_unit_day_type (events per campaign × unit × day ×
// type) and campaign_unit_day_type_metric (the metric sums of the same cells). Every write of events changes them
// in the same statement (event create) or the same transaction (edit, delete, ledger import), with increments
// only — INSERT … ON CONFLICT DO UPDATE SET n = n + EXCLUDED.n — so concurrent writers never lose an update.
//
// Lock order, so that writers never deadlock on the aggregates: a statement first upserts the count rows of every
// cell it touches (sorted by key, even with a delta of 0), then the metric rows (sorted by key). A metric row is
// only ever locked by a transaction already holding its cell's count row.
//
// Rows at zero are kept (deleting them would race with a concurrent increment); readers skip them
// (event_count > 0, value_count > 0).
import { Prisma } from '../../generated/prisma/client.js';

/** The count rows' conflict target and increment. */
const COUNT_UPSERT = Prisma.sql`
  ON CONFLICT (tenant_id, campaign_id, organization_id, occurred_on, type)
  DO UPDATE SET event_count = campaign_unit_day_type.event_count + EXCLUDED.event_count`;

/** The metric rows' conflict target and increments. */
const METRIC_UPSERT = Prisma.sql`
  ON CONFLICT (tenant_id, campaign_id, organization_id, occurred_on, type, metric_definition_id)
  DO UPDATE SET total = campaign_unit_day_type_metric.total + EXCLUDED.total,
                value_count = campaign_unit_day_type_metric.value_count + EXCLUDED.value_count`;

/**
 * Data-modifying CTEs for the event-create statement: `agg` adds the inserted event (`ev`, returning
 * campaign_id, organization_id, occurred_on, type) to its cell, then `aggm` adds its values (`mv`, returning
 * metric_definition_id and value) — after `agg`, which it reads.
 */
export function createAggregateCtes(tenantId: string): Prisma.Sql {
  return Prisma.sql`agg AS (
        INSERT INTO campaign_unit_day_type (tenant_id, campaign_id, organization_id, occurred_on, type, event_count)
        SELECT ${tenantId}::uuid, ev.campaign_id, ev.organization_id, ev.occurred_on, ev.type, 1 FROM ev
        ${COUNT_UPSERT}
        RETURNING 1
      ), aggm AS (
        INSERT INTO campaign_unit_day_type_metric (tenant_id, campaign_id, organization_id, occurred_on, type, metric_definition_id, total, value_count)
        SELECT ${tenantId}::uuid, ev.campaign_id, ev.organization_id, ev.occurred_on, ev.type, mv.metric_definition_id, mv.value, 1
          FROM ev, mv, (SELECT count(*) FROM agg) AS counted
         ORDER BY mv.metric_definition_id
        ${METRIC_UPSERT}
      )`;
}

/**
 * One statement applying a signed delta to the aggregates.
 *   counts:  rows (campaign_id uuid, organization_id uuid, occurred_on date, type "EventType", n int)
 *   metrics: rows (campaign_id, organization_id, occurred_on, type, metric_definition_id uuid, total numeric, k int)
 * Several rows may name the same cell (they are summed); every cell of `metrics` must also appear in `counts`.
 */
export function aggregateDeltaSql(tenantId: string, counts: Prisma.Sql, metrics: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH c AS (
      INSERT INTO campaign_unit_day_type (tenant_id, campaign_id, organization_id, occurred_on, type, event_count)
      SELECT ${tenantId}::uuid, s.campaign_id, s.organization_id, s.occurred_on, s.type, sum(s.n)::int
        FROM (${counts}) AS s(campaign_id, organization_id, occurred_on, type, n)
       GROUP BY s.campaign_id, s.organization_id, s.occurred_on, s.type
       ORDER BY s.campaign_id, s.organization_id, s.occurred_on, s.type
      ${COUNT_UPSERT}
      RETURNING 1
    )
    INSERT INTO campaign_unit_day_type_metric (tenant_id, campaign_id, organization_id, occurred_on, type, metric_definition_id, total, value_count)
    SELECT ${tenantId}::uuid, s.campaign_id, s.organization_id, s.occurred_on, s.type, s.metric_definition_id, sum(s.total), sum(s.k)::int
      FROM (${metrics}) AS s(campaign_id, organization_id, occurred_on, type, metric_definition_id, total, k),
           (SELECT count(*) FROM c) AS counted
     GROUP BY s.campaign_id, s.organization_id, s.occurred_on, s.type, s.metric_definition_id
     ORDER BY s.campaign_id, s.organization_id, s.occurred_on, s.type, s.metric_definition_id
    ${METRIC_UPSERT}`;
}

/** The delta of the events named by `ids` as they stand now, times `sign` (+1 after inserting, −1 before deleting). */
export function eventsDeltaSql(tenantId: string, ids: string[], sign: 1 | -1): Prisma.Sql {
  const cond = Prisma.sql`e.tenant_id = ${tenantId}::uuid AND e.id = ANY(${ids}::uuid[])`;
  return aggregateDeltaSql(
    tenantId,
    Prisma.sql`SELECT e.campaign_id, e.organization_id, e.occurred_on, e.type, ${sign}::int FROM publicity_event e WHERE ${cond}`,
    Prisma.sql`SELECT e.campaign_id, e.organization_id, e.occurred_on, e.type, v.metric_definition_id, ${sign}::int * v.value, ${sign}::int
                 FROM event_metric_value v JOIN publicity_event e ON v.tenant_id = e.tenant_id AND v.event_id = e.id WHERE ${cond}`,
  );
}

/** An event's cell and values, as read (under its row lock) before an edit. */
export interface EventContribution {
  campaignId: string;
  organizationId: string;
  occurredOn: string;
  type: string;
  values: { metricId: string; value: string }[];
}

/** The statement an edit runs after writing: minus the event as it was (`before`), plus the event as it is now. */
export function editDeltaSql(tenantId: string, id: string, before: EventContribution): Prisma.Sql {
  const cond = Prisma.sql`e.tenant_id = ${tenantId}::uuid AND e.id = ${id}::uuid`;
  const b = before;
  return aggregateDeltaSql(
    tenantId,
    Prisma.sql`SELECT e.campaign_id, e.organization_id, e.occurred_on, e.type, 1 FROM publicity_event e WHERE ${cond}
               UNION ALL
               SELECT ${b.campaignId}::uuid, ${b.organizationId}::uuid, ${b.occurredOn}::date, ${b.type}::"EventType", -1`,
    Prisma.sql`SELECT e.campaign_id, e.organization_id, e.occurred_on, e.type, v.metric_definition_id, v.value, 1
                 FROM event_metric_value v JOIN publicity_event e ON v.tenant_id = e.tenant_id AND v.event_id = e.id WHERE ${cond}
               UNION ALL
               SELECT ${b.campaignId}::uuid, ${b.organizationId}::uuid, ${b.occurredOn}::date, ${b.type}::"EventType", o.metric_id, -o.value, -1
                 FROM unnest(${b.values.map((v) => v.metricId)}::uuid[], ${b.values.map((v) => v.value)}::numeric[]) AS o(metric_id, value)`,
  );
}

/**
 * Lock an event's row and read what it contributes to the aggregates (a separate statement, so that what the
 * edit reads next is read after the lock: the values cannot change under it). Null when the event is gone.
 */
export function lockEventContributionSql(tenantId: string, id: string): Prisma.Sql {
  return Prisma.sql`
    SELECT e.campaign_id::text AS "campaignId", e.organization_id::text AS "organizationId", e.occurred_on::text AS "occurredOn",
           e.type::text AS type
      FROM publicity_event e WHERE e.tenant_id = ${tenantId}::uuid AND e.id = ${id}::uuid
       FOR UPDATE`;
}

export function eventValuesSql(tenantId: string, id: string): Prisma.Sql {
  return Prisma.sql`
    SELECT v.metric_definition_id::text AS "metricId", v.value::text AS value
      FROM event_metric_value v WHERE v.tenant_id = ${tenantId}::uuid AND v.event_id = ${id}::uuid`;
}

/**
 * The aggregates recomputed from the raw rows (for one campaign, or every campaign when null), as two row sets
 * of the same shape as the tables; used by the rebuild below and by `npm run db:verify-aggregates`.
 */
export function rawCountsSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type, count(*)::int AS event_count
      FROM publicity_event e WHERE ${where}
     GROUP BY e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type`;
}

export function rawMetricsSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type, v.metric_definition_id,
           sum(v.value) AS total, count(*)::int AS value_count
      FROM publicity_event e JOIN event_metric_value v ON v.tenant_id = e.tenant_id AND v.event_id = e.id
     WHERE ${where}
     GROUP BY e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type, v.metric_definition_id`;
}

/**
 * Statements that rebuild one campaign's aggregates from its raw events (for data written outside the product's
 * write paths: test fixtures, the demo seed). Run them in one transaction.
 */
export function rebuildCampaignAggregatesSql(tenantId: string, campaignId: string): Prisma.Sql[] {
  const where = Prisma.sql`e.tenant_id = ${tenantId}::uuid AND e.campaign_id = ${campaignId}::uuid`;
  return [
    Prisma.sql`DELETE FROM campaign_unit_day_type_metric WHERE tenant_id = ${tenantId}::uuid AND campaign_id = ${campaignId}::uuid`,
    Prisma.sql`DELETE FROM campaign_unit_day_type WHERE tenant_id = ${tenantId}::uuid AND campaign_id = ${campaignId}::uuid`,
    Prisma.sql`INSERT INTO campaign_unit_day_type (tenant_id, campaign_id, organization_id, occurred_on, type, event_count) ${rawCountsSql(where)}`,
    Prisma.sql`INSERT INTO campaign_unit_day_type_metric (tenant_id, campaign_id, organization_id, occurred_on, type, metric_definition_id, total, value_count) ${rawMetricsSql(where)}`,
  ];
}

/**
 * Differences between the aggregates and the raw rows (zero rows of the aggregates count as absent): one row per
 * differing cell, with what the table holds and what the raw rows give.
 */
export function verifyAggregatesSql(): Prisma.Sql {
  const all = Prisma.sql`true`;
  return Prisma.sql`
    WITH rc AS (${rawCountsSql(all)}),
         ac AS (SELECT tenant_id, campaign_id, organization_id, occurred_on, type, event_count FROM campaign_unit_day_type WHERE event_count <> 0),
         rm AS (${rawMetricsSql(all)}),
         am AS (SELECT tenant_id, campaign_id, organization_id, occurred_on, type, metric_definition_id, total, value_count
                  FROM campaign_unit_day_type_metric WHERE value_count <> 0 OR total <> 0)
    SELECT 'count' AS kind, coalesce(a.campaign_id, r.campaign_id)::text AS campaign_id,
           coalesce(a.organization_id, r.organization_id)::text AS organization_id,
           coalesce(a.occurred_on, r.occurred_on)::text AS occurred_on, coalesce(a.type, r.type)::text AS type,
           NULL::text AS metric_definition_id, a.event_count::text AS stored, r.event_count::text AS raw
      FROM ac a FULL JOIN rc r USING (tenant_id, campaign_id, organization_id, occurred_on, type)
     WHERE a.event_count IS DISTINCT FROM r.event_count
    UNION ALL
    SELECT 'metric', coalesce(a.campaign_id, r.campaign_id)::text, coalesce(a.organization_id, r.organization_id)::text,
           coalesce(a.occurred_on, r.occurred_on)::text, coalesce(a.type, r.type)::text,
           coalesce(a.metric_definition_id, r.metric_definition_id)::text,
           a.total::text || ' (' || a.value_count || ')', r.total::text || ' (' || r.value_count || ')'
      FROM am a FULL JOIN rm r USING (tenant_id, campaign_id, organization_id, occurred_on, type, metric_definition_id)
     WHERE a.total IS DISTINCT FROM r.total OR a.value_count IS DISTINCT FROM r.value_count
     LIMIT 1000`;
}
