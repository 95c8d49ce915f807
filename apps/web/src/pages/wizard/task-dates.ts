// The due day of a template's task as the API will set it (apps/api tasks/task-rules.ts templateDueOn):
// `offset` days after the month's first day, never before the launch day, never after the report deadline.
import { addDays } from '../../lib/dates.js';

export function templateDueOn(startsOn: string, offset: number, launchDay: string, reportDueOn: string): string {
  const notPast = [addDays(startsOn, offset), launchDay].sort()[1]!;
  return [notPast, reportDueOn].sort()[0]!;
}

/** The summary deadline the wizard suggests for a period: five days after its last day. */
export function suggestedReportDueOn(endsOn: string): string {
  return addDays(endsOn, 5);
}
