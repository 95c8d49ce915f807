// The facts a summary is written from, computed by SQL aggregation (GROUP BY in the database): never by
// loading every event. A unit's facts cover its own rows; a roll-up's cover the organization's subtree.
// Counts and sums read the maintained aggregates (decision 040); only what raw rows alone can give (sample
// ids, locations, examples) reads the events.
import { Inject, Injectable } from '@nestjs/common';
import type {
  EventType,
  LeadingGroupRole,
  OrganizationKind,
  ReportStatus,
  TaskStatus,
} from '@campaign-month/contracts';
import type {
  DayFact,
  ExampleFact,
  MetricFact,
  RollupFacts,
  RollupUnitRow,
  SummaryFacts,
  TaskFacts,
  TypeFact,
  UnitFacts,
} from '@campaign-month/report-writer';
import { PrismaService } from '../../../core/database/prisma.service.js';
import { dateToDay, todayIn } from '../../../core/time/calendar.js';
import { Prisma } from '../../../generated/prisma/client.js';
import { comparisonFacts } from './comparison-facts.js';

export interface FactsTarget {
  tenantId: string;
  campaignId: string;
  organizationId: string;
  scope: 'UNIT' | 'ROLLUP';
}

const EXAMPLE_LIMIT = 12;
/** Events read per type when choosing examples: the fullest descriptions among them are quoted. */
const EXAMPLE_CANDIDATES = 400;
const TASK_ITEMS_LIMIT = 30;

/**
 * Which rows a summary counts, for every event query (alias e, joined to organization o): the campaign's
 * events of the unit itself, or (ROLLUP) of every organization whose path matches `subtreePattern`.
 */
function countedEvents(target: FactsTarget, subtreePattern: Prisma.Sql) {
  const orgFilter =
    target.scope === 'ROLLUP'
      ? Prisma.sql`o.path LIKE ${subtreePattern}`
      : Prisma.sql`o.id = ${target.organizationId}::uuid`;
  const events = Prisma.sql`e.tenant_id = ${target.tenantId}::uuid AND e.campaign_id = ${target.campaignId}::uuid AND ${orgFilter}`;
  // the same rows' cells in the maintained aggregates (decision 040): `a` counts, `s` metric sums, each joined to `o`
  const cells = Prisma.sql`a.tenant_id = ${target.tenantId}::uuid AND a.campaign_id = ${target.campaignId}::uuid AND a.event_count > 0 AND ${orgFilter}`;
  const sums = Prisma.sql`s.tenant_id = ${target.tenantId}::uuid AND s.campaign_id = ${target.campaignId}::uuid AND s.value_count > 0 AND ${orgFilter}`;
  return { orgFilter, events, cells, sums };
}

@Injectable()
export class SummaryFactsService {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /**
   * The figures a summary's totals are made of, as they stand now (one statement): the number of events and
   * the metric sums, in the same text form compute() stores, so a version can tell whether it is outdated.
   */
  async currentTotals(target: FactsTarget): Promise<{ eventCount: number; metricTotals: Record<string, string> }> {
    const { tenantId, organizationId } = target;
    const { cells, sums } = countedEvents(
      target,
      Prisma.sql`(SELECT u.path || '%' FROM organization u WHERE u.tenant_id = ${tenantId}::uuid AND u.id = ${organizationId}::uuid)`,
    );
    const [row] = await this.prisma.$queryRaw<{ event_count: number; metric_totals: Record<string, string> }[]>`
      SELECT (SELECT coalesce(sum(a.event_count), 0)::int FROM campaign_unit_day_type a JOIN organization o ON o.id = a.organization_id
               WHERE ${cells}) AS event_count,
             (SELECT coalesce(json_object_agg(t.key, t.sum), '{}'::json) FROM (
                SELECT m.key, sum(s.total)::text AS sum
                  FROM campaign_unit_day_type_metric s
                  JOIN organization o ON o.id = s.organization_id
                  JOIN metric_definition m ON m.id = s.metric_definition_id
                 WHERE ${sums}
                 GROUP BY m.key) t) AS metric_totals`;
    return { eventCount: row!.event_count, metricTotals: row!.metric_totals };
  }

