// Logging one event: the hot path, one statement in the usual case (decisions 022, 031, 032).
//   The statement reads the actor (the user named by the token, active, with its memberships: the route
//   reads it itself, decision 031), the campaign (visible to the actor?), the unit (in scope? participant?),
//   the unit's latest summary status, the metric definitions and, when given, the task; and, when every
//   check holds and the campaign's facts are still those the body was validated against (a per-process
//   cache, decision 032), it writes the event, its metric values and the audit entry (data-modifying CTEs:
//   atomic without an explicit transaction), and adds the event to the maintained aggregates (decision 040). With an Idempotency-Key it also claims the key and stores the
//   answer (decision 020).
//   When it wrote nothing, the facts it read decide, in code, which answer the request gets; if they let it
//   through (the cache was empty or stale), the cache takes them and the statement runs again.
import { randomUUID } from 'node:crypto';
import { type EventView, ROLES, roleGrants } from '@campaign-month/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { actorMembershipsSql, actorOf, type Principal } from '../../core/auth/actor-in-route.js';
import type { ActorMembership } from '../../core/context/request-context.js';
import { requestContext } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { Conflict, InvalidInput, NotFound } from '../../core/errors/domain-errors.js';
import {
  type IdempotencyRequest,
  IdempotencyService,
  type IdempotentResult,
} from '../../core/idempotency/idempotency.service.js';
import { requestHash } from '../../core/idempotency/request-hash.js';
import { todayIn } from '../../core/time/calendar.js';
import { Prisma } from '../../generated/prisma/client.js';
import { type CampaignFacts, CampaignFactsCache } from './campaign-facts-cache.js';
import type { CreateEventDto } from './dto/event.dto.js';
import { dayProblem, EventAccessService, latestSummaryStatusSql } from './event-access.service.js';
import { createAggregateCtes } from './event-aggregates.sql.js';
import { entriesToValues, type MetricDef, type MetricEntry, parseMetrics } from './metric-values.js';

/** What the statement read, whether or not it wrote. */
interface CreateRow {
  /** The active user and its memberships; no row at all when the token's user is not (or no longer) active. */
  email: string;
  memberships: ActorMembership[];
  /** The campaign is one the actor may log events for; the fields below are null when not. */
  found: boolean | null;
  status: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  unitName: string | null;
  unitInScope: boolean;
  unitParticipates: boolean;
  summaryStatus: string | null;
  metrics: MetricDef[];
  metricsStamp: string;
  taskOk: boolean;
  /** Every check held and the facts matched: the statement wrote, or found the key taken. */
  passed: boolean;
  inserted: boolean;
}

/** A request made ready against a campaign's (cached) facts. */
interface Prepared {
  facts: CampaignFacts;
  view: EventView;
  entries: MetricEntry[];
}

/** The roles whose memberships log events: the scope of a create. */
const WRITER_ROLES = ROLES.filter((role) => roleGrants(role, 'event:write'));

/** A statement that finds the cache stale refreshes it; a third miss in a row means the campaign keeps changing. */
const ATTEMPTS = 3;

