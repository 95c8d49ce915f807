// POST /campaigns/:id/tasks: one task for a unit, or a task handed down the tree — one child task per
// participating child unit (CHILDREN) or per participant below the unit (PARTICIPANTS) — in one transaction.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { TaskCascade, TaskView } from '@campaign-month/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { InvalidInput } from '../../core/errors/domain-errors.js';
import { addDays, dateToDay, dayToDate } from '../../core/time/calendar.js';
import { Prisma } from '../../generated/prisma/client.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import { assertNotClosed } from '../campaigns/campaign-rules.js';
import { findSuggestedTask } from '../campaigns/templates/index.js';
import type { CreateTaskDto } from './dto/task.dto.js';
import { checkDueOn } from './task-rules.js';
import { childProgress, taskInclude, toTaskView } from './task-view.js';
import { ResponsibleMembers } from './responsible-members.js';

@Injectable()
export class TaskCascadeService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CampaignAccessService) private readonly campaigns: CampaignAccessService,
    @Inject(ResponsibleMembers) private readonly members: ResponsibleMembers,
  ) {}

  async create(actor: Actor, campaignId: string, dto: CreateTaskDto): Promise<TaskView> {
    const campaign = await this.campaigns.find(actor, campaignId, 'task:create');
    assertNotClosed(campaign);
    const reportDueOn = dateToDay(campaign.reportDueOn);

    let suggested: ReturnType<typeof findSuggestedTask>;
    if (dto.templateTaskKey !== undefined) {
      suggested = findSuggestedTask(campaign.templateKey, dto.templateTaskKey);
      if (!suggested) {
        throw InvalidInput.field(
          'templateTaskKey',
          campaign.templateKey
            ? `The template ${campaign.templateKey} has no task ${dto.templateTaskKey}`
            : 'The campaign was not created from a template',
        );
      }
    }
    const title = dto.title ?? suggested?.title;
    if (!title) throw InvalidInput.field('title', 'title is required without templateTaskKey');
    const description = dto.description ?? suggested?.description ?? null;
    let dueOn = dto.dueOn ?? null;
    if (!dueOn && suggested) {
      const proposed = addDays(dateToDay(campaign.startsOn), suggested.dueAfterDays);
      dueOn = [proposed, reportDueOn].sort()[0]!; // the earlier day
    }
    checkDueOn(dueOn, { startsOn: dateToDay(campaign.startsOn), reportDueOn });

    const unit = await this.campaigns.organizationInScope(actor, dto.organizationId, 'task:create');
    if (!(await this.campaigns.isCampaignUnit(campaign, unit.id))) {
      throw InvalidInput.field('organizationId', 'The unit does not take part in this campaign');
    }
    if (dto.responsibleMemberId)
      await this.members.assert(actor.tenantId, campaignId, unit.id, dto.responsibleMemberId, 'responsibleMemberId');
    const targets = dto.cascade ? await this.cascadeTargets(actor.tenantId, campaignId, unit, dto.cascade) : 0;
    if (dto.cascade && targets === 0) {
      throw InvalidInput.field(
        'cascade',
        dto.cascade === 'CHILDREN' ? 'No child unit of this unit takes part' : 'No unit below this one takes part',
      );
    }

    const id = randomUUID();
    const due = dueOn ? dayToDate(dueOn) : null;
    const today = await this.campaigns.today(actor);
    return this.prisma.$transaction(async (tx) => {
      await tx.task.create({
        data: {
          id,
          tenantId: actor.tenantId,
          campaignId,
          organizationId: unit.id,
          title,
          description,
          dueOn: due,
          responsibleMemberId: dto.responsibleMemberId ?? null,
          createdById: actor.userId,
        },
      });
      const children = dto.cascade
        ? await this.insertChildren(tx, actor, campaignId, unit, dto.cascade, { id, title, description, due })
        : 0;
      await this.audit.record(
        {
          action: 'task.create',
          entityType: 'Task',
          entityId: id,
          organizationId: unit.id,
          changes: {
            campaignId,
            organizationId: unit.id,
            title,
            dueOn,
            cascade: dto.cascade ?? null,
            childrenCreated: children,
            templateTaskKey: dto.templateTaskKey ?? null,
          },
        },
        tx,
      );
      const row = await tx.task.findUniqueOrThrow({ where: { id }, include: taskInclude });
      const progress = await childProgress(tx, actor.tenantId, [id], today);
      return toTaskView(row, today, progress.get(id) ?? null);
    });
  }

  /** Units a cascade reaches: participants whose parent is the unit (CHILDREN) or below it (PARTICIPANTS). */
  private targetFilter(unit: { id: string; path: string }, cascade: TaskCascade): Prisma.Sql {
    return cascade === 'CHILDREN'
      ? Prisma.sql`o.parent_id = ${unit.id}::uuid`
      : Prisma.sql`o.path LIKE ${`${unit.path}%`} AND o.id <> ${unit.id}::uuid`;
  }

  private async cascadeTargets(
    tenantId: string,
    campaignId: string,
    unit: { id: string; path: string },
    cascade: TaskCascade,
  ): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n
        FROM participant p
        JOIN organization o ON o.tenant_id = p.tenant_id AND o.id = p.organization_id
       WHERE p.tenant_id = ${tenantId}::uuid AND p.campaign_id = ${campaignId}::uuid AND ${this.targetFilter(unit, cascade)}`;
    return row?.n ?? 0;
  }

  /** One INSERT … SELECT: a child task per target unit, linked by parent_task_id. */
  private async insertChildren(
    tx: Prisma.TransactionClient,
    actor: Actor,
    campaignId: string,
    unit: { id: string; path: string },
    cascade: TaskCascade,
    parent: { id: string; title: string; description: string | null; due: Date | null },
  ): Promise<number> {
    return tx.$executeRaw`
      INSERT INTO task (tenant_id, campaign_id, organization_id, parent_task_id, title, description, due_on, created_by_id)
      SELECT p.tenant_id, p.campaign_id, p.organization_id, ${parent.id}::uuid, ${parent.title}, ${parent.description},
             ${parent.due ? dateToDay(parent.due) : null}::date, ${actor.userId}::uuid
        FROM participant p
        JOIN organization o ON o.tenant_id = p.tenant_id AND o.id = p.organization_id
       WHERE p.tenant_id = ${actor.tenantId}::uuid AND p.campaign_id = ${campaignId}::uuid AND ${this.targetFilter(unit, cascade)}`;
  }
}
