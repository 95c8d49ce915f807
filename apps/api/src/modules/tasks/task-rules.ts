// Task rules that need no database: due days, who may change what, completion time.
import type { TaskStatus, UpdateTaskRequest } from '@campaign-month/contracts';
import { Forbidden, InvalidInput } from '../../core/errors/domain-errors.js';
import { addDays, dateToDay } from '../../core/time/calendar.js';

/** A task is due inside the campaign: not before its first day, not after the day summaries are due. */
export function checkDueOn(
  dueOn: string | null | undefined,
  campaign: { startsOn: string; reportDueOn: string },
  field = 'dueOn',
): void {
  if (dueOn && dueOn < campaign.startsOn)
    throw InvalidInput.field(
      field,
      `${field} (${dueOn}) must be on or after the campaign's startsOn (${campaign.startsOn})`,
    );
  if (dueOn && dueOn > campaign.reportDueOn)
    throw InvalidInput.field(
      field,
      `${field} (${dueOn}) is after the campaign's report deadline (${campaign.reportDueOn})`,
    );
}

/**
 * The due day of a template's task: `offset` days after the month's first day, but never before today (a
 * month launched after a template day gets no task overdue at launch) nor after the report deadline.
 */
export function templateDueOn(
  campaign: { startsOn: Date | string; reportDueOn: Date | string },
  offset: number,
  today: string,
): string {
  const day = (d: Date | string) => (typeof d === 'string' ? d : dateToDay(d));
  const proposed = addDays(day(campaign.startsOn), offset);
  const notPast = [proposed, today].sort()[1]!; // the later day
  return [notPast, day(campaign.reportDueOn)].sort()[0]!; // the earlier day
}

export const OPEN_STATUSES: readonly TaskStatus[] = ['TODO', 'IN_PROGRESS'];

/**
 * Units (REPORTER, and organizers above them) move a task through TODO / IN_PROGRESS / DONE and assign it.
 * Only organizers (task:create over the unit) edit its title, description and due day, or cancel / revive it.
 * Returns the fields the caller may not change (empty: allowed).
 */
export function organizerOnlyFields(dto: UpdateTaskRequest, current: TaskStatus): string[] {
  const fields: string[] = [];
  if (dto.title !== undefined) fields.push('title');
  if (dto.description !== undefined) fields.push('description');
  if (dto.dueOn !== undefined) fields.push('dueOn');
  if (dto.status !== undefined && dto.status !== current && (dto.status === 'CANCELLED' || current === 'CANCELLED'))
    fields.push('status');
  return fields;
}

export function assertMayChange(dto: UpdateTaskRequest, current: TaskStatus, isOrganizer: boolean): void {
  if (isOrganizer) return;
  const fields = organizerOnlyFields(dto, current);
  if (fields.length)
    throw new Forbidden(`Only the organizers change ${fields.join(', ')} of a task (cancelling included)`);
}

/** completedAt after a status change: set when a task becomes DONE, cleared when it leaves DONE. */
export function completedAtAfter(
  current: TaskStatus,
  next: TaskStatus,
  completedAt: Date | null,
  now: Date,
): Date | null {
  if (next === 'DONE') return current === 'DONE' ? completedAt : now;
  return null;
}