@Injectable()
export class EventCreateService {
  private readonly facts = new CampaignFactsCache();

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(EventAccessService) private readonly rules: EventAccessService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
  ) {}

  async create(
    principal: Principal,
    campaignId: string,
    dto: CreateEventDto,
    idempotencyKey: string | null,
  ): Promise<IdempotentResult<EventView>> {
    const request: IdempotencyRequest | null = idempotencyKey
      ? {
          tenantId: principal.tenantId,
          scope: `events.create user:${principal.userId}`,
          key: idempotencyKey,
          requestHash: requestHash({ campaignId, body: dto }),
        }
      : null;
    if (request) this.idempotency.sometimesPurgeExpired();
    let facts = this.facts.get(principal.tenantId, campaignId);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const prepared = facts ? this.prepare(principal, campaignId, dto, facts) : null;
      const found = await this.run(principal, campaignId, dto, prepared, request);
      // 401 (user no longer active) and 403 (no role that logs events) come first, as the guards answer them.
      actorOf(principal, found, 'event:write');
      const row = found as CreateRow;
      if (row.inserted && prepared) {
        return { status: 201, body: { ...prepared.view, organizationName: row.unitName! }, replayed: false };
      }
      if (row.passed && request) {
        // Every check held but nothing was written: the key was taken (by an earlier request, or a concurrent
        // one that committed first, whose statement this one waited for).
        const earlier = await this.idempotency.replay<EventView>(request);
        if (earlier) return earlier;
        throw new Conflict('A request with this Idempotency-Key is still in progress; retry shortly', {
          header: 'Idempotency-Key',
        });
      }
      // Not written: the facts just read decide. A refusal replays an earlier success with the same key
      // (whatever the checks say now); a key used for another request still answers 409.
      try {
        this.check(row, dto);
      } catch (refusal) {
        const earlier = request ? await this.idempotency.replay<EventView>(request) : null;
        if (earlier) return earlier;
        throw refusal;
      }
      const { startsOn, endsOn, timeZone, metrics, metricsStamp } = row;
      facts = { startsOn, endsOn, timeZone, metrics, metricsStamp };
      this.facts.set(principal.tenantId, campaignId, facts);
    }
    throw new Conflict('The campaign changed while the event was being logged; send it again');
  }

  /**
   * The body checked against the campaign's facts as cached: null when they refuse it (the statement then
   * writes nothing, and the facts it reads name the reason, in the order the rules give).
   */
  private prepare(
    principal: Principal,
    campaignId: string,
    dto: CreateEventDto,
    facts: CampaignFacts,
  ): Prepared | null {
    if (dayProblem(dto.occurredOn, facts, todayIn(facts.timeZone)) !== null) return null;
    const { entries, errors } = parseMetrics(dto.metrics, facts.metrics);
    if (errors.length) return null;
    return { facts, entries, view: this.view(principal, campaignId, dto, entries) };
  }

  /** The rules, in the order a client can act on them: 404, then 422 (state), then 400 (fields). */
  private check(ctx: CreateRow, dto: CreateEventDto): void {
    if (!ctx.found) throw new NotFound('Campaign');
    if (!ctx.unitInScope || ctx.unitName === null) throw new NotFound('Organization');
    this.rules.assertOpen({ campaignStatus: ctx.status, summaryStatus: ctx.summaryStatus });
    if (!ctx.unitParticipates)
      throw InvalidInput.field('organizationId', 'The unit does not take part in this campaign');
    this.rules.assertInPeriod(dto.occurredOn, ctx, todayIn(ctx.timeZone));
    if (!ctx.taskOk) throw InvalidInput.field('taskId', "taskId must name one of this unit's tasks in this campaign");
    const { errors } = parseMetrics(dto.metrics, ctx.metrics);
    if (errors.length) throw new InvalidInput(`Invalid metrics: ${errors.map((e) => e.field).join(', ')}`, errors);
  }

  /** The answer, but for the unit's name, which the statement reads. */
  private view(principal: Principal, campaignId: string, dto: CreateEventDto, entries: MetricEntry[]): EventView {
    const now = new Date().toISOString();
    return {
      id: randomUUID(),
      campaignId,
      organizationId: dto.organizationId,
      organizationName: '',
      taskId: dto.taskId ?? null,
      type: dto.type,
      title: dto.title,
      occurredOn: dto.occurredOn,
      location: dto.location || null,
      description: dto.description || null,
      metrics: entriesToValues(entries),
      photoCount: 0,
      offDayPhotoCount: 0,
      authorId: principal.userId,
      createdAt: now,
      updatedAt: now,
    };
  }

  /**
   * The statement. `facts` reads the actor and everything the checks need (the scope: the paths of the
   * actor's memberships whose role logs events, from the same memberships the actor is built from); `ok`
   * has a row when every check holds and the campaign's facts are those the body was prepared against
   * (never, without a prepared body). Every write reads FROM claim, which has a row only FROM ok and,
   * with a key, when the key was free. No row at all: the user is not active.
   */
  private async run(
    principal: Principal,
    campaignId: string,
    dto: CreateEventDto,
    prepared: Prepared | null,
    request: IdempotencyRequest | null,
  ): Promise<CreateRow | null> {
    const { tenantId, userId, sessionVersion } = principal;
    const taskId = dto.taskId ?? null;
    const view = prepared?.view ?? null;
    const entries = prepared?.entries ?? [];
    const ctx = requestContext.get();
    const changes = view
      ? JSON.stringify({
          campaignId,
          organizationId: view.organizationId,
          type: view.type,
          title: view.title,
          occurredOn: view.occurredOn,
          metrics: view.metrics,
        })
      : null;
    const passes = Prisma.sql`EXISTS (SELECT 1 FROM ok)`;
    const claim = request
      ? this.idempotency.claimSql(
          request,
          201,
          Prisma.sql`jsonb_set(${JSON.stringify(view)}::jsonb, '{organizationName}', to_jsonb((SELECT "unitName" FROM facts)))`,
          passes,
        )
      : Prisma.sql`SELECT NULL::uuid AS id WHERE ${passes}`;
    // The audit entry is written here rather than through AuditService so that the event, its values and the
    // audit entry are one statement.
    const rows = await this.prisma.direct.$queryRaw<CreateRow[]>`
      WITH me AS (
        SELECT u.id, u.email, ${actorMembershipsSql} AS memberships
          FROM app_user u
         WHERE u.id = ${userId}::uuid AND u.tenant_id = ${tenantId}::uuid AND u.is_active
           AND u.session_version = ${sessionVersion}::int
      ), scope AS (
        SELECT coalesce(array_agg((j->>'path') || '%'), '{}'::text[]) AS patterns
          FROM me, json_array_elements(me.memberships) j
         WHERE j->>'role' = ANY(${WRITER_ROLES}::text[])
      ), facts AS (
        SELECT me.email, me.memberships, ctx.*
          FROM me CROSS JOIN scope
          LEFT JOIN LATERAL (
            SELECT true AS found, c.status::text AS status, c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn",
                   (SELECT tn.time_zone FROM tenant tn WHERE tn.id = c.tenant_id) AS "timeZone",
                   u.name AS "unitName",
                   COALESCE(u.path LIKE ANY(scope.patterns), false) AS "unitInScope",
                   EXISTS (SELECT 1 FROM participant p
                            WHERE p.tenant_id = c.tenant_id AND p.campaign_id = c.id AND p.organization_id = u.id) AS "unitParticipates",
                   ${latestSummaryStatusSql(Prisma.sql`c.tenant_id`, Prisma.sql`c.id`, Prisma.sql`u.id`)} AS "summaryStatus",
                   m.metrics, md5(m.metrics::text) AS "metricsStamp",
                   (${taskId}::uuid IS NULL OR EXISTS (
                      SELECT 1 FROM task t WHERE t.tenant_id = c.tenant_id AND t.id = ${taskId}::uuid
                                             AND t.campaign_id = c.id AND t.organization_id = u.id)) AS "taskOk"
              FROM campaign c
              LEFT JOIN organization u ON u.tenant_id = c.tenant_id AND u.id = ${dto.organizationId}::uuid
              CROSS JOIN LATERAL (
                SELECT COALESCE(json_agg(json_build_object('id', d.id, 'key', d.key, 'label', d.label, 'unit', d.unit, 'kind', d.kind)
                                         ORDER BY d.sort_order, d.key), '[]'::json) AS metrics
                  FROM metric_definition d WHERE d.tenant_id = c.tenant_id AND d.campaign_id = c.id) m
             WHERE c.tenant_id = ${tenantId}::uuid AND c.id = ${campaignId}::uuid
               AND (EXISTS (SELECT 1 FROM organization o
                             WHERE o.tenant_id = c.tenant_id AND o.id = c.organizer_org_id AND o.path LIKE ANY(scope.patterns))
                    OR EXISTS (SELECT 1 FROM participant p
                                 JOIN organization po ON po.tenant_id = p.tenant_id AND po.id = p.organization_id
                                WHERE p.tenant_id = c.tenant_id AND p.campaign_id = c.id AND po.path LIKE ANY(scope.patterns)))
          ) ctx ON true
      ), ok AS (
        SELECT 1 FROM facts
         WHERE ${view !== null} AND facts.found AND facts."unitInScope" AND facts."unitName" IS NOT NULL
           AND facts."unitParticipates" AND facts."taskOk"
           AND facts.status = 'ACTIVE' AND coalesce(facts."summaryStatus", '') <> 'APPROVED'
           AND facts."startsOn" = ${prepared?.facts.startsOn ?? null}::text AND facts."endsOn" = ${prepared?.facts.endsOn ?? null}::text
           AND facts."timeZone" = ${prepared?.facts.timeZone ?? null}::text
           AND facts."metricsStamp" = ${prepared?.facts.metricsStamp ?? null}::text
      ), claim AS (${claim}),
      ev AS (
        INSERT INTO publicity_event (id, tenant_id, campaign_id, organization_id, task_id, type, title, occurred_on,
                                     location, description, author_id, created_at, updated_at)
        SELECT ${view?.id ?? null}::uuid, ${tenantId}::uuid, ${campaignId}::uuid, ${dto.organizationId}::uuid, ${taskId}::uuid,
               ${dto.type}::"EventType", ${dto.title}, ${dto.occurredOn}::date, ${view?.location ?? null}, ${view?.description ?? null},
               ${userId}::uuid, ${view?.createdAt ?? null}::timestamptz, ${view?.createdAt ?? null}::timestamptz
          FROM claim
        RETURNING id, campaign_id, organization_id, occurred_on, type
      ), mv AS (
        INSERT INTO event_metric_value (tenant_id, event_id, metric_definition_id, value)
        SELECT ${tenantId}::uuid, ev.id, v.metric_id, v.value
          FROM ev, unnest(${entries.map((e) => e.def.id)}::uuid[], ${entries.map((e) => e.value)}::numeric[]) AS v(metric_id, value)
        RETURNING metric_definition_id, value
      ), ${createAggregateCtes(tenantId)}, au AS (
        INSERT INTO audit_entry (tenant_id, actor_id, action, entity_type, entity_id, organization_id, ip, request_id, changes, created_at)
        SELECT ${tenantId}::uuid, ${userId}::uuid, 'event.create', 'PublicityEvent', ev.id::text, ev.organization_id,
               ${ctx?.ip ?? null}, ${ctx?.requestId ?? null}, ${changes}::jsonb, ${view?.createdAt ?? null}::timestamptz
          FROM ev
      )
      SELECT facts.*, EXISTS (SELECT 1 FROM ok) AS passed, EXISTS (SELECT 1 FROM ev) AS inserted FROM facts`;
    return rows[0] ?? null;
  }
}
