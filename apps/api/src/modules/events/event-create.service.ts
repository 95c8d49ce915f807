// Logging one event: the hot path, kept to one read and one write (docs/decisions/022-event-create-path.md).
//   read : one query gathers the campaign (visible to the actor?), the unit (in scope? participant?), the
//          unit's latest summary status, the metric definitions and, when given, the task.
//   write: one statement inserts the event, its metric values and the audit entry (data-modifying CTEs:
//          atomic without an explicit transaction). With an Idempotency-Key the same statement runs inside
//          the transaction that claims the key.
import { randomUUID } from 'node:crypto';
import type { EventView } from '@campaign-month/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../core/context/request-context.js';
import { requestContext } from '../../core/context/request-context.js';
import { InvalidInput, NotFound } from '../../core/errors/domain-errors.js';
import { type Db, IdempotencyService, type IdempotentResult } from '../../core/idempotency/idempotency.service.js';
import { requestHash } from '../../core/idempotency/request-hash.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { CreateEventDto } from './dto/event.dto.js';
import { EventAccessService, latestSummaryStatusSql } from './event-access.service.js';
import { entriesToValues, type MetricDef, parseMetrics } from './metric-values.js';

interface CreateContext {
  status: string;
  startsOn: string;
  endsOn: string;
  unitName: string | null;
  unitInScope: boolean;
  unitParticipates: boolean;
  summaryStatus: string | null;
  metrics: MetricDef[];
  taskOk: boolean;
}

@Injectable()
export class EventCreateService {
  constructor(
    @Inject(EventAccessService) private readonly rules: EventAccessService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
  ) {}

  async create(
    actor: Actor,
    campaignId: string,
    dto: CreateEventDto,
    idempotencyKey: string | null,
  ): Promise<IdempotentResult<EventView>> {
    const request = idempotencyKey
      ? {
          tenantId: actor.tenantId,
          scope: `events.create user:${actor.userId}`,
          key: idempotencyKey,
          requestHash: requestHash({ campaignId, body: dto }),
        }
      : null;
    // With a key, the checks run inside the transaction that claimed it: a refused request rolls the claim
    // back (nothing stored, a corrected retry may reuse the key), and a retry of a request that succeeded
    // is answered from the record without running the checks again.
    return this.idempotency.run(request, 201, (db) => this.checkAndInsert(db, actor, campaignId, dto));
  }

  private async checkAndInsert(db: Db, actor: Actor, campaignId: string, dto: CreateEventDto): Promise<EventView> {
    const ctx = await this.context(db, actor, campaignId, dto);
    const entries = this.check(ctx, dto);
    return this.insert(db, actor, campaignId, dto, ctx.unitName!, entries);
  }

  private async context(db: Db, actor: Actor, campaignId: string, dto: CreateEventDto): Promise<CreateContext> {
    const patterns = this.rules.scopePatterns(actor, 'event:write');
    const taskId = dto.taskId ?? null;
    const rows = await db.$queryRaw<CreateContext[]>`
      SELECT c.status::text AS status, c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn",
             u.name AS "unitName",
             COALESCE(u.path LIKE ANY(${patterns}::text[]), false) AS "unitInScope",
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
       WHERE c.tenant_id = ${actor.tenantId}::uuid AND c.id = ${campaignId}::uuid
         AND (EXISTS (SELECT 1 FROM organization o
                       WHERE o.tenant_id = c.tenant_id AND o.id = c.organizer_org_id AND o.path LIKE ANY(${patterns}::text[]))
              OR EXISTS (SELECT 1 FROM participant p
                           JOIN organization po ON po.tenant_id = p.tenant_id AND po.id = p.organization_id
                          WHERE p.tenant_id = c.tenant_id AND p.campaign_id = c.id AND po.path LIKE ANY(${patterns}::text[])))`;
    if (!rows[0]) throw new NotFound('Campaign');
    return rows[0];
  }

