// What a unit has to do next, most urgent first: the home page's list.
import type { ReportStatus } from '@campaign-month/contracts';
import type { CampaignView, TaskView, TrafficLight } from '../../api/types.js';
import { daysBetween } from '../../lib/dates.js';
import { DUE_SOON_DAYS, handedIn } from '../../lib/traffic-light.js';

export interface DueItem {
  kind: 'group' | 'task' | 'summary' | 'returned';
  key: string;
  title: string;
  dueOn?: string | null;
  /** Days left (negative: overdue). */
  daysLeft?: number;
  light: TrafficLight;
  link: string;
}

function lightFor(daysLeft: number | undefined): TrafficLight {
  if (daysLeft === undefined) return 'GREEN';
  if (daysLeft < 0) return 'RED';
  if (daysLeft <= DUE_SOON_DAYS) return 'YELLOW';
  return 'GREEN';
}

export function dueItems(input: {
  campaign: CampaignView;
  tasks: TaskView[];
  /** undefined: not known (offline, never loaded): no item is made up from it. */
  groupSet: boolean | undefined;
  /** null: none generated yet; undefined: not known. */
  summaryStatus: ReportStatus | null | undefined;
  today: string;
}): DueItem[] {
  const { campaign, tasks, groupSet, summaryStatus, today } = input;
  const base = `/unit/${campaign.id}`;
  const items: DueItem[] = [];
  // one item per duty: a 成立领导小组 task stands for the group (it opens the group's form and closes when the
  // group is saved); the bare "record your group" item is for a month without such a task
  const groupTask = tasks.some((x) => x.kind === 'LEADING_GROUP');
  if (groupSet === false && !groupTask)
    items.push({ kind: 'group', key: 'group', title: 'group', light: 'YELLOW', link: `${base}/group` });
  for (const task of tasks) {
    if (task.status === 'DONE' || task.status === 'CANCELLED') continue;
    const daysLeft = task.dueOn ? daysBetween(today, task.dueOn) : undefined;
    items.push({
      kind: 'task',
      key: task.id,
      title: task.title,
      dueOn: task.dueOn,
      daysLeft,
      light: lightFor(daysLeft),
      link: task.kind === 'LEADING_GROUP' ? `${base}/group` : `${base}/tasks`,
    });
  }
  if (summaryStatus === 'RETURNED') {
    items.push({
      kind: 'returned',
      key: 'returned',
      title: 'returned',
      dueOn: campaign.reportDueOn,
      daysLeft: daysBetween(today, campaign.reportDueOn),
      light: 'RED',
      link: `${base}/summary`,
    });
  } else if (summaryStatus !== undefined && !handedIn(summaryStatus) && campaign.reportDueOn) {
    const daysLeft = daysBetween(today, campaign.reportDueOn);
    items.push({
      kind: 'summary',
      key: 'summary',
      title: 'summary',
      dueOn: campaign.reportDueOn,
      daysLeft,
      light: lightFor(daysLeft),
      link: `${base}/summary`,
    });
  }
  const rank: Record<TrafficLight, number> = { RED: 0, YELLOW: 1, GREEN: 2 };
  return items.sort((a, b) => rank[a.light] - rank[b.light] || (a.daysLeft ?? 999) - (b.daysLeft ?? 999));
}

/** After the unit's summary is approved its events are read-only (the API answers 422) until it is returned. */
export function eventsLocked(summaryStatus: ReportStatus | null | undefined): boolean {
  return summaryStatus === 'APPROVED';
}

/** How long the campaign still runs: days left after today, its last day (today), or over. */
export function countdown(
  endsOn: string,
  today: string,
): { kind: 'daysLeft'; days: number } | { kind: 'lastDay' | 'ended' } {
  const days = daysBetween(today, endsOn);
  if (days < 0) return { kind: 'ended' };
  return days === 0 ? { kind: 'lastDay' } : { kind: 'daysLeft', days };
}
