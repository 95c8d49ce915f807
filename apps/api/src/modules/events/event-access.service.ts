// The rules every change to an event (and its photos) obeys, in one place:
//  - the event's unit lies inside the actor's event:write scope (else 404, ids never leak);
//  - the campaign is ACTIVE (else 422);
//  - the unit's latest UNIT summary for the campaign is not APPROVED (else 422, until it is RETURNED);
//  - the day lies inside the campaign's period (else 400 on the field).
// Reads: the unit lies inside the actor's event:read scope and the campaign is one the actor can see.

import type { Permission } from '@campaign-month/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AccessService } from '../../core/access/access.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { InvalidInput, NotFound, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { MetricDef } from './metric-values.js';

/** An event as the write rules need it (days as 'YYYY-MM-DD'). */
export interface EventWriteTarget {
  id: string;
  campaignId: string;
  organizationId: string;
  organizationName: string;
  occurredOn: string;
  type: string;
  title: string;
  location: string | null;
  description: string | null;
  taskId: string | null;
  campaignStatus: string;
  startsOn: string;
  endsOn: string;
  summaryStatus: string | null;
  timeZone: string;
}

/** SQL: the status of the unit's latest UNIT summary for the campaign (null when none). */
export function latestSummaryStatusSql(tenant: Prisma.Sql, campaign: Prisma.Sql, unit: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT s.status::text FROM summary_report s
                      WHERE s.tenant_id = ${tenant} AND s.campaign_id = ${campaign} AND s.organization_id = ${unit} AND s.scope = 'UNIT'
                      ORDER BY s.version DESC LIMIT 1)`;
}

@Injectable()
export class EventAccessService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
  ) {}

  /**
   * LIKE patterns ('/root/…/unit/%') of the organizations under which the actor holds `permission`. Paths are
   * UUIDs and slashes only, so they carry no LIKE wildcards to escape.
   */
  scopePatterns(actor: Actor, permission: Permission): string[] {
    return this.access.scopePaths(actor, permission).map((p) => `${p}%`);
  }

  /** An event whose unit is inside the actor's event:write scope, with what the rules need; 404 otherwise. */
  async forWrite(actor: Actor, eventId: string): Promise<EventWriteTarget> {
    const patterns = this.scopePatterns(actor, 'event:write');
    const rows = await this.prisma.$queryRaw<EventWriteTarget[]>`
      SELECT e.id, e.campaign_id AS "campaignId", e.organization_id AS "organizationId", u.name AS "organizationName",
             e.occurred_on::text AS "occurredOn", e.type::text AS type, e.title, e.location, e.description, e.task_id AS "taskId",
             c.status::text AS "campaignStatus", c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn",
             ${latestSummaryStatusSql(Prisma.sql`e.tenant_id`, Prisma.sql`e.campaign_id`, Prisma.sql`e.organization_id`)} AS "summaryStatus",
             tn.time_zone AS "timeZone"
        FROM publicity_event e
        JOIN organization u ON u.tenant_id = e.tenant_id AND u.id = e.organization_id
        JOIN campaign c ON c.tenant_id = e.tenant_id AND c.id = e.campaign_id
        JOIN tenant tn ON tn.id = e.tenant_id
       WHERE e.tenant_id = ${actor.tenantId}::uuid AND e.id = ${eventId}::uuid AND u.path LIKE ANY(${patterns}::text[])`;
    if (!rows[0]) throw new NotFound('Event');
    return rows[0];
  }

  /** 422 unless the campaign is ACTIVE and the unit's summary is not approved. */
  assertOpen(target: { campaignStatus: string; summaryStatus: string | null }): void {
    if (target.campaignStatus !== 'ACTIVE') {
      throw new TransitionNotAllowed(
        `Events can only be changed while the campaign is ACTIVE (it is ${target.campaignStatus})`,
        {
          campaignStatus: target.campaignStatus,
        },
      );
    }
    if (target.summaryStatus === 'APPROVED') {
      throw new TransitionNotAllowed(
        "The unit's summary for this campaign is approved: its events are read-only until the summary is returned",
        {
          summaryStatus: 'APPROVED',
        },
      );
    }
  }

  /**
   * assertOpen again, inside the transaction that writes (decision 025): locks the campaign row and each unit's
   * latest UNIT summary version FOR SHARE, so that an approval or a closing that landed after the checks is
   * seen here (it committed first, or this waits for it), or waits for this write to commit.
   */
  async assertOpenWhereWriting(
    tx: Prisma.TransactionClient,
    tenantId: string,
    campaignId: string,
    organizationIds: string[],
  ): Promise<void> {
    const [campaign] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM campaign WHERE tenant_id = ${tenantId}::uuid AND id = ${campaignId}::uuid FOR SHARE`;
    const units = [...new Set(organizationIds)];
    const approved = await tx.$queryRaw<{ organization_id: string }[]>`
      SELECT l.organization_id
        FROM unnest(${units}::uuid[]) AS u(id)
        CROSS JOIN LATERAL (
          SELECT s.organization_id, s.status FROM summary_report s
           WHERE s.tenant_id = ${tenantId}::uuid AND s.campaign_id = ${campaignId}::uuid
             AND s.organization_id = u.id AND s.scope = 'UNIT'
           ORDER BY s.version DESC LIMIT 1
             FOR SHARE) l
       WHERE l.status = 'APPROVED'`;
    this.assertOpen({
      campaignStatus: campaign?.status ?? 'CLOSED',
      summaryStatus: approved.length > 0 ? 'APPROVED' : null,
    });
  }

  /** 400 on `field` unless startsOn ≤ day ≤ endsOn and day ≤ today (see dayProblem). */
  assertInPeriod(
    day: string,
    campaign: { startsOn: string; endsOn: string },
    today: string,
    field = 'occurredOn',
  ): void {
    const problem = dayProblem(day, campaign, today);
    if (problem === 'outside-period')
      throw InvalidInput.field(
        field,
        `${field} must lie inside the campaign period ${campaign.startsOn} to ${campaign.endsOn}`,
      );
    if (problem === 'future')
      throw InvalidInput.field(
        field,
        `${field} (${day}) must be on or before today (${today}): log an event once it has happened`,
      );
  }

  /** The campaign's metric definitions, in display order. */
  async metricDefinitions(tenantId: string, campaignId: string): Promise<MetricDef[]> {
    return (await this.prisma.metricDefinition.findMany({
      where: { tenantId, campaignId },
      select: { id: true, key: true, label: true, unit: true, kind: true },
      orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }],
    })) as MetricDef[];
  }

  /** 400 on taskId unless the task belongs to this campaign and this unit. */
  async assertTask(tenantId: string, campaignId: string, organizationId: string, taskId: string): Promise<void> {
    const task = await this.prisma.task.findFirst({
      where: { tenantId, id: taskId, campaignId, organizationId },
      select: { id: true },
    });
    if (!task) throw InvalidInput.field('taskId', "taskId must name one of this unit's tasks in this campaign");
  }

  /** Prisma filter: events the actor may read (unit inside its event:read scope, campaign visible to it). */
  readableWhere(actor: Actor): Prisma.PublicityEventWhereInput {
    const orgs = this.access.organizationWhere(actor, 'event:read');
    return {
      tenantId: actor.tenantId,
      organization: orgs,
      campaign: { OR: [{ organizer: orgs }, { participants: { some: { organization: orgs } } }] },
    };
  }
}

/**
 * Why an event's day is not acceptable, or null: it must lie inside the campaign period and not after
 * today in the tenant's time zone (an event is logged once it has happened).
 */
export function dayProblem(
  day: string,
  campaign: { startsOn: string; endsOn: string },
  today: string,
): 'outside-period' | 'future' | null {
  if (day < campaign.startsOn || day > campaign.endsOn) return 'outside-period';
  if (day > today) return 'future';
  return null;
}
