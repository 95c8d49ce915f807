// Logging one event: the hot path, kept to one read and one write (docs/decisions/022-event-create-path.md).
//   read : one query gathers the actor (the user named by the token, active, with its memberships: the
//          route reads it itself, decision 031), the campaign (visible to the actor?), the unit (in scope?
//          participant?), the unit's latest summary status, the metric definitions and, when given, the task.
//   write: one statement inserts the event, its metric values and the audit entry (data-modifying CTEs:
//          atomic without an explicit transaction). With an Idempotency-Key the same statement also claims
//          the key and stores the answer (decision 020); the key is looked up (an earlier answer replayed,
//          another request's key 409) only when the checks refuse or the claim finds the key taken.
import { randomUUID } from 'node:crypto';
import { type EventView, ROLES, roleGrants } from '@campaign-month/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { actorMembershipsSql, actorOf, type Principal } from '../../core/auth/actor-in-route.js';
import type { Actor, ActorMembership } from '../../core/context/request-context.js';
import { requestContext } from '../../core/context/request-context.js';
import { type DirectDb, PrismaService } from '../../core/database/prisma.service.js';
import { Conflict, InvalidInput, NotFound } from '../../core/errors/domain-errors.js';
import {
  type IdempotencyRequest,
  IdempotencyService,
  type IdempotentResult,
} from '../../core/idempotency/idempotency.service.js';
import { requestHash } from '../../core/idempotency/request-hash.js';
import { todayIn } from '../../core/time/calendar.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { CreateEventDto } from './dto/event.dto.js';
import { EventAccessService, latestSummaryStatusSql } from './event-access.service.js';
import { entriesToValues, type MetricDef, parseMetrics } from './metric-values.js';

interface CreateContext {
  /** The active user and its memberships; null when the token's user is not (or no longer) active. */
  email: string | null;
  memberships: ActorMembership[] | null;
  /** The campaign is one the actor may log events for; the other fields are null when not. */
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
  taskOk: boolean;
}

/** The roles whose memberships log events: the scope of a create. */
const WRITER_ROLES = ROLES.filter((role) => roleGrants(role, 'event:write'));

