import type { ChildTaskProgress, TaskKind, TaskStatus, TaskView } from '@campaign-month/contracts';
import { dateToDay } from '../../core/time/calendar.js';
import { Prisma } from '../../generated/prisma/client.js';
import { OPEN_STATUSES } from './task-rules.js';

export const taskInclude = {
  organization: { select: { id: true, name: true } },
  responsible: { select: { id: true, name: true, title: true } },
} as const;

export type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

export function toTaskView(t: TaskRow, today: string, children: ChildTaskProgress | null): TaskView {
  const dueOn = t.dueOn ? dateToDay(t.dueOn) : null;
  return {
    id: t.id,
    campaignId: t.campaignId,
    organization: { id: t.organization.id, name: t.organization.name },
    parentTaskId: t.parentTaskId,
    title: t.title,
    description: t.description,
    dueOn,
    status: t.status as TaskStatus,
    kind: t.kind as TaskKind,
    overdue: dueOn !== null && dueOn < today && OPEN_STATUSES.includes(t.status as TaskStatus),
    completedAt: t.completedAt?.toISOString() ?? null,
    responsible: t.responsible ? { id: t.responsible.id, name: t.responsible.name, title: t.responsible.title } : null,
    children,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** Progress of the children of these tasks: one GROUP BY over the task table. */
export async function childProgress(
  db: { $queryRaw: Prisma.TransactionClient['$queryRaw'] },
  tenantId: string,
  parentIds: string[],
  today: string,
): Promise<Map<string, ChildTaskProgress>> {
  if (parentIds.length === 0) return new Map();
  const rows = await db.$queryRaw<(ChildTaskProgress & { id: string })[]>`
    SELECT t.parent_task_id AS id,
           count(*)::int AS total,
           count(*) FILTER (WHERE t.status = 'TODO')::int AS todo,
           count(*) FILTER (WHERE t.status = 'IN_PROGRESS')::int AS "inProgress",
           count(*) FILTER (WHERE t.status = 'DONE')::int AS done,
           count(*) FILTER (WHERE t.status = 'CANCELLED')::int AS cancelled,
           count(*) FILTER (WHERE t.status IN ('TODO', 'IN_PROGRESS') AND t.due_on < ${today}::date)::int AS overdue
      FROM task t
     WHERE t.tenant_id = ${tenantId}::uuid
       AND t.parent_task_id IN (${Prisma.join(parentIds.map((id) => Prisma.sql`${id}::uuid`))})
     GROUP BY t.parent_task_id`;
  return new Map(rows.map(({ id, ...progress }) => [id, progress]));
}
