// GET /campaigns/:id/progress as ONE SQL statement. The benchmark runs progressQuery(...) directly.
//
// Shape: the campaign's report deadline (cp); participants in the caller's scope (units) → per unit, a lateral count of its tasks and its latest
// UNIT summary (scored, with the traffic light of campaign-rules.ts#trafficLight) → one row of totals →
// the requested page → events (the maintained aggregates of decision 040) and leading group only for the page's units. Every lateral is an index
// lookup: task(tenant_id, campaign_id, organization_id), summary_report(tenant_id, campaign_id,
// organization_id, scope, version), campaign_unit_day_type(tenant_id, campaign_id, organization_id, …) (primary key),
// leading_group(tenant_id, campaign_id, organization_id). Nothing is loaded into application loops.
import { Prisma } from '../../generated/prisma/client.js';
import { DEFAULT_TIME_ZONE, todayIn } from '../../core/time/calendar.js';
import { type LightWindow, lightWindow } from './campaign-rules.js';

export interface ProgressQueryParams {
  tenantId: string;
  campaignId: string;
  /** today and today + DUE_SOON_DAYS in the tenant's time zone (campaign-rules.ts#lightWindow). */
  window: LightWindow;
  /** LIKE patterns of the caller's scope ('/root/a/%'); at least one. */
  scopePatterns: string[];
  /** Optional narrower subtree ('/root/a/b/%'). */
  subtreePattern: string | null;
  /** Optional ILIKE pattern on the unit name (already escaped, with %). */
  namePattern: string | null;
  light: 'GREEN' | 'YELLOW' | 'RED' | null;
  sort: 'tree' | 'light';
  take: number;
  skip: number;
  /** Only `npm run bench`: count from the raw events, as before decision 040 (the baseline). */
  rawEvents?: boolean;
}

export interface ProgressRow {
  matched: number;
  green: number;
  yellow: number;
  red: number;
  id: string | null;
  name: string;
  kind: string;
  parent_id: string | null;
  depth: number;
  tasks_total: number;
  tasks_done: number;
  tasks_overdue: number;
  tasks_due_soon: number;
  summary_status: string | null;
  light: 'GREEN' | 'YELLOW' | 'RED';
  event_count: number;
  last_event_on: Date | null;
  group_set: boolean;
  leader_name: string | null;
}

