// 催办: an organizer of the campaign chases units (all participants in scope, or the ones named, narrowed by
// a filter). Each unit is chased at most once per clock hour: the reminder row's unique key
// (tenant, campaign, unit, hour) decides between requests sent at once (INSERT … ON CONFLICT DO NOTHING),
// and the units that lost are reported as skipped. The notification, the deliveries to the unit's channels,
// the reminder row and the audit entry are written in one transaction per request.
import { Inject, Injectable } from '@nestjs/common';
import type { ChaseFilter, ChaseResult, ChaseView, Page, ReminderRules } from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { NotFound, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { pageArgs, type PageQueryDto } from '../../core/http/dto/page-query.dto.js';
import { DEFAULT_TIME_ZONE, todayIn } from '../../core/time/calendar.js';
import { Prisma } from '../../generated/prisma/client.js';
import { NotificationWriter } from '../notifications/notification-writer.service.js';
import type { ChaseDto } from './dto/reminders.dto.js';
import { ReminderRulesService } from './reminder-rules.service.js';

const DEFAULT_MESSAGES: Record<ChaseFilter | 'ANY', string> = {
  OVERDUE: '贵单位有逾期未完成的任务，请尽快完成并更新任务状态。',
  DUE_SOON: '贵单位有即将到期的任务，请按时完成。',
  NO_GROUP: '贵单位尚未填报领导小组，请尽快成立并填报。',
  NO_SUMMARY: '贵单位尚未提交活动总结，请尽快生成并提交。',
  ANY: '请抓紧推进宣传月各项工作，按时完成任务、登记活动并提交总结。',
};

@Injectable()
export class ChaseService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(NotificationWriter) private readonly writer: NotificationWriter,
    @Inject(ReminderRulesService) private readonly rules: ReminderRulesService,
  ) {}

  async chase(actor: Actor, campaignId: string, dto: ChaseDto): Promise<ChaseResult> {
    const campaign = await this.access.findCampaign(actor, campaignId, 'campaign:write', true);
    if (campaign.status !== 'ACTIVE')
      throw new TransitionNotAllowed(`Only an ACTIVE campaign's units are chased (this one is ${campaign.status})`, {
        status: campaign.status,
      });
    const tenant = await this.prisma.tenant.findFirst({ where: { id: actor.tenantId }, select: { timeZone: true } });
    const timeZone = tenant?.timeZone ?? DEFAULT_TIME_ZONE;
    const today = todayIn(timeZone);
    const scope = this.access.scopePaths(actor, 'campaign:write').map((p) => `${p}%`);
    const rules = await this.rules.rulesOf(campaign);
    if (dto.organizationIds) {
      // a named unit that is not a participant in the caller's scope is 404; one the filter leaves out is not chased
      const named = await this.prisma.$queryRaw<{ id: string }[]>(
        unitsToChaseSql(campaign.tenantId, campaign.id, scope, dto.organizationIds, null, today, rules),
      );
      const participants = new Set(named.map((u) => u.id));
      for (const id of dto.organizationIds) if (!participants.has(id)) throw new NotFound('Organization');
    }
    const units = await this.prisma.$queryRaw<{ id: string; name: string }[]>(
      unitsToChaseSql(
        campaign.tenantId,
        campaign.id,
        scope,
        dto.organizationIds ?? null,
        dto.filter ?? null,
        today,
        rules,
      ),
    );
    const me = await this.prisma.user.findFirst({
      where: { tenantId: actor.tenantId, id: actor.userId },
      select: { name: true },
    });
    const actorName = me?.name ?? actor.email ?? '组织者';
    const when = new Intl.DateTimeFormat('zh-CN', {
      timeZone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date());
    const message = dto.message ?? DEFAULT_MESSAGES[dto.filter ?? 'ANY'];

    const { result, deliveryIds } = await this.prisma.$transaction(async (tx) => {
      const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
      const created = units.length
        ? await tx.campaignReminder.createManyAndReturn({
            data: units.map((u) => ({
              tenantId: campaign.tenantId,
              campaignId: campaign.id,
              organizationId: u.id,
              actorId: actor.userId,
              actorName,
              filter: dto.filter ?? null,
              message: dto.message ?? null,
              hour,
              recipients: 0,
            })),
            skipDuplicates: true,
            select: { id: true, organizationId: true },
          })
        : [];
      const chased = new Map(created.map((r) => [r.organizationId, r.id]));
      const deliveries: string[] = [];
      let recipients = 0;
      for (const u of units) {
        const reminderId = chased.get(u.id);
        if (!reminderId) continue;
        const sent = await this.writer.toUnit(tx, {
          tenantId: campaign.tenantId,
          campaignId: campaign.id,
          organizationId: u.id,
          kind: 'CHASE',
          title: `催办：${campaign.title}`,
          body: `${actorName}于${when}催办${u.name}：${message}`,
          link: `/unit/${campaign.id}/${linkFor(dto.filter)}`,
          factKey: `chase:${reminderId}`,
          day: today,
          actorId: actor.userId,
        });
        recipients += sent.recipients;
        deliveries.push(...sent.deliveryIds);
        await tx.campaignReminder.update({ where: { id: reminderId }, data: { recipients: sent.recipients } });
        await this.audit.record(
          {
            action: 'campaign.chase',
            entityType: 'Campaign',
            entityId: campaign.id,
            organizationId: u.id,
            changes: { filter: dto.filter ?? null, message, recipients: sent.recipients },
          },
          tx,
        );
      }
      const skippedIds = units.filter((u) => !chased.has(u.id)).map((u) => u.id);
      const last = skippedIds.length
        ? await tx.campaignReminder.groupBy({
            by: ['organizationId'],
            where: { tenantId: campaign.tenantId, campaignId: campaign.id, organizationId: { in: skippedIds } },
            _max: { createdAt: true },
          })
        : [];
      const lastAt = new Map(last.map((l) => [l.organizationId, l._max.createdAt]));
      const skipped = skippedIds.map((id) => ({
        organizationId: id,
        reason: 'CHASED_THIS_HOUR' as const,
        lastChasedAt: lastAt.get(id)?.toISOString() ?? null,
      }));
      return { result: { units: chased.size, recipients, skipped }, deliveryIds: deliveries };
    });
    await this.writer.dispatch(deliveryIds);
    return result;
  }

  /** Who chased the unit in this campaign and when, newest first: the unit itself and its superiors see it. */
  async list(actor: Actor, campaignId: string, organizationId: string, q: PageQueryDto): Promise<Page<ChaseView>> {
    const campaign = await this.access.findCampaign(actor, campaignId, 'campaign:read');
    await this.access.assertOrganizations(actor, 'campaign:read', [organizationId]);
    const where = { tenantId: campaign.tenantId, campaignId: campaign.id, organizationId };
    const [rows, total] = await Promise.all([
      this.prisma.campaignReminder.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        ...pageArgs(q),
      }),
      this.prisma.campaignReminder.count({ where }),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        campaignId: r.campaignId,
        organizationId: r.organizationId,
        actorId: r.actorId,
        actorName: r.actorName,
        filter: (r.filter as ChaseFilter | null) ?? null,
        message: r.message,
        recipients: r.recipients,
        createdAt: r.createdAt.toISOString(),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

function linkFor(filter: ChaseFilter | undefined): string {
  if (filter === 'NO_GROUP') return 'group';
  if (filter === 'NO_SUMMARY') return 'summary';
  return 'tasks';
}

/**
 * The campaign's participants inside the caller's scope (optionally only the named ones), narrowed by the
 * filter with the progress board's meanings: OVERDUE an open task due before today, DUE_SOON one due from
 * today to today + dueSoonDays, NO_GROUP no leading group, NO_SUMMARY no submitted or approved UNIT summary.
 */
export function unitsToChaseSql(
  tenantId: string,
  campaignId: string,
  scopePatterns: string[],
  ids: string[] | null,
  filter: ChaseFilter | null,
  today: string,
  rules: ReminderRules,
): Prisma.Sql {
  const scope = scopePatterns.length
    ? Prisma.join(
        scopePatterns.map((p) => Prisma.sql`o.path LIKE ${p}`),
        ' OR ',
      )
    : Prisma.sql`false`;
  const openTask = (due: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM task t
      WHERE t.tenant_id = p.tenant_id AND t.campaign_id = p.campaign_id AND t.organization_id = p.organization_id
        AND t.status IN ('TODO', 'IN_PROGRESS') AND ${due})`;
  const cond =
    filter === 'OVERDUE'
      ? openTask(Prisma.sql`t.due_on < ${today}::date`)
      : filter === 'DUE_SOON'
        ? openTask(Prisma.sql`t.due_on BETWEEN ${today}::date AND ${today}::date + ${rules.dueSoonDays}::int`)
        : filter === 'NO_GROUP'
          ? Prisma.sql`NOT EXISTS (SELECT 1 FROM leading_group g
              WHERE g.tenant_id = p.tenant_id AND g.campaign_id = p.campaign_id AND g.organization_id = p.organization_id)`
          : filter === 'NO_SUMMARY'
            ? Prisma.sql`NOT EXISTS (SELECT 1 FROM summary_report r
                WHERE r.tenant_id = p.tenant_id AND r.campaign_id = p.campaign_id AND r.organization_id = p.organization_id
                  AND r.scope = 'UNIT' AND r.status IN ('SUBMITTED', 'APPROVED'))`
            : Prisma.sql`true`;
  return Prisma.sql`
SELECT o.id, o.name
  FROM participant p
  JOIN organization o ON o.tenant_id = p.tenant_id AND o.id = p.organization_id
 WHERE p.tenant_id = ${tenantId}::uuid AND p.campaign_id = ${campaignId}::uuid
   AND (${scope})
   ${ids ? Prisma.sql`AND o.id = ANY(${ids}::uuid[])` : Prisma.empty}
   AND ${cond}
 ORDER BY o.path`;
}
