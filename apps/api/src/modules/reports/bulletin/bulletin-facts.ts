// The facts of a 情况通报 as of the end of one day, in one grouped statement (GROUP BY per unit, never a loop
// over events). "As of" (decision 038): a unit counts when it was made a participant by the end of the day;
// an event when it occurred by the day and was logged by its end; a task when it was created by then, done
// when completed by then, overdue when its due day had passed and it was not done by then; a leading group
// when recorded by then; a summary when some version was handed in by then. Rows deleted since are gone,
// values edited since count as they are now, and a cancelled task is left out whatever day it was cancelled
// (none of these keep their history).
import type { BulletinUnitRow } from '@campaign-month/report-writer';
import type { PrismaService } from '../../../core/database/prisma.service.js';

export interface BulletinScope {
  tenantId: string;
  campaignId: string;
  /** LIKE patterns ('/root/…/unit/%') of the caller's subtree(s). */
  scopePatterns: string[];
  /** 'YYYY-MM-DD' in the tenant's time zone. */
  asOf: string;
  timeZone: string;
}

interface Row {
  id: string;
  name: string;
  group_set: boolean;
  event_count: number;
  event_ids: string[] | null;
  metric_totals: Record<string, string> | null;
  tasks_total: number;
  tasks_done: number;
  tasks_overdue: number;
  handed_in: boolean;
}

export async function bulletinUnits(prisma: PrismaService, s: BulletinScope): Promise<BulletinUnitRow[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    WITH day_end AS (SELECT ((${s.asOf}::date + 1)::timestamp AT TIME ZONE ${s.timeZone}) AS at),
    units AS (
      SELECT o.id, o.name, o.path, o.depth
        FROM participant p JOIN organization o ON o.tenant_id = p.tenant_id AND o.id = p.organization_id
       WHERE p.tenant_id = ${s.tenantId}::uuid AND p.campaign_id = ${s.campaignId}::uuid
         AND o.path LIKE ANY(${s.scopePatterns}::text[])
         AND p.created_at < (SELECT at FROM day_end)
    ),
    ev AS (
      SELECT e.id, e.organization_id
        FROM publicity_event e JOIN units u ON u.id = e.organization_id
       WHERE e.tenant_id = ${s.tenantId}::uuid AND e.campaign_id = ${s.campaignId}::uuid
         AND e.occurred_on <= ${s.asOf}::date AND e.created_at < (SELECT at FROM day_end)
    ),
    ec AS (
      SELECT organization_id, count(*)::int AS n, (array_agg(id::text ORDER BY id))[1:20] AS ids
        FROM ev GROUP BY organization_id
    ),
    mv AS (
      SELECT organization_id, jsonb_object_agg(key, total) AS totals FROM (
        SELECT ev.organization_id, m.key, sum(v.value)::text AS total
          FROM event_metric_value v
          JOIN ev ON ev.id = v.event_id
          JOIN metric_definition m ON m.id = v.metric_definition_id
         WHERE v.tenant_id = ${s.tenantId}::uuid
         GROUP BY ev.organization_id, m.key) x
       GROUP BY organization_id
    ),
    tk AS (
      SELECT t.organization_id,
             count(*)::int AS total,
             count(*) FILTER (WHERE t.status = 'DONE' AND t.completed_at < (SELECT at FROM day_end))::int AS done,
             count(*) FILTER (WHERE t.due_on < ${s.asOf}::date
                               AND NOT (t.status = 'DONE' AND t.completed_at < (SELECT at FROM day_end)))::int AS overdue
        FROM task t JOIN units u ON u.id = t.organization_id
       WHERE t.tenant_id = ${s.tenantId}::uuid AND t.campaign_id = ${s.campaignId}::uuid
         AND t.status <> 'CANCELLED' AND t.created_at < (SELECT at FROM day_end)
         AND NOT EXISTS (SELECT 1 FROM task c WHERE c.tenant_id = t.tenant_id AND c.parent_task_id = t.id)
       GROUP BY t.organization_id
    )
    SELECT u.id, u.name,
           EXISTS (SELECT 1 FROM leading_group g JOIN leading_group_member gm ON gm.tenant_id = g.tenant_id AND gm.leading_group_id = g.id
                    WHERE g.tenant_id = ${s.tenantId}::uuid AND g.campaign_id = ${s.campaignId}::uuid AND g.organization_id = u.id
                      AND g.created_at < (SELECT at FROM day_end)) AS group_set,
           coalesce(ec.n, 0) AS event_count, ec.ids AS event_ids, mv.totals AS metric_totals,
           coalesce(tk.total, 0) AS tasks_total, coalesce(tk.done, 0) AS tasks_done, coalesce(tk.overdue, 0) AS tasks_overdue,
           EXISTS (SELECT 1 FROM summary_report r
                    WHERE r.tenant_id = ${s.tenantId}::uuid AND r.campaign_id = ${s.campaignId}::uuid AND r.organization_id = u.id
                      AND r.scope = 'UNIT' AND r.submitted_at < (SELECT at FROM day_end)) AS handed_in
      FROM units u
      LEFT JOIN ec ON ec.organization_id = u.id
      LEFT JOIN mv ON mv.organization_id = u.id
      LEFT JOIN tk ON tk.organization_id = u.id
     ORDER BY u.depth, u.name, u.id`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    leadingGroupSet: r.group_set,
    eventCount: r.event_count,
    metricTotals: r.metric_totals ?? {},
    tasksTotal: r.tasks_total,
    tasksDone: r.tasks_done,
    tasksOverdue: r.tasks_overdue,
    handedIn: r.handed_in,
    eventIds: r.event_ids ?? [],
  }));
}