  async compute(target: FactsTarget): Promise<SummaryFacts> {
    const { tenantId, campaignId, organizationId } = target;
    const [campaign, unit, tenant] = await Promise.all([
      this.prisma.campaign.findFirstOrThrow({
        where: { id: campaignId, tenantId },
        include: {
          organizer: { select: { name: true } },
          metrics: { orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }] },
        },
      }),
      this.prisma.organization.findFirstOrThrow({ where: { id: organizationId, tenantId } }),
      this.prisma.tenant.findFirstOrThrow({ where: { id: tenantId } }),
    ]);
    const today = todayIn(tenant.timeZone);
    const rollup = target.scope === 'ROLLUP';
    const { orgFilter, events, cells, sums: sumCells } = countedEvents(target, Prisma.sql`${`${unit.path}%`}`);
    // a roll-up counts the units' tasks: a task handed down (with cascaded children) is counted through them
    const taskFilter = rollup
      ? Prisma.sql`${orgFilter} AND NOT EXISTS (SELECT 1 FROM task c WHERE c.tenant_id = t.tenant_id AND c.parent_task_id = t.id)`
      : orgFilter;
    const base = { tenantId, campaignId, orgFilter, events, cells, sums: sumCells, today, taskFilter };

    const [byType, sums, byTypeLocations, byDay, examples, tasks, taskItems, group, rollupUnits, earlier] =
      await Promise.all([
        this.byType(base),
        this.metricSums(base),
        this.byTypeLocations(base),
        this.byDay(base),
        this.examples(base, rollup),
        this.taskCounts(base),
        this.taskItems(base),
        this.prisma.leadingGroupMember.findMany({
          where: { tenantId, group: { campaignId, organizationId } },
          orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        }),
        rollup ? this.rollupUnits(base, unit.path, campaign.reportDueOn) : Promise.resolve([]),
        // the earlier month of the same template (comparison-facts.ts)
        comparisonFacts(this.prisma, { tenantId, campaignId, organizationId, path: unit.path, scope: target.scope }),
      ]);

    const byTypeMetric = sums.filter((m) => m.type !== null);
    const totals = sums.filter((m) => m.type === null);
    const metrics: MetricFact[] = campaign.metrics.map((m) => ({
      key: m.key,
      label: m.label,
      unit: m.unit,
      kind: m.kind,
    }));
    const typeFacts: TypeFact[] = byType.map((t) => ({
      type: t.type as EventType,
      count: t.count,
      metricSums: Object.fromEntries(byTypeMetric.filter((m) => m.type === t.type).map((m) => [m.key, m.sum])),
      eventIds: t.event_ids,
      locations: byTypeLocations.filter((l) => l.type === t.type).map((l) => l.location),
    }));
    const roleOrder: Record<string, number> = { LEADER: 0, DEPUTY: 1, MEMBER: 2 };
    const facts: UnitFacts = {
      kind: 'UNIT',
      campaign: {
        id: campaign.id,
        title: campaign.title,
        purpose: campaign.purpose,
        directiveTitle: campaign.directiveTitle,
        directiveNumber: campaign.directiveNumber,
        startsOn: dateToDay(campaign.startsOn),
        endsOn: dateToDay(campaign.endsOn),
        reportDueOn: dateToDay(campaign.reportDueOn),
        organizerName: campaign.organizer.name,
      },
      unit: { id: unit.id, name: unit.name, kind: unit.kind as OrganizationKind },
      metrics,
      leadingGroup:
        group.length === 0
          ? null
          : [...group]
              .sort((a, b) => roleOrder[a.role]! - roleOrder[b.role]! || a.sortOrder - b.sortOrder)
              .map((m) => ({
                id: m.id,
                name: m.name,
                title: m.title,
                role: m.role as LeadingGroupRole,
                department: m.department,
                duty: m.duty,
              })),
      tasks: { ...tasks, items: taskItems },
      eventCount: byType.reduce((n, t) => n + t.count, 0),
      byType: typeFacts,
      byDay,
      metricTotals: Object.fromEntries(totals.map((t) => [t.key, t.sum])),
      examples,
      // a draft is signed on the day it is generated; submitting signs it on the day it is handed in
      signatureDate: today,
    };
    if (earlier.comparison) facts.comparison = earlier.comparison;
    if (!rollup) return facts;
    const units = earlier.comparison
      ? rollupUnits.map((u) => ({ ...u, previousEventCount: earlier.previousEventCounts.get(u.id) ?? null }))
      : rollupUnits;
    const participating = units.filter((u) => u.participating);
    const rollupFacts: RollupFacts = {
      ...facts,
      kind: 'ROLLUP',
      units,
      participantCount: participating.length,
      submittedCount: participating.filter((u) => u.summaryStatus === 'SUBMITTED' || u.summaryStatus === 'APPROVED')
        .length,
      approvedCount: participating.filter((u) => u.summaryStatus === 'APPROVED').length,
    };
    return rollupFacts;
  }

  /** Events by type, with a sample of ids per type read through the (tenant, campaign, type) index. */
  private byType(b: Base) {
    return this.prisma.$queryRaw<{ type: string; count: number; event_ids: string[] }[]>`
      SELECT t.type, t.count,
             ARRAY(SELECT e.id::text FROM publicity_event e JOIN organization o ON o.id = e.organization_id
                    WHERE ${b.events} AND e.type = t.type::"EventType"
                    LIMIT 20) AS event_ids
        FROM (SELECT a.type::text AS type, sum(a.event_count)::int AS count
                FROM campaign_unit_day_type a JOIN organization o ON o.id = a.organization_id
               WHERE ${b.cells}
               GROUP BY a.type) t
       ORDER BY t.count DESC, t.type`;
  }

  /** Metric sums by type and in total: one pass over the metric values (GROUPING SETS). */
  private metricSums(b: Base) {
    return this.prisma.$queryRaw<{ type: string | null; key: string; sum: string }[]>`
      SELECT CASE WHEN GROUPING(s.type) = 0 THEN s.type::text END AS type, m.key, sum(s.total)::text AS sum
        FROM campaign_unit_day_type_metric s
        JOIN organization o ON o.id = s.organization_id
        JOIN metric_definition m ON m.id = s.metric_definition_id
       WHERE ${b.sums}
       GROUP BY GROUPING SETS ((s.type, m.key), (m.key))`;
  }

  private byTypeLocations(b: Base) {
    return this.prisma.$queryRaw<{ type: string; location: string }[]>`
      SELECT type, location FROM (
        SELECT e.type::text AS type, e.location, count(*) AS n,
               row_number() OVER (PARTITION BY e.type ORDER BY count(*) DESC, e.location) AS rank
          FROM publicity_event e JOIN organization o ON o.id = e.organization_id
         WHERE ${b.events}
           AND e.location IS NOT NULL AND e.location <> ''
         GROUP BY e.type, e.location) ranked
       WHERE rank <= 5 ORDER BY type, rank`;
  }

  private async byDay(b: Base): Promise<DayFact[]> {
    const rows = await this.prisma.$queryRaw<{ day: Date; count: number }[]>`
      SELECT a.occurred_on AS day, sum(a.event_count)::int AS count
        FROM campaign_unit_day_type a JOIN organization o ON o.id = a.organization_id
       WHERE ${b.cells}
       GROUP BY a.occurred_on ORDER BY a.occurred_on`;
    return rows.map((r) => ({ day: dateToDay(r.day), count: r.count }));
  }

  /** Candidate examples: per type, the events with the fullest descriptions. */
  private async examples(b: Base, rollup: boolean): Promise<ExampleFact[]> {
    const rows = await this.prisma.$queryRaw<
      {
        id: string;
        type: string;
        title: string;
        occurred_on: Date;
        location: string | null;
        description: string | null;
        unit_name: string;
        values: Record<string, string> | null;
      }[]
    >`
      SELECT x.*, (SELECT jsonb_object_agg(m.key, v.value::text)
                     FROM event_metric_value v JOIN metric_definition m ON m.id = v.metric_definition_id
                    WHERE v.event_id = x.id) AS values
        FROM (SELECT c.*, row_number() OVER (PARTITION BY c.type ORDER BY length(c.description) DESC, c.occurred_on, c.id) AS rank
                FROM (SELECT t.type::text AS type, cand.*
                        FROM unnest(enum_range(NULL::"EventType")) AS t(type)
                        CROSS JOIN LATERAL (
                          SELECT e.id, e.title, e.occurred_on, e.location, e.description, o.name AS unit_name
                            FROM publicity_event e JOIN organization o ON o.id = e.organization_id
                           WHERE ${b.events} AND e.type = t.type
                             AND e.description IS NOT NULL AND length(e.description) >= 8
                           LIMIT ${EXAMPLE_CANDIDATES}) cand) c) x
       WHERE x.rank <= 2
       ORDER BY x.rank, length(x.description) DESC, x.occurred_on, x.id
       LIMIT ${EXAMPLE_LIMIT}`;
    return rows.map((r) => ({
      id: r.id,
      type: String(r.type) as EventType,
      title: r.title,
      occurredOn: dateToDay(r.occurred_on),
      location: r.location,
      description: r.description,
      ...(rollup ? { unitName: r.unit_name } : {}),
      metricValues: r.values ?? {},
    }));
  }

  private async taskCounts(b: Base): Promise<Omit<TaskFacts, 'items'>> {
    const [row] = await this.prisma.$queryRaw<
      { total: number; done: number; done_on_time: number; overdue: number; cancelled: number }[]
    >`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE t.status = 'DONE')::int AS done,
             count(*) FILTER (WHERE t.status = 'DONE' AND (t.due_on IS NULL OR t.completed_at IS NULL
                               OR (t.completed_at AT TIME ZONE tn.time_zone)::date <= t.due_on))::int AS done_on_time,
             count(*) FILTER (WHERE t.status IN ('TODO', 'IN_PROGRESS') AND t.due_on < ${b.today}::date)::int AS overdue,
             count(*) FILTER (WHERE t.status = 'CANCELLED')::int AS cancelled
        FROM task t JOIN organization o ON o.id = t.organization_id JOIN tenant tn ON tn.id = t.tenant_id
       WHERE t.tenant_id = ${b.tenantId}::uuid AND t.campaign_id = ${b.campaignId}::uuid AND ${b.taskFilter}`;
    return {
      total: row!.total,
      done: row!.done,
      doneOnTime: row!.done_on_time,
      overdue: row!.overdue,
      cancelled: row!.cancelled,
    };
  }

  private async taskItems(b: Base): Promise<TaskFacts['items']> {
    const rows = await this.prisma.$queryRaw<
      {
        id: string;
        title: string;
        status: string;
        due_on: Date | null;
        completed_on: Date | null;
        responsible: string | null;
        overdue: boolean;
      }[]
    >`
      SELECT t.id, t.title, t.status::text AS status, t.due_on,
             (t.completed_at AT TIME ZONE tn.time_zone)::date AS completed_on, m.name AS responsible,
             (t.status IN ('TODO', 'IN_PROGRESS') AND t.due_on < ${b.today}::date) AS overdue
        FROM task t JOIN organization o ON o.id = t.organization_id JOIN tenant tn ON tn.id = t.tenant_id
        LEFT JOIN leading_group_member m ON m.id = t.responsible_member_id
       WHERE t.tenant_id = ${b.tenantId}::uuid AND t.campaign_id = ${b.campaignId}::uuid AND ${b.taskFilter}
       ORDER BY t.due_on NULLS LAST, t.created_at, t.id
       LIMIT ${TASK_ITEMS_LIMIT}`;
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status as TaskStatus,
      dueOn: r.due_on ? dateToDay(r.due_on) : null,
      completedOn: r.completed_on ? dateToDay(r.completed_on) : null,
      responsibleName: r.responsible,
      overdue: r.overdue,
    }));
  }

  /** One row per organization of the subtree that takes part (or has rows): a single grouped query. */
  private async rollupUnits(b: Base, rootPath: string, reportDueOn: Date): Promise<RollupUnitRow[]> {
    const rows = await this.prisma.$queryRaw<
      {
        id: string;
        name: string;
        participating: boolean;
        event_count: number;
        metric_totals: Record<string, string> | null;
        group_set: boolean;
        tasks_done: number;
        tasks_total: number;
        summary_status: string | null;
        submitted_on: Date | null;
      }[]
    >`
      WITH units AS (
        SELECT o.id, o.name, o.path, o.depth, (p.id IS NOT NULL) AS participating
          FROM organization o
          LEFT JOIN participant p ON p.organization_id = o.id AND p.campaign_id = ${b.campaignId}::uuid AND p.tenant_id = o.tenant_id
         WHERE o.tenant_id = ${b.tenantId}::uuid AND o.path LIKE ${`${rootPath}%`} AND p.id IS NOT NULL
      ),
      ev AS (
        SELECT a.organization_id, sum(a.event_count)::int AS n
          FROM campaign_unit_day_type a JOIN units u ON u.id = a.organization_id
         WHERE a.tenant_id = ${b.tenantId}::uuid AND a.campaign_id = ${b.campaignId}::uuid AND a.event_count > 0
         GROUP BY a.organization_id
      ),
      mv AS (
        SELECT organization_id, jsonb_object_agg(key, total) AS totals FROM (
          SELECT a.organization_id, m.key, sum(a.total)::text AS total
            FROM campaign_unit_day_type_metric a
            JOIN units u ON u.id = a.organization_id
            JOIN metric_definition m ON m.id = a.metric_definition_id
           WHERE a.tenant_id = ${b.tenantId}::uuid AND a.campaign_id = ${b.campaignId}::uuid AND a.value_count > 0
           GROUP BY a.organization_id, m.key) s
         GROUP BY organization_id
      ),
      tk AS (
        SELECT t.organization_id, count(*) FILTER (WHERE t.status = 'DONE')::int AS done, count(*)::int AS total
          FROM task t JOIN units u ON u.id = t.organization_id
         WHERE t.tenant_id = ${b.tenantId}::uuid AND t.campaign_id = ${b.campaignId}::uuid
           AND NOT EXISTS (SELECT 1 FROM task c WHERE c.tenant_id = t.tenant_id AND c.parent_task_id = t.id)
         GROUP BY t.organization_id
      ),
      rp AS (
        SELECT DISTINCT ON (r.organization_id) r.organization_id, r.status::text AS status
          FROM summary_report r JOIN units u ON u.id = r.organization_id
         WHERE r.tenant_id = ${b.tenantId}::uuid AND r.campaign_id = ${b.campaignId}::uuid AND r.scope = 'UNIT'
         ORDER BY r.organization_id, r.version DESC
      ),
      -- the day each unit first handed its summary in (any version), in the tenant's time zone
      hi AS (
        SELECT r.organization_id, min(r.submitted_at AT TIME ZONE tn.time_zone)::date AS submitted_on
          FROM summary_report r JOIN units u ON u.id = r.organization_id JOIN tenant tn ON tn.id = r.tenant_id
         WHERE r.tenant_id = ${b.tenantId}::uuid AND r.campaign_id = ${b.campaignId}::uuid AND r.scope = 'UNIT'
           AND r.submitted_at IS NOT NULL
         GROUP BY r.organization_id
      )
      SELECT u.id, u.name, u.participating, coalesce(ev.n, 0) AS event_count, mv.totals AS metric_totals,
             EXISTS (SELECT 1 FROM leading_group g JOIN leading_group_member gm ON gm.leading_group_id = g.id
                      WHERE g.organization_id = u.id AND g.campaign_id = ${b.campaignId}::uuid AND g.tenant_id = ${b.tenantId}::uuid) AS group_set,
             coalesce(tk.done, 0) AS tasks_done, coalesce(tk.total, 0) AS tasks_total, rp.status AS summary_status,
             hi.submitted_on
        FROM units u
        LEFT JOIN ev ON ev.organization_id = u.id
        LEFT JOIN mv ON mv.organization_id = u.id
        LEFT JOIN tk ON tk.organization_id = u.id
        LEFT JOIN rp ON rp.organization_id = u.id
        LEFT JOIN hi ON hi.organization_id = u.id
       ORDER BY u.depth, u.path`;
    const dueOn = dateToDay(reportDueOn);
    return rows.map((r) => {
      const submittedOn = r.submitted_on ? dateToDay(r.submitted_on) : null;
      return {
        id: r.id,
        name: r.name,
        participating: r.participating,
        eventCount: r.event_count,
        metricTotals: r.metric_totals ?? {},
        leadingGroupSet: r.group_set,
        tasksDone: r.tasks_done,
        tasksTotal: r.tasks_total,
        summaryStatus: (r.summary_status as ReportStatus | null) ?? null,
        submittedOn,
        late: isLate(submittedOn, dueOn, b.today),
      };
    });
  }
}

/** Handed in (first) after the due day, or not handed in and the due day has passed. */
export function isLate(submittedOn: string | null, reportDueOn: string, today: string): boolean {
  return submittedOn !== null ? submittedOn > reportDueOn : today > reportDueOn;
}

interface Base {
  tenantId: string;
  campaignId: string;
  orgFilter: Prisma.Sql;
  /** `e.tenant_id = … AND e.campaign_id = … AND <orgFilter>` */
  events: Prisma.Sql;
  /** The same rows' cells in the aggregates: counts (alias a) and metric sums (alias s), joined to organization o. */
  cells: Prisma.Sql;
  sums: Prisma.Sql;
  today: string;
  /** Which task rows count (alias t, joined to organization o). */
  taskFilter: Prisma.Sql;
}
