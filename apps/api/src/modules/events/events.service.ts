import type { EventDetailView, EventView, Page } from '@campaign-month/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { InvalidInput, NotFound } from '../../core/errors/domain-errors.js';
import { pageArgs } from '../../core/http/dto/page-query.dto.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../core/storage/object-storage.js';
import { dayToDate, todayIn } from '../../core/time/calendar.js';
import type { EventType, Prisma } from '../../generated/prisma/client.js';
import type { EventFilterQueryDto, ListEventsQueryDto, UpdateEventDto } from './dto/event.dto.js';
import { EventAccessService } from './event-access.service.js';
import {
  type EventContribution,
  editDeltaSql,
  eventsDeltaSql,
  eventValuesSql,
  lockEventContributionSql,
} from './event-aggregates.sql.js';
import { type EventRow, eventSelect, photoSelect, toEventDetailView, toEventView } from './event-view.js';
import { entriesToValues, parseMetrics } from './metric-values.js';

@Injectable()
export class EventsService {
  private readonly logger = new Logger('Events');

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EventAccessService) private readonly rules: EventAccessService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /**
   * The filter for a campaign's events the actor may read: the campaign must be visible (else 404), a named
   * unit or subtree root must lie inside the scope (else 404), and rows are limited to units in scope.
   */
  async campaignEventsWhere(actor: Actor, campaignId: string, q: EventFilterQueryDto) {
    const campaign = await this.access.findCampaign(actor, campaignId, 'event:read');
    const orgs = this.access.organizationWhere(actor, 'event:read');
    if (q.from && q.to && q.from > q.to) throw InvalidInput.field('from', 'from must not be after to');
    const and: Prisma.PublicityEventWhereInput[] = [
      { tenantId: actor.tenantId, campaignId: campaign.id, organization: orgs },
    ];
    // one unit's events: the unit must be in scope (its name also names a one-unit ledger file)
    let unit: { name: string } | null = null;
    if (q.organizationId) {
      unit = await this.prisma.organization.findFirst({
        where: { AND: [{ id: q.organizationId }, orgs] },
        select: { name: true },
      });
      if (!unit) throw new NotFound('Organization');
      and.push({ organizationId: q.organizationId });
    }
    if (q.subtreeOf) {
      const root = await this.prisma.organization.findFirst({
        where: { AND: [{ id: q.subtreeOf }, orgs] },
        select: { path: true },
      });
      if (!root) throw new NotFound('Organization');
      and.push({ organization: { tenantId: actor.tenantId, path: { startsWith: root.path } } });
    }
    if (q.type) and.push({ type: q.type as EventType });
    if (q.from || q.to)
      and.push({
        occurredOn: { ...(q.from ? { gte: dayToDate(q.from) } : {}), ...(q.to ? { lte: dayToDate(q.to) } : {}) },
      });
    if (q.taskId) and.push({ taskId: q.taskId });
    return { campaign, unit, where: { AND: and } satisfies Prisma.PublicityEventWhereInput };
  }

  async list(actor: Actor, campaignId: string, q: ListEventsQueryDto): Promise<Page<EventView>> {
    const { where } = await this.campaignEventsWhere(actor, campaignId, q);
    const order = q.order ?? 'desc';
    const orderBy: Prisma.PublicityEventOrderByWithRelationInput[] =
      (q.sort ?? 'occurredOn') === 'occurredOn'
        ? [{ occurredOn: order }, { createdAt: order }, { id: order }]
        : [{ createdAt: order }, { id: order }];
    const [rows, total] = await Promise.all([
      this.prisma.publicityEvent.findMany({ where, select: eventSelect, orderBy, ...pageArgs(q) }),
      this.prisma.publicityEvent.count({ where }),
    ]);
    const offDay = await this.offDayPhotoCounts(actor, rows as EventRow[]);
    return {
      items: (rows as EventRow[]).map((r) => toEventView(r, offDay.get(r.id) ?? 0)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Per event of a page with photos: how many carry the capture-day hint (one grouped query, not one per event). */
  private async offDayPhotoCounts(actor: Actor, rows: EventRow[]): Promise<Map<string, number>> {
    const withPhotos = rows.filter((r) => r._count.photos > 0).map((r) => r.id);
    if (withPhotos.length === 0) return new Map();
    const groups = await this.prisma.eventPhoto.groupBy({
      by: ['eventId'],
      where: { tenantId: actor.tenantId, eventId: { in: withPhotos }, capturedOutsideEventDay: true },
      _count: { _all: true },
    });
    return new Map(groups.map((g) => [g.eventId, g._count._all]));
  }

  async get(actor: Actor, id: string): Promise<EventDetailView> {
    const row = await this.prisma.publicityEvent.findFirst({
      where: { AND: [{ id }, this.rules.readableWhere(actor)] },
      select: { ...eventSelect, photos: { select: photoSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    });
    if (!row) throw new NotFound('Event');
    return toEventDetailView(row);
  }

  async update(actor: Actor, id: string, dto: UpdateEventDto): Promise<EventDetailView> {
    const target = await this.rules.forWrite(actor, id);
    this.rules.assertOpen(target);
    if (dto.occurredOn !== undefined) this.rules.assertInPeriod(dto.occurredOn, target, todayIn(target.timeZone));
    if (dto.taskId) await this.rules.assertTask(actor.tenantId, target.campaignId, target.organizationId, dto.taskId);
    let entries: ReturnType<typeof parseMetrics>['entries'] | null = null;
    if (dto.metrics !== undefined) {
      const parsed = parseMetrics(dto.metrics, await this.rules.metricDefinitions(actor.tenantId, target.campaignId));
      if (parsed.errors.length)
        throw new InvalidInput(`Invalid metrics: ${parsed.errors.map((e) => e.field).join(', ')}`, parsed.errors);
      entries = parsed.entries;
    }
    const data: Prisma.PublicityEventUncheckedUpdateInput = {};
    if (dto.type !== undefined) data.type = dto.type as EventType;
    if (dto.title !== undefined) data.title = dto.title;
    if (dto.occurredOn !== undefined) data.occurredOn = dayToDate(dto.occurredOn);
    if (dto.location !== undefined) data.location = dto.location || null;
    if (dto.description !== undefined) data.description = dto.description || null;
    if (dto.taskId !== undefined) data.taskId = dto.taskId;

    await this.prisma.$transaction(async (tx) => {
      await this.rules.assertOpenWhereWriting(tx, actor.tenantId, target.campaignId, [target.organizationId]);
      // The event as it stands, read under its row lock: what the aggregates lose (decision 040).
      const [locked] = await tx.$queryRaw<Omit<EventContribution, 'values'>[]>(
        lockEventContributionSql(actor.tenantId, id),
      );
      if (!locked) throw new NotFound('Event');
      const contribution: EventContribution = {
        ...locked,
        values: await tx.$queryRaw<EventContribution['values']>(eventValuesSql(actor.tenantId, id)),
      };
      await tx.publicityEvent.update({
        where: { tenantId_id: { tenantId: actor.tenantId, id } },
        data: { ...data, updatedAt: new Date() },
      });
      let before: Record<string, string> | undefined;
      if (entries) {
        const removed = await tx.$queryRaw<{ key: string; value: string }[]>`
          DELETE FROM event_metric_value v USING metric_definition d
           WHERE v.tenant_id = ${actor.tenantId}::uuid AND v.event_id = ${id}::uuid
             AND d.tenant_id = v.tenant_id AND d.id = v.metric_definition_id
          RETURNING d.key, v.value::text AS value`;
        before = Object.fromEntries(removed.map((r) => [r.key, r.value]));
        if (entries.length) {
          await tx.eventMetricValue.createMany({
            data: entries.map((e) => ({
              tenantId: actor.tenantId,
              eventId: id,
              metricDefinitionId: e.def.id,
              value: e.value,
            })),
          });
        }
      }
      if (dto.occurredOn !== undefined && dto.occurredOn !== target.occurredOn) {
        // The capture-day hint of the event's photos follows the event's day.
        await tx.$executeRaw`
          UPDATE event_photo
             SET captured_outside_event_day = (captured_at IS NOT NULL AND (captured_at AT TIME ZONE ${target.timeZone})::date <> ${dto.occurredOn}::date)
           WHERE tenant_id = ${actor.tenantId}::uuid AND event_id = ${id}::uuid`;
      }
      await tx.$executeRaw(editDeltaSql(actor.tenantId, id, contribution));
      const { metrics: _m, ...fields } = dto;
      await this.audit.record(
        {
          action: 'event.update',
          entityType: 'PublicityEvent',
          entityId: id,
          organizationId: target.organizationId,
          changes: {
            before: { ...pick(target, Object.keys(fields)), ...(before ? { metrics: before } : {}) },
            after: { ...fields, ...(entries ? { metrics: entriesToValues(entries) } : {}) },
          } as Prisma.InputJsonValue,
        },
        tx,
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const target = await this.rules.forWrite(actor, id);
    this.rules.assertOpen(target);
    const photos = await this.prisma.$transaction(async (tx) => {
      await this.rules.assertOpenWhereWriting(tx, actor.tenantId, target.campaignId, [target.organizationId]);
      const [locked] = await tx.$queryRaw<unknown[]>(lockEventContributionSql(actor.tenantId, id));
      if (!locked) throw new NotFound('Event');
      await tx.$executeRaw(eventsDeltaSql(actor.tenantId, [id], -1));
      const photos = await tx.eventPhoto.findMany({
        where: { tenantId: actor.tenantId, eventId: id },
        select: { storageKey: true, thumbnailKey: true },
      });
      await tx.publicityEvent.delete({ where: { tenantId_id: { tenantId: actor.tenantId, id } } });
      await this.audit.record(
        {
          action: 'event.delete',
          entityType: 'PublicityEvent',
          entityId: id,
          organizationId: target.organizationId,
          changes: {
            campaignId: target.campaignId,
            organizationId: target.organizationId,
            type: target.type,
            title: target.title,
            occurredOn: target.occurredOn,
            photos: photos.length,
          },
        },
        tx,
      );
      return photos;
    });
    await this.deleteObjects(photos.flatMap((p) => [p.storageKey, p.thumbnailKey]));
  }

  /** Objects go after the rows are gone; a failure leaves an orphan object, never a row without its object. */
  async deleteObjects(keys: (string | null)[]): Promise<void> {
    for (const key of keys) {
      if (!key) continue;
      await this.storage
        .delete(key)
        .catch((err: Error) => this.logger.warn({ key, err: err.message }, 'could not delete a stored object'));
    }
  }
}

function pick(obj: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in obj) out[k] = (obj as Record<string, unknown>)[k];
  return out;
}