@Injectable()
export class EventCreateService {
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
    const db = this.prisma.direct;
    const ctx = await this.context(db, principal, campaignId, dto);
    // 401 (user no longer active) and 403 (no role that logs events) come first, as the guards answer them.
    const actor = actorOf(
      principal,
      ctx.memberships && { email: ctx.email!, memberships: ctx.memberships },
      'event:write',
    );
    const request: IdempotencyRequest | null = idempotencyKey
      ? {
          tenantId: actor.tenantId,
          scope: `events.create user:${actor.userId}`,
          key: idempotencyKey,
          requestHash: requestHash({ campaignId, body: dto }),
        }
      : null;
    // The key is looked up only when this request cannot go through as new: a first attempt (the usual
    // case) costs no extra round trip. A retry of a request that succeeded is still answered from its
    // record, whatever the checks would say now, and a key used for another request still answers 409.
    let entries: ReturnType<typeof parseMetrics>['entries'];
    try {
      entries = this.check(ctx, dto);
    } catch (refusal) {
      const earlier = request ? await this.idempotency.replay<EventView>(request) : null;
      if (earlier) return earlier;
      throw refusal;
    }
    if (request) this.idempotency.sometimesPurgeExpired();
    const view = this.view(actor, campaignId, dto, ctx.unitName!, entries);
    const written = await this.insert(db, actor, view, entries, request);
    if (written.inserted) return { status: 201, body: view, replayed: false };
    // Not written: the key was taken (by an earlier request, or a concurrent one that committed first, whose
    // statement this one waited for), or the unit's summary was approved after the checks.
    const earlier = request ? await this.idempotency.replay<EventView>(request) : null;
    if (earlier) return earlier;
    if (written.locked) this.rules.assertOpen({ campaignStatus: 'ACTIVE', summaryStatus: 'APPROVED' });
    throw new Conflict('A request with this Idempotency-Key is still in progress; retry shortly', {
      header: 'Idempotency-Key',
    });
  }

  /**
   * The actor and the checks' facts in one statement. The scope is the paths of the actor's memberships whose
   * role logs events, read from the same memberships the actor is built from.
   */
  private async context(
    db: DirectDb,
    principal: Principal,
    campaignId: string,
    dto: CreateEventDto,
  ): Promise<CreateContext> {
    const taskId = dto.taskId ?? null;
    const rows = await db.$queryRaw<CreateContext[]>`
      WITH me AS (
        SELECT u.id, u.email, ${actorMembershipsSql} AS memberships
          FROM app_user u
         WHERE u.id = ${principal.userId}::uuid AND u.tenant_id = ${principal.tenantId}::uuid AND u.is_active
      ), scope AS (
        SELECT coalesce(array_agg((j->>'path') || '%'), '{}'::text[]) AS patterns
          FROM me, json_array_elements(me.memberships) j
         WHERE j->>'role' = ANY(${WRITER_ROLES}::text[])
      )
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
                 (SELECT COALESCE(json_agg(json_build_object('id', m.id, 'key', m.key, 'label', m.label, 'unit', m.unit, 'kind', m.kind)
                                           ORDER BY m.sort_order, m.key), '[]'::json)
                    FROM metric_definition m WHERE m.tenant_id = c.tenant_id AND m.campaign_id = c.id) AS metrics,
                 (${taskId}::uuid IS NULL OR EXISTS (
                    SELECT 1 FROM task t WHERE t.tenant_id = c.tenant_id AND t.id = ${taskId}::uuid
                                           AND t.campaign_id = c.id AND t.organization_id = u.id)) AS "taskOk"
            FROM campaign c
            LEFT JOIN organization u ON u.tenant_id = c.tenant_id AND u.id = ${dto.organizationId}::uuid
           WHERE c.tenant_id = ${principal.tenantId}::uuid AND c.id = ${campaignId}::uuid
             AND (EXISTS (SELECT 1 FROM organization o
                           WHERE o.tenant_id = c.tenant_id AND o.id = c.organizer_org_id AND o.path LIKE ANY(scope.patterns))
                  OR EXISTS (SELECT 1 FROM participant p
                               JOIN organization po ON po.tenant_id = p.tenant_id AND po.id = p.organization_id
                              WHERE p.tenant_id = c.tenant_id AND p.campaign_id = c.id AND po.path LIKE ANY(scope.patterns)))
        ) ctx ON true`;
    return rows[0] ?? ({ email: null, memberships: null, found: null } as CreateContext);
  }

  /** The rules, in the order a client can act on them: 404, then 422 (state), then 400 (fields). */
  private check(ctx: CreateContext, dto: CreateEventDto) {
    if (!ctx.found) throw new NotFound('Campaign');
    if (!ctx.unitInScope || ctx.unitName === null) throw new NotFound('Organization');
    this.rules.assertOpen({ campaignStatus: ctx.status, summaryStatus: ctx.summaryStatus });
    if (!ctx.unitParticipates)
      throw InvalidInput.field('organizationId', 'The unit does not take part in this campaign');
    this.rules.assertInPeriod(dto.occurredOn, ctx, todayIn(ctx.timeZone));
    if (!ctx.taskOk) throw InvalidInput.field('taskId', "taskId must name one of this unit's tasks in this campaign");
    const { entries, errors } = parseMetrics(dto.metrics, ctx.metrics);
    if (errors.length) throw new InvalidInput(`Invalid metrics: ${errors.map((e) => e.field).join(', ')}`, errors);
    return entries;
  }

  private view(
    actor: Actor,
    campaignId: string,
    dto: CreateEventDto,
    unitName: string,
    entries: ReturnType<typeof parseMetrics>['entries'],
  ): EventView {
    const now = new Date().toISOString();
    return {
      id: randomUUID(),
      campaignId,
      organizationId: dto.organizationId,
      organizationName: unitName,
      taskId: dto.taskId ?? null,
      type: dto.type,
      title: dto.title,
      occurredOn: dto.occurredOn,
      location: dto.location || null,
      description: dto.description || null,
      metrics: entriesToValues(entries),
      photoCount: 0,
      offDayPhotoCount: 0,
      authorId: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
  }

  /**
   * One statement: (the key's claim,) the event, its metric values and the audit entry. Every write reads
   * FROM claim, which has a row only when the unit's summary is not approved (checked again here: an
   * approval that landed after the checks wins) and, with a key, when the key was free.
   */
  private async insert(
    db: DirectDb,
    actor: Actor,
    view: EventView,
    entries: ReturnType<typeof parseMetrics>['entries'],
    request: IdempotencyRequest | null,
  ): Promise<{ inserted: boolean; locked: boolean }> {
    const ctx = requestContext.get();
    const changes = JSON.stringify({
      campaignId: view.campaignId,
      organizationId: view.organizationId,
      type: view.type,
      title: view.title,
      occurredOn: view.occurredOn,
      metrics: view.metrics,
    });
    const summaryStatus = latestSummaryStatusSql(
      Prisma.sql`${actor.tenantId}::uuid`,
      Prisma.sql`${view.campaignId}::uuid`,
      Prisma.sql`${view.organizationId}::uuid`,
    );
    const open = Prisma.sql`coalesce(${summaryStatus}, '') <> 'APPROVED'`;
    const claim = request
      ? this.idempotency.claimSql(request, 201, view, open)
      : Prisma.sql`SELECT NULL::uuid AS id WHERE ${open}`;
    // Written here rather than through AuditService so that the event, its values and the audit entry are one statement.
    const [result] = await db.$queryRaw<{ inserted: boolean; locked: boolean }[]>`
      WITH claim AS (${claim}),
      ev AS (
        INSERT INTO publicity_event (id, tenant_id, campaign_id, organization_id, task_id, type, title, occurred_on,
                                     location, description, author_id, created_at, updated_at)
        SELECT ${view.id}::uuid, ${actor.tenantId}::uuid, ${view.campaignId}::uuid, ${view.organizationId}::uuid, ${view.taskId}::uuid,
               ${view.type}::"EventType", ${view.title}, ${view.occurredOn}::date, ${view.location}, ${view.description},
               ${actor.userId}::uuid, ${view.createdAt}::timestamptz, ${view.createdAt}::timestamptz
          FROM claim
        RETURNING id
      ), mv AS (
        INSERT INTO event_metric_value (tenant_id, event_id, metric_definition_id, value)
        SELECT ${actor.tenantId}::uuid, ev.id, v.metric_id, v.value
          FROM ev, unnest(${entries.map((e) => e.def.id)}::uuid[], ${entries.map((e) => e.value)}::numeric[]) AS v(metric_id, value)
      ), au AS (
        INSERT INTO audit_entry (tenant_id, actor_id, action, entity_type, entity_id, ip, request_id, changes, created_at)
        SELECT ${actor.tenantId}::uuid, ${actor.userId}::uuid, 'event.create', 'PublicityEvent', ev.id::text,
               ${ctx?.ip ?? null}, ${ctx?.requestId ?? null}, ${changes}::jsonb, ${view.createdAt}::timestamptz
          FROM ev
      )
      SELECT EXISTS (SELECT 1 FROM ev) AS inserted, NOT (${open}) AS locked`;
    return result!;
  }
}
