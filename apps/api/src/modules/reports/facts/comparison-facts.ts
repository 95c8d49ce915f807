// The earlier month a summary compares with (decision 038): the tenant's most recent campaign of the same
// template (campaign.templateKey), launched (not DRAFT), that ended before this one started. A unit is compared
// when it took part in it (a participant row); a roll-up when any unit of its subtree did, and each unit of its
// table by its own participation. Sums by GROUP BY in the database, like every other fact.
import type { ComparisonFact } from '@campaign-month/report-writer';
import type { PrismaService } from '../../../core/database/prisma.service.js';
import { dateToDay } from '../../../core/time/calendar.js';

export interface ComparisonTarget {
  tenantId: string;
  campaignId: string;
  organizationId: string;
  /** The organization's path ('/…/id/'); a roll-up covers every path under it. */
  path: string;
  scope: 'UNIT' | 'ROLLUP';
}

export interface ComparisonResult {
  comparison: ComparisonFact | null;
  /** Roll-ups: organization id → events it logged in the earlier month, for the units that took part then. */
  previousEventCounts: Map<string, number>;
}

const NONE: ComparisonResult = { comparison: null, previousEventCounts: new Map() };

export async function comparisonFacts(prisma: PrismaService, t: ComparisonTarget): Promise<ComparisonResult> {
  const [earlier] = await prisma.$queryRaw<{ id: string; title: string; starts_on: Date; ends_on: Date }[]>`
    SELECT p.id, p.title, p.starts_on, p.ends_on
      FROM campaign c
      JOIN campaign p ON p.tenant_id = c.tenant_id AND p.template_key = c.template_key AND p.id <> c.id
     WHERE c.tenant_id = ${t.tenantId}::uuid AND c.id = ${t.campaignId}::uuid AND c.template_key IS NOT NULL
       AND p.ends_on < c.starts_on AND p.status <> 'DRAFT'
     ORDER BY p.ends_on DESC, p.starts_on DESC, p.id
     LIMIT 1`;
  if (!earlier) return NONE;
  const rollup = t.scope === 'ROLLUP';
  const pattern = `${t.path}%`;
  const [row] = await prisma.$queryRaw<
    {
      took_part: boolean;
      event_count: number;
      event_ids: string[] | null;
      metric_totals: Record<string, string> | null;
      metric_keys: string[] | null;
    }[]
  >`
    WITH orgs AS (
      SELECT o.id FROM organization o
       WHERE o.tenant_id = ${t.tenantId}::uuid
         AND (CASE WHEN ${rollup} THEN o.path LIKE ${pattern} ELSE o.id = ${t.organizationId}::uuid END)
    ),
    ev AS (
      SELECT e.id FROM publicity_event e JOIN orgs ON orgs.id = e.organization_id
       WHERE e.tenant_id = ${t.tenantId}::uuid AND e.campaign_id = ${earlier.id}::uuid
    )
    SELECT EXISTS (SELECT 1 FROM participant p JOIN orgs ON orgs.id = p.organization_id
                    WHERE p.tenant_id = ${t.tenantId}::uuid AND p.campaign_id = ${earlier.id}::uuid) AS took_part,
           (SELECT count(*)::int FROM ev) AS event_count,
           ARRAY(SELECT id::text FROM ev ORDER BY id LIMIT 20) AS event_ids,
           (SELECT jsonb_object_agg(s.key, s.total) FROM (
              SELECT m.key, sum(v.value)::text AS total
                FROM event_metric_value v JOIN ev ON ev.id = v.event_id
                JOIN metric_definition m ON m.id = v.metric_definition_id
               WHERE v.tenant_id = ${t.tenantId}::uuid
               GROUP BY m.key) s) AS metric_totals,
           ARRAY(SELECT key FROM metric_definition
                  WHERE tenant_id = ${t.tenantId}::uuid AND campaign_id = ${earlier.id}::uuid ORDER BY sort_order, key) AS metric_keys`;
  if (!row?.took_part) return NONE;
  const comparison: ComparisonFact = {
    campaign: {
      id: earlier.id,
      title: earlier.title,
      startsOn: dateToDay(earlier.starts_on),
      endsOn: dateToDay(earlier.ends_on),
    },
    eventCount: row.event_count,
    metricTotals: row.metric_totals ?? {},
    metricKeys: row.metric_keys ?? [],
    eventIds: row.event_ids ?? [],
  };
  if (!rollup) return { comparison, previousEventCounts: new Map() };
  const units = await prisma.$queryRaw<{ id: string; n: number }[]>`
    SELECT p.organization_id AS id, count(e.id)::int AS n
      FROM participant p
      JOIN organization o ON o.tenant_id = p.tenant_id AND o.id = p.organization_id
      LEFT JOIN publicity_event e ON e.tenant_id = p.tenant_id AND e.campaign_id = p.campaign_id AND e.organization_id = p.organization_id
     WHERE p.tenant_id = ${t.tenantId}::uuid AND p.campaign_id = ${earlier.id}::uuid AND o.path LIKE ${pattern}
     GROUP BY p.organization_id`;
  return { comparison, previousEventCounts: new Map(units.map((u) => [u.id, u.n])) };
}