export function progressQuery(p: ProgressQueryParams): Prisma.Sql {
  const t = p.tenantId;
  const c = p.campaignId;
  const scope = Prisma.join(
    p.scopePatterns.map((pattern) => Prisma.sql`o.path LIKE ${pattern}`),
    ' OR ',
  );
  const order =
    p.sort === 'light'
      ? Prisma.sql`CASE pg.light WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END, pg.depth, pg.name, pg.id`
      : Prisma.sql`pg.depth, pg.name, pg.id`;
  return Prisma.sql`
WITH cp AS (
  SELECT c.report_due_on FROM campaign c WHERE c.tenant_id = ${t}::uuid AND c.id = ${c}::uuid
), units AS (
  SELECT o.id, o.name, o.kind::text AS kind, o.parent_id, o.depth
    FROM participant p
    JOIN organization o ON o.tenant_id = p.tenant_id AND o.id = p.organization_id
   WHERE p.tenant_id = ${t}::uuid
     AND p.campaign_id = ${c}::uuid
     AND (${scope})
     ${p.subtreePattern ? Prisma.sql`AND o.path LIKE ${p.subtreePattern}` : Prisma.empty}
     ${p.namePattern ? Prisma.sql`AND o.name ILIKE ${p.namePattern}` : Prisma.empty}
), scored AS (
  SELECT u.*, tc.tasks_total, tc.tasks_done, tc.tasks_overdue, tc.tasks_due_soon, rs.status AS summary_status,
         CASE
           WHEN tc.tasks_overdue > 0 OR (NOT coalesce(rs.handed_in, false) AND cp.report_due_on < ${p.window.today}::date) THEN 'RED'
           WHEN tc.tasks_due_soon > 0 OR (NOT coalesce(rs.handed_in, false) AND cp.report_due_on <= ${p.window.soonUntil}::date) THEN 'YELLOW'
           ELSE 'GREEN'
         END AS light
    FROM units u
    CROSS JOIN cp
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE t.status <> 'CANCELLED')::int AS tasks_total,
             count(*) FILTER (WHERE t.status = 'DONE')::int AS tasks_done,
             count(*) FILTER (WHERE t.status IN ('TODO', 'IN_PROGRESS') AND t.due_on < ${p.window.today}::date)::int AS tasks_overdue,
             count(*) FILTER (WHERE t.status IN ('TODO', 'IN_PROGRESS')
                                AND t.due_on BETWEEN ${p.window.today}::date AND ${p.window.soonUntil}::date)::int AS tasks_due_soon
        FROM task t
       WHERE t.tenant_id = ${t}::uuid AND t.campaign_id = ${c}::uuid AND t.organization_id = u.id
    ) tc
    LEFT JOIN LATERAL (
      SELECT r.status::text AS status, r.status IN ('SUBMITTED', 'APPROVED') AS handed_in
        FROM summary_report r
       WHERE r.tenant_id = ${t}::uuid AND r.campaign_id = ${c}::uuid AND r.organization_id = u.id AND r.scope = 'UNIT'
       ORDER BY r.version DESC
       LIMIT 1
    ) rs ON true
), totals AS (
  SELECT count(*) FILTER (WHERE ${p.light}::text IS NULL OR light = ${p.light}::text)::int AS matched,
         count(*) FILTER (WHERE light = 'GREEN')::int AS green,
         count(*) FILTER (WHERE light = 'YELLOW')::int AS yellow,
         count(*) FILTER (WHERE light = 'RED')::int AS red
    FROM scored
), page AS (
  SELECT pg.*
    FROM scored pg
   WHERE ${p.light}::text IS NULL OR pg.light = ${p.light}::text
   ORDER BY ${order}
   LIMIT ${p.take} OFFSET ${p.skip}
)
SELECT totals.matched, totals.green, totals.yellow, totals.red,
       pg.id, pg.name, pg.kind, pg.parent_id, pg.depth,
       pg.tasks_total, pg.tasks_done, pg.tasks_overdue, pg.tasks_due_soon, pg.summary_status, pg.light,
       coalesce(ev.event_count, 0) AS event_count, ev.last_event_on,
       (lg.id IS NOT NULL) AS group_set, lg.leader_name
  FROM totals
  LEFT JOIN page pg ON true
  LEFT JOIN LATERAL (
    ${
      p.rawEvents
        ? Prisma.sql`SELECT count(*)::int AS event_count, max(e.occurred_on) AS last_event_on
      FROM publicity_event e
     WHERE e.tenant_id = ${t}::uuid AND e.campaign_id = ${c}::uuid AND e.organization_id = pg.id`
        : Prisma.sql`SELECT sum(a.event_count)::int AS event_count, max(a.occurred_on) AS last_event_on
      FROM campaign_unit_day_type a
     WHERE a.tenant_id = ${t}::uuid AND a.campaign_id = ${c}::uuid AND a.organization_id = pg.id AND a.event_count > 0`
    }
  ) ev ON pg.id IS NOT NULL
  LEFT JOIN LATERAL (
    SELECT g.id,
           (SELECT m.name FROM leading_group_member m
             WHERE m.tenant_id = g.tenant_id AND m.leading_group_id = g.id AND m.role = 'LEADER'
             ORDER BY m.sort_order LIMIT 1) AS leader_name
      FROM leading_group g
     WHERE g.tenant_id = ${t}::uuid AND g.campaign_id = ${c}::uuid AND g.organization_id = pg.id
  ) lg ON pg.id IS NOT NULL
 ORDER BY ${order}`;
}

/**
 * For `npm run bench`: the query an ORGANIZER at the tenant's root runs for the first page of 200
 * (no filter, tree order, today in Asia/Shanghai), as { text, values } for a plain pg client.
 */
export function benchQuery(b: {
  tenantId: string;
  campaignId: string;
  rootId: string;
  today?: string;
  raw?: boolean;
}): {
  text: string;
  values: unknown[];
} {
  const q = progressQuery({
    tenantId: b.tenantId,
    campaignId: b.campaignId,
    window: lightWindow(b.today ?? todayIn(DEFAULT_TIME_ZONE)),
    scopePatterns: [`/${b.rootId}/%`],
    subtreePattern: null,
    namePattern: null,
    light: null,
    sort: 'tree',
    take: 200,
    skip: 0,
    rawEvents: b.raw ?? false,
  });
  return { text: q.text, values: q.values };
}
