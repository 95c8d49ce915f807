// Campaigns: create (from a template or blank), list, read, edit, launch and close.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CampaignTemplateView,
  type CampaignView,
  type MetricDefinitionInput,
  type Page,
  roleGrants,
} from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { isUniqueViolation } from '../../core/database/prisma-errors.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { Conflict, InvalidInput, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { type PageQueryDto, pageArgs } from '../../core/http/dto/page-query.dto.js';
import { dateToDay, dayToDate } from '../../core/time/calendar.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { CampaignAccessService } from './campaign-access.service.js';
import {
  assertNotClosed,
  type CampaignAction,
  checkCampaignDates,
  checkMetricKeys,
  nextStatus,
} from './campaign-rules.js';
import { toCampaignView } from './campaign-view.js';
import type { CreateCampaignDto, ListCampaignsQueryDto, UpdateCampaignDto } from './dto/campaign.dto.js';
import { ParticipantsService } from './participants.service.js';
import { CAMPAIGN_TEMPLATES, defaultTitle, findTemplate } from './templates/index.js';

type Tx = Prisma.TransactionClient;

@Injectable()
export class CampaignsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CampaignAccessService) private readonly campaigns: CampaignAccessService,
    @Inject(ParticipantsService) private readonly participants: ParticipantsService,
  ) {}

  /** Every template, in the list shape (one page holds them all). */
  templates(q: PageQueryDto): Page<CampaignTemplateView> {
    const { skip, take } = pageArgs(q);
    return {
      items: CAMPAIGN_TEMPLATES.slice(skip, skip + take),
      total: CAMPAIGN_TEMPLATES.length,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  private canManage(actor: Actor, organizerPath: string): boolean {
    return this.campaigns.covers(actor, 'campaign:write', organizerPath);
  }

  private async view(id: string, actor: Actor, db: Tx | PrismaService = this.prisma): Promise<CampaignView> {
    const c = await db.campaign.findFirstOrThrow({ where: { id }, include: CampaignAccessService.include });
    return toCampaignView(c, this.canManage(actor, c.organizer.path));
  }

  /** Campaigns organized inside the caller's scope or with a participating unit inside it. */
  async list(actor: Actor, q: ListCampaignsQueryDto): Promise<Page<CampaignView>> {
    const orgs = this.access.organizationWhere(actor, 'campaign:read');
    const where: Prisma.CampaignWhereInput = {
      tenantId: actor.tenantId,
      AND: [
        { OR: [{ organizer: orgs }, { participants: { some: { organization: orgs } } }] },
        q.status ? { status: q.status } : {},
        q.q ? { title: { contains: q.q, mode: 'insensitive' } } : {},
        q.organizerOrgId ? { organizerOrgId: q.organizerOrgId } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      this.prisma.campaign.findMany({
        where,
        include: CampaignAccessService.include,
        orderBy: [{ startsOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
        ...pageArgs(q),
      }),
      this.prisma.campaign.count({ where }),
    ]);
    return {
      items: rows.map((c) => toCampaignView(c, this.canManage(actor, c.organizer.path))),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<CampaignView> {
    const c = await this.campaigns.find(actor, id, 'campaign:read');
    return toCampaignView(c, this.canManage(actor, c.organizer.path));
  }

  /** The organizer: the one named, or the actor's only unit where it may write campaigns. */
  private organizerId(actor: Actor, requested: string | undefined): string {
    if (requested) return requested;
    const candidates = [
      ...new Set(actor.memberships.filter((m) => roleGrants(m.role, 'campaign:write')).map((m) => m.organizationId)),
    ];
    if (candidates.length !== 1)
      throw InvalidInput.field(
        'organizerOrgId',
        'organizerOrgId is required: you may organize campaigns for more than one unit',
      );
    return candidates[0]!;
  }

  async create(actor: Actor, dto: CreateCampaignDto): Promise<CampaignView> {
    let template: CampaignTemplateView | undefined;
    if (dto.templateKey !== undefined) {
      template = findTemplate(dto.templateKey);
      if (!template) {
        throw InvalidInput.field(
          'templateKey',
          `Unknown template ${dto.templateKey}; known: ${CAMPAIGN_TEMPLATES.map((t) => t.key).join(', ')}`,
        );
      }
    }
    const title = dto.title ?? (template ? defaultTitle(template, dto.startsOn) : undefined);
    if (!title) throw InvalidInput.field('title', 'title is required for a campaign without a template');
    checkCampaignDates(dto);
    const metrics: MetricDefinitionInput[] = dto.metrics ?? template?.metrics ?? [];
    checkMetricKeys(metrics);

    const organizer = await this.campaigns.organizationInScope(
      actor,
      this.organizerId(actor, dto.organizerOrgId),
      'campaign:write',
    );
    if (organizer.archivedAt) throw InvalidInput.field('organizerOrgId', 'The organizer unit is archived');
    const id = randomUUID();
    const keys = { id, tenantId: actor.tenantId, organizerOrgId: organizer.id, organizer };
    const plan = dto.participants ? await this.participants.plan(actor, keys, dto.participants, 'participants.') : null;

    return this.prisma.$transaction(async (tx) => {
      await tx.campaign.create({
        data: {
          id,
          tenantId: actor.tenantId,
          organizerOrgId: organizer.id,
          title,
          templateKey: template?.key ?? null,
          startsOn: dayToDate(dto.startsOn),
          endsOn: dayToDate(dto.endsOn),
          reportDueOn: dayToDate(dto.reportDueOn),
          directiveTitle: dto.directiveTitle ?? null,
          directiveNumber: dto.directiveNumber ?? null,
          purpose: dto.purpose ?? template?.purpose ?? null,
          goals: dto.goals ?? template?.goals ?? null,
          suggestedEventTypes: dto.suggestedEventTypes ?? template?.suggestedEventTypes ?? [],
          createdById: actor.userId,
        },
      });
      if (metrics.length) {
        await tx.metricDefinition.createMany({
          data: metrics.map((m, i) => ({
            tenantId: actor.tenantId,
            campaignId: id,
            key: m.key,
            label: m.label,
            unit: m.unit,
            kind: m.kind,
            sortOrder: i,
          })),
        });
      }
      const added = plan ? await this.participants.insert(tx, keys, plan) : 0;
      await this.audit.record(
        {
          action: 'campaign.create',
          entityType: 'Campaign',
          entityId: id,
          organizationId: organizer.id,
          changes: {
            title,
            templateKey: template?.key ?? null,
            organizerOrgId: organizer.id,
            startsOn: dto.startsOn,
            endsOn: dto.endsOn,
            reportDueOn: dto.reportDueOn,
            participantsAdded: added,
          },
        },
        tx,
      );
      return this.view(id, actor, tx);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateCampaignDto): Promise<CampaignView> {
    const c = await this.campaigns.find(actor, id, 'campaign:write', true);
    assertNotClosed(c);
    const dates = {
      startsOn: dto.startsOn ?? dateToDay(c.startsOn),
      endsOn: dto.endsOn ?? dateToDay(c.endsOn),
      reportDueOn: dto.reportDueOn ?? dateToDay(c.reportDueOn),
    };
    checkCampaignDates(dates);
    if (dto.reportDueOn !== undefined) {
      const late = await this.prisma.task.count({
        where: { tenantId: actor.tenantId, campaignId: id, dueOn: { gt: dayToDate(dates.reportDueOn) } },
      });
      if (late > 0)
        throw InvalidInput.field('reportDueOn', `${late} task(s) are due after ${dates.reportDueOn}; move them first`);
    }
    if (dto.startsOn !== undefined || dto.endsOn !== undefined) {
      // A shorter period may not leave logged events outside it (like a metric that events count: 409).
      const outside = await this.prisma.publicityEvent.count({
        where: {
          tenantId: actor.tenantId,
          campaignId: id,
          OR: [{ occurredOn: { lt: dayToDate(dates.startsOn) } }, { occurredOn: { gt: dayToDate(dates.endsOn) } }],
        },
      });
      if (outside > 0)
        throw new Conflict(
          `${outside} logged event(s) fall outside ${dates.startsOn} – ${dates.endsOn}; the period must keep them`,
          { field: dto.startsOn !== undefined ? 'startsOn' : 'endsOn', events: outside },
        );
    }
    if (dto.metrics) checkMetricKeys(dto.metrics);

    return this.prisma
      .$transaction(async (tx) => {
        const data: Prisma.CampaignUpdateInput = {};
        if (dto.title !== undefined) data.title = dto.title;
        if (dto.startsOn !== undefined) data.startsOn = dayToDate(dto.startsOn);
        if (dto.endsOn !== undefined) data.endsOn = dayToDate(dto.endsOn);
        if (dto.reportDueOn !== undefined) data.reportDueOn = dayToDate(dto.reportDueOn);
        for (const k of ['directiveTitle', 'directiveNumber', 'purpose', 'goals'] as const) {
          if (dto[k] !== undefined) data[k] = dto[k] || null;
        }
        if (dto.suggestedEventTypes !== undefined) data.suggestedEventTypes = dto.suggestedEventTypes;
        await tx.campaign.update({ where: { id }, data });
        if (dto.metrics) await this.replaceMetrics(tx, actor, id, dto.metrics);
        await this.audit.record(
          {
            action: 'campaign.update',
            entityType: 'Campaign',
            entityId: id,
            organizationId: c.organizerOrgId,
            changes: JSON.parse(JSON.stringify(dto)),
          },
          tx,
        );
        return this.view(id, actor, tx);
      })
      .catch((error: unknown) => {
        // two edits adding the same metric key at once: the second loses
        if (isUniqueViolation(error))
          throw new Conflict('The campaign was edited at the same time; reload it and try again', { field: 'metrics' });
        throw error;
      });
  }

  /** Keys kept are updated in place, new keys created, dropped keys deleted unless events already count them (409). */
  private async replaceMetrics(
    tx: Tx,
    actor: Actor,
    campaignId: string,
    metrics: MetricDefinitionInput[],
  ): Promise<void> {
    const existing = await tx.metricDefinition.findMany({ where: { tenantId: actor.tenantId, campaignId } });
    const wanted = new Set(metrics.map((m) => m.key));
    const dropped = existing.filter((m) => !wanted.has(m.key));
    if (dropped.length) {
      const used = await tx.eventMetricValue.groupBy({
        by: ['metricDefinitionId'],
        where: { tenantId: actor.tenantId, metricDefinitionId: { in: dropped.map((m) => m.id) } },
      });
      if (used.length) {
        const keys = dropped.filter((m) => used.some((u) => u.metricDefinitionId === m.id)).map((m) => m.key);
        throw new Conflict(`Events already count ${keys.join(', ')}: these metrics cannot be removed`, {
          field: 'metrics',
          keys,
        });
      }
      // their aggregate rows (at zero: no event counts them) go with them (decision 040)
      await tx.$executeRaw`
        DELETE FROM campaign_unit_day_type_metric
         WHERE tenant_id = ${actor.tenantId}::uuid AND campaign_id = ${campaignId}::uuid
           AND metric_definition_id = ANY(${dropped.map((m) => m.id)}::uuid[])`;
      await tx.metricDefinition.deleteMany({ where: { id: { in: dropped.map((m) => m.id) } } });
    }
    const byKey = new Map(existing.map((m) => [m.key, m]));
    for (const [i, m] of metrics.entries()) {
      const data = { label: m.label, unit: m.unit, kind: m.kind, sortOrder: i };
      const found = byKey.get(m.key);
      if (found) await tx.metricDefinition.update({ where: { id: found.id }, data });
      else await tx.metricDefinition.create({ data: { ...data, key: m.key, tenantId: actor.tenantId, campaignId } });
    }
  }

  /** launch: DRAFT → ACTIVE; close: ACTIVE → CLOSED; anything else 422. */
  async transition(actor: Actor, id: string, action: CampaignAction): Promise<CampaignView> {
    const c = await this.campaigns.find(actor, id, 'campaign:write', true);
    const to = nextStatus(c.status, action);
    return this.prisma.$transaction(async (tx) => {
      const now = new Date();
      const res = await tx.campaign.updateMany({
        where: { id, tenantId: actor.tenantId, status: c.status },
        data: { status: to, ...(action === 'launch' ? { launchedAt: now } : { closedAt: now }) },
      });
      if (res.count === 0)
        throw new TransitionNotAllowed('The campaign changed meanwhile; reload it', { from: c.status, to });
      await this.audit.record(
        {
          action: `campaign.${action}`,
          entityType: 'Campaign',
          entityId: id,
          organizationId: c.organizerOrgId,
          changes: { from: c.status, to },
        },
        tx,
      );
      return this.view(id, actor, tx);
    });
  }
}
