// The progress board's traffic light, when the API does not send one: red when something is overdue,
// yellow when something falls due within 3 days, green otherwise.
import type { ReportStatus } from '@campaign-month/contracts';
import type { TrafficLight } from '../api/types.js';
import { daysBetween } from './dates.js';

export const DUE_SOON_DAYS = 3;

export interface LightInput {
  tasksOverdue: number;
  /** Earliest due day of an open task. */
  nextDueOn?: string | null;
  reportDueOn?: string | null;
  summaryStatus?: ReportStatus | null;
}

export function handedIn(status: ReportStatus | null | undefined): boolean {
  return status === 'SUBMITTED' || status === 'APPROVED';
}

export function computeLight(input: LightInput, today: string): TrafficLight {
  const reportOpen = !handedIn(input.summaryStatus);
  if (input.tasksOverdue > 0) return 'RED';
  if (reportOpen && input.reportDueOn && daysBetween(today, input.reportDueOn) < 0) return 'RED';
  if (input.nextDueOn && daysBetween(today, input.nextDueOn) < 0) return 'RED';
  const soon = (day?: string | null) => !!day && daysBetween(today, day) <= DUE_SOON_DAYS;
  if (soon(input.nextDueOn)) return 'YELLOW';
  if (reportOpen && soon(input.reportDueOn)) return 'YELLOW';
  return 'GREEN';
}

export function normalizeLight(value: unknown): TrafficLight | null {
  if (typeof value !== 'string') return null;
  const v = value.toUpperCase();
  if (v === 'GREEN' || v === 'YELLOW' || v === 'RED') return v;
  if (v === 'AMBER' || v === 'ORANGE') return 'YELLOW';
  return null;
}
