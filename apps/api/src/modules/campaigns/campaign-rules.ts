// The campaign's pure rules: dates in order, status transitions, metric keys, the progress traffic light.
import type { CampaignStatus, MetricDefinitionInput, TrafficLight } from '@campaign-month/contracts';
import { InvalidInput, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { addDays } from '../../core/time/calendar.js';

export interface CampaignDates {
  startsOn: string;
  endsOn: string;
  reportDueOn: string;
}

/** startsOn ≤ endsOn ≤ reportDueOn ('YYYY-MM-DD' strings compare as days). */
export function checkCampaignDates(d: CampaignDates): void {
  if (d.endsOn < d.startsOn)
    throw InvalidInput.field('endsOn', `endsOn (${d.endsOn}) must not be before startsOn (${d.startsOn})`);
  if (d.reportDueOn < d.endsOn) {
    throw InvalidInput.field('reportDueOn', `reportDueOn (${d.reportDueOn}) must not be before endsOn (${d.endsOn})`);
  }
}

export type CampaignAction = 'launch' | 'close';

const TRANSITIONS: Record<CampaignAction, { from: CampaignStatus; to: CampaignStatus }> = {
  launch: { from: 'DRAFT', to: 'ACTIVE' },
  close: { from: 'ACTIVE', to: 'CLOSED' },
};

/** DRAFT → ACTIVE (launch) and ACTIVE → CLOSED (close); anything else is 422. */
export function nextStatus(current: CampaignStatus, action: CampaignAction): CampaignStatus {
  const t = TRANSITIONS[action];
  if (current !== t.from) {
    throw new TransitionNotAllowed(
      `A ${current} campaign cannot be ${action === 'launch' ? 'launched' : 'closed'}; only a ${t.from} one can`,
      {
        from: current,
        to: t.to,
      },
    );
  }
  return t.to;
}

/** Edits of any kind (campaign, participants, tasks, leading groups) stop when the campaign is closed. */
export function assertNotClosed(campaign: { status: CampaignStatus }): void {
  if (campaign.status === 'CLOSED')
    throw new TransitionNotAllowed('The campaign is closed: nothing in it can be changed', { status: 'CLOSED' });
}

/** Metric keys are unique within a campaign. */
export function checkMetricKeys(metrics: readonly MetricDefinitionInput[], field = 'metrics'): void {
  const seen = new Set<string>();
  metrics.forEach((m, i) => {
    if (seen.has(m.key)) throw InvalidInput.field(`${field}.${i}.key`, `Metric key ${m.key} appears twice`);
    seen.add(m.key);
  });
}

/** Open tasks (and summaries not handed in) due within this many days turn a unit yellow. */
export const DUE_SOON_DAYS = 3;

export interface LightWindow {
  today: string;
  /** Last day counted as "due soon": today + DUE_SOON_DAYS. */
  soonUntil: string;
}

export function lightWindow(today: string): LightWindow {
  return { today, soonUntil: addDays(today, DUE_SOON_DAYS) };
}

export interface LightInput {
  /** Open tasks past their due day. */
  overdue: number;
  /** Open tasks due between today and today + DUE_SOON_DAYS. */
  dueSoon: number;
  /** The unit's summary is SUBMITTED or APPROVED. */
  summaryHandedIn: boolean;
  reportDueOn: string;
}

/**
 * RED: something is overdue (a task, or the summary past reportDueOn); YELLOW: something is due within
 * DUE_SOON_DAYS; GREEN otherwise. The progress query computes the same rule in SQL (campaign-progress.sql.ts).
 */
export function trafficLight(input: LightInput, window: LightWindow): TrafficLight {
  const summaryOpen = !input.summaryHandedIn;
  if (input.overdue > 0 || (summaryOpen && input.reportDueOn < window.today)) return 'RED';
  if (input.dueSoon > 0 || (summaryOpen && input.reportDueOn <= window.soonUntil)) return 'YELLOW';
  return 'GREEN';
}
