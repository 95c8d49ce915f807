// Tasks: the list of a campaign's tasks in the caller's scope, and PATCH /tasks/:id.
import { Inject, Injectable } from '@nestjs/common';
import type { Page, TaskStatus, TaskView } from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { NotFound, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { pageArgs } from '../../core/http/dto/page-query.dto.js';
import { dateToDay, dayToDate } from '../../core/time/calendar.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import { assertNotClosed } from '../campaigns/campaign-rules.js';
import type { ListTasksQueryDto, UpdateTaskDto } from './dto/task.dto.js';
import { ResponsibleMembers } from './responsible-members.js';
import { deriveParentStatus, hasChildren, lockTask } from './task-parent-status.js';
import { assertMayChange, checkDueOn, completedAtAfter, OPEN_STATUSES } from './task-rules.js';
import { childProgress, taskInclude, toTaskView } from './task-view.js';

@Injectable()
export class TasksService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CampaignAccessService) private readonly campaigns: CampaignAccessService,
    @Inject(ResponsibleMembers) private readonly members: ResponsibleMembers,
  ) {}

  /** Tasks of units inside the caller's scope; parents carry their children's progress. */
  async list(actor: Actor, campaignId: string, q: ListTasksQueryDto): Promise<Page<TaskView>> {
    await this.campaigns.find(actor, campaignId, 'task:read');
    // a unit outside the caller's scope is 404, as on the events list (not an empty page that says nothing)
    if (q.organizationId) await this.access.assertOrganizations(actor, 'task:read', [q.organizationId]);
    const today = await this.campaigns.today(actor);
    const overdue: Prisma.TaskWhereInput = { status: { in: [...OPEN_STATUSES] }, dueOn: { lt: dayToDate(today) } };
    // NOT(overdue) spelled out: an undated task is never overdue (SQL's NOT would drop NULL due days).
    const notOverdue: Prisma.TaskWhereInput = {
      OR: [{ status: { notIn: [...OPEN_STATUSES] } }, { dueOn: null }, { dueOn: { gte: dayToDate(today) } }],
    };
    const where: Prisma.TaskWhereInput = {
      tenantId: actor.tenantId,
      campaignId,
      organization: this.access.organizationWhere(actor, 'task:read'),
      AND: [
        q.organizationId ? { organizationId: q.organizationId } : {},
        q.status ? { status: q.status } : {},
        q.parentTaskId ? { parentTaskId: q.parentTaskId } : {},
        q.topLevel === true ? { parentTaskId: null } : q.topLevel === false ? { parentTaskId: { not: null } } : {},
        q.overdue === true ? overdue : q.overdue === false ? notOverdue : {},
        q.leaf === true ? { children: { none: {} } } : q.leaf === false ? { children: { some: {} } } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      this.prisma.task.findMany({
        where,
        include: taskInclude,
        orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
        ...pageArgs(q),
      }),
      this.prisma.task.count({ where }),
    ]);
    const progress = await childProgress(
      this.prisma,
      actor.tenantId,
      rows.map((r) => r.id),
      today,
    );
    return {
      items: rows.map((r) => toTaskView(r, today, progress.get(r.id) ?? null)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async update(actor: Actor, id: string, dto: UpdateTaskDto): Promise<TaskView> {
    const task = await this.prisma.task.findFirst({
      where: { id, tenantId: actor.tenantId, organization: this.access.organizationWhere(actor, 'task:update') },
      include: {
        campaign: { select: { status: true, startsOn: true, reportDueOn: true } },
        organization: { select: { path: true } },
      },
    });
    if (!task) throw new NotFound('Task');
    assertNotClosed(task.campaign);
    const current = task.status as TaskStatus;
    assertMayChange(dto, current, this.campaigns.covers(actor, 'task:create', task.organization.path));
    if (dto.dueOn)
      checkDueOn(dto.dueOn, {
        startsOn: dateToDay(task.campaign.startsOn),
        reportDueOn: dateToDay(task.campaign.reportDueOn),
      });
    if (dto.responsibleMemberId)
      await this.members.assert(
        actor.tenantId,
        task.campaignId,
        task.organizationId,
        dto.responsibleMemberId,
        'responsibleMemberId',
      );

    const statusChange = dto.status !== undefined && dto.status !== current;
    if (statusChange && dto.status !== 'CANCELLED' && (await hasChildren(this.prisma, actor.tenantId, id))) {
      throw new TransitionNotAllowed(
        'This task was handed down to units: its status follows theirs (it can only be cancelled)',
        { status: current },
      );
    }

    const today = await this.campaigns.today(actor);
    return this.prisma.$transaction(async (tx) => {
      // two units finishing their tasks at once derive the parent's status in turn, each seeing the other's
      if (statusChange && task.parentTaskId) await lockTask(tx, actor.tenantId, task.parentTaskId);
      const data: Prisma.TaskUncheckedUpdateInput = {};
      if (dto.title !== undefined) data.title = dto.title;
      if (dto.description !== undefined) data.description = dto.description || null;
      if (dto.dueOn !== undefined) data.dueOn = dto.dueOn ? dayToDate(dto.dueOn) : null;
      if (dto.responsibleMemberId !== undefined) data.responsibleMemberId = dto.responsibleMemberId;
      let childrenCancelled = 0;
      if (dto.status !== undefined && dto.status !== current) {
        data.status = dto.status;
        data.completedAt = completedAtAfter(current, dto.status, task.completedAt, new Date());
        if (dto.status === 'CANCELLED') {
          // Cancelling a task handed down cancels the children still open.
          const res = await tx.task.updateMany({
            where: { tenantId: actor.tenantId, parentTaskId: id, status: { in: [...OPEN_STATUSES] } },
            data: { status: 'CANCELLED', completedAt: null },
          });
          childrenCancelled = res.count;
        }
      }
      await tx.task.update({ where: { id }, data });
      const parentStatus =
        statusChange && task.parentTaskId ? await deriveParentStatus(tx, actor.tenantId, task.parentTaskId) : null;
      await this.audit.record(
        {
          action: dto.status !== undefined && dto.status !== current ? 'task.status_change' : 'task.update',
          entityType: 'Task',
          entityId: id,
          organizationId: task.organizationId,
          changes: {
            before: { status: current, dueOn: task.dueOn ? dateToDay(task.dueOn) : null, title: task.title },
            after: JSON.parse(JSON.stringify(dto)),
            childrenCancelled,
            ...(parentStatus ? { parentTask: { id: task.parentTaskId, status: parentStatus } } : {}),
          },
        },
        tx,
      );
      const row = await tx.task.findUniqueOrThrow({ where: { id }, include: taskInclude });
      const progress = await childProgress(tx, actor.tenantId, [id], today);
      return toTaskView(row, today, progress.get(id) ?? null);
    });
  }
}