  /** The rules, in the order a client can act on them: 404, then 422 (state), then 400 (fields). */
  private check(ctx: CreateContext, dto: CreateEventDto) {
    if (!ctx.unitInScope || ctx.unitName === null) throw new NotFound('Organization');
    this.rules.assertOpen({ campaignStatus: ctx.status, summaryStatus: ctx.summaryStatus });
    if (!ctx.unitParticipates)
      throw InvalidInput.field('organizationId', 'The unit does not take part in this campaign');
    this.rules.assertInPeriod(dto.occurredOn, ctx);
    if (!ctx.taskOk) throw InvalidInput.field('taskId', "taskId must name one of this unit's tasks in this campaign");
    const { entries, errors } = parseMetrics(dto.metrics, ctx.metrics);
    if (errors.length) throw new InvalidInput(`Invalid metrics: ${errors.map((e) => e.field).join(', ')}`, errors);
    return entries;
  }

  private async insert(
    db: Db,
    actor: Actor,
    campaignId: string,
    dto: CreateEventDto,
    unitName: string,
    entries: ReturnType<typeof parseMetrics>['entries'],
  ): Promise<EventView> {
    const id = randomUUID();
    const now = new Date();
    const metrics = entriesToValues(entries);
    const view: EventView = {
      id,
      campaignId,
      organizationId: dto.organizationId,
      organizationName: unitName,
      taskId: dto.taskId ?? null,
      type: dto.type,
      title: dto.title,
      occurredOn: dto.occurredOn,
      location: dto.location || null,
      description: dto.description || null,
      metrics,
      photoCount: 0,
      authorId: actor.userId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const ctx = requestContext.get();
    const changes = JSON.stringify({
      campaignId,
      organizationId: view.organizationId,
      type: view.type,
      title: view.title,
      occurredOn: view.occurredOn,
      metrics,
    });
    // Written here rather than through AuditService so that the event, its values and the audit entry are one statement.
    const written = await db.$executeRaw`
      WITH ev AS (
        INSERT INTO publicity_event (id, tenant_id, campaign_id, organization_id, task_id, type, title, occurred_on,
                                     location, description, author_id, created_at, updated_at)
        SELECT ${id}::uuid, ${actor.tenantId}::uuid, ${campaignId}::uuid, ${view.organizationId}::uuid, ${view.taskId}::uuid,
               ${view.type}::"EventType", ${view.title}, ${view.occurredOn}::date, ${view.location}, ${view.description},
               ${actor.userId}::uuid, ${now}::timestamptz, ${now}::timestamptz
         -- checked again in the writing statement: an approval that landed after the checks wins
         WHERE coalesce(${latestSummaryStatusSql(Prisma.sql`${actor.tenantId}::uuid`, Prisma.sql`${campaignId}::uuid`, Prisma.sql`${view.organizationId}::uuid`)}, '') <> 'APPROVED'
        RETURNING id
      ), mv AS (
        INSERT INTO event_metric_value (tenant_id, event_id, metric_definition_id, value)
        SELECT ${actor.tenantId}::uuid, ev.id, v.metric_id, v.value
          FROM ev, unnest(${entries.map((e) => e.def.id)}::uuid[], ${entries.map((e) => e.value)}::numeric[]) AS v(metric_id, value)
      )
      INSERT INTO audit_entry (tenant_id, actor_id, action, entity_type, entity_id, ip, request_id, changes, created_at)
      SELECT ${actor.tenantId}::uuid, ${actor.userId}::uuid, 'event.create', 'PublicityEvent', ev.id::text,
             ${ctx?.ip ?? null}, ${ctx?.requestId ?? null}, ${changes}::jsonb, ${now}::timestamptz
        FROM ev`;
    if (written === 0) this.rules.assertOpen({ campaignStatus: 'ACTIVE', summaryStatus: 'APPROVED' });
    return view;
  }
}
