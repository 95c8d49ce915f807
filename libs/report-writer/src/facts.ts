// The facts a summary is written from. The API computes them with SQL aggregation and stores them
// with each summary version (SummaryReport.facts), so everything here is plain JSON: strings,
// numbers, booleans, arrays and records. Calendar days are 'YYYY-MM-DD' in the tenant's time zone;
// decimal sums are strings ("812300.00") so that no precision is lost on the way.
import type {
  EventType,
  LeadingGroupRole,
  MetricKind,
  OrganizationKind,
  ReportStatus,
  TaskStatus,
} from '@campaign-month/contracts';

/** A figure the campaign counts (MetricDefinition). */
export interface MetricFact {
  /** Stable key, e.g. `leaflets`, `audience`, `interceptedTransactions`, `lossesAvoided`. */
  key: string;
  /** Chinese label as the organizer wrote it, e.g. 发放宣传单 (a trailing "(份)" is tolerated). */
  label: string;
  /** Measure word or currency, e.g. 份, 张, 人次, 笔, 元. */
  unit: string;
  /** COUNT is written as a count (人次 approximated as 5,000余人次); MONEY is written in 元/万元. */
  kind: MetricKind;
}

/** The campaign (集中宣传月) the summary is about. */
export interface CampaignFact {
  id: string;
  /** e.g. 2026年全民反诈在行动集中宣传月. */
  title: string;
  /** Why the month is held, one clause, e.g. 切实提高群众识骗防骗能力. Optional. */
  purpose?: string | null;
  /** Title of the directive (通知) without 《》, e.g. 关于开展…集中宣传月活动的通知. */
  directiveTitle?: string | null;
  /** Document number of the directive, e.g. 市公通〔2026〕18号. */
  directiveNumber?: string | null;
  /** First day of the month, 'YYYY-MM-DD'. */
  startsOn: string;
  /** Last day, 'YYYY-MM-DD'. */
  endsOn: string;
  /** Day summaries are due, 'YYYY-MM-DD'. */
  reportDueOn: string;
  /** Name of the organization that launched the campaign, e.g. 某市公安局. */
  organizerName: string;
}

/** The unit the summary is written for (for a roll-up: the top of the subtree). */
export interface UnitFact {
  id: string;
  name: string;
  kind: OrganizationKind;
}

/** A member of the unit's leading group (领导小组). */
export interface GroupMemberFact {
  id: string;
  name: string;
  /** Post, e.g. 校长, 院长, 副行长. */
  title?: string | null;
  role: LeadingGroupRole;
  /** Department, e.g. 财务科, 医务科, 护理部. */
  department?: string | null;
  /** Duty (分工), e.g. 负责宣传资料的印制和发放. */
  duty?: string | null;
}

/** One task (a sample of them for a roll-up). */
export interface TaskItemFact {
  id: string;
  title: string;
  status: TaskStatus;
  dueOn?: string | null;
  /** Calendar day it was completed, if DONE. */
  completedOn?: string | null;
  /** Name of the responsible leading-group member. */
  responsibleName?: string | null;
  /** Open (TODO/IN_PROGRESS) and past its due day on the day the facts were computed. */
  overdue?: boolean;
}

/**
 * Tasks of the unit (a roll-up: of the whole subtree, without the tasks handed down to units, which are
 * counted through the units' own tasks). `total` counts every task, cancelled ones included; `done` ⊇ `doneOnTime`; `overdue` = not done, not cancelled and past `dueOn`.
 */
export interface TaskFacts {
  total: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  cancelled: number;
  /** The tasks themselves, in the order to mention them (a roll-up may send a sample). */
  items: TaskItemFact[];
}

/** Events of one type. Types without events are left out (or carry count 0 and are skipped). */
export interface TypeFact {
  type: EventType;
  /** Number of events of this type. */
  count: number;
  /** Metric key → decimal sum over these events ("3000", "812300.00"). Zero sums may be left out. */
  metricSums: Record<string, string>;
  /** A sample (≤ 20) of the events' ids, for tracing a figure back to its rows. */
  eventIds: string[];
  /** Optional: distinct locations of these events, most frequent first (≤ 5), e.g. 门诊走廊. */
  locations?: string[];
}

/** Number of events on one calendar day. */
export interface DayFact {
  day: string;
  count: number;
}

/** An event that may be quoted as a concrete example. */
export interface ExampleFact {
  id: string;
  type: EventType;
  title: string;
  occurredOn: string;
  location?: string | null;
  description?: string | null;
  /** Roll-ups: the unit that ran the event. */
  unitName?: string | null;
  /** Optional: the event's own metric values (key → decimal string). */
  metricValues?: Record<string, string>;
}

/** Facts for one unit's summary. */
export interface UnitFacts {
  kind: 'UNIT';
  campaign: CampaignFact;
  unit: UnitFact;
  /** The campaign's metrics, in the order to mention them. */
  metrics: MetricFact[];
  /** The unit's leading group; null when none was recorded. */
  leadingGroup: GroupMemberFact[] | null;
  tasks: TaskFacts;
  /** Number of events logged. */
  eventCount: number;
  /** Events by type. */
  byType: TypeFact[];
  /** Events by day (for the chart). */
  byDay: DayFact[];
  /** Metric key → decimal sum over all events. */
  metricTotals: Record<string, string>;
  /** Candidate examples (events with descriptions); the writer picks two or three. */
  examples: ExampleFact[];
  /** Day the summary is signed, 'YYYY-MM-DD': the day a draft is generated, the day it is handed in once it is. */
  signatureDate: string;
  /**
   * The most recent earlier month of the same template (campaign.templateKey) that ended before this one started,
   * when the unit (a roll-up: a unit of its subtree) took part in it; absent or null otherwise (decision 038).
   */
  comparison?: ComparisonFact | null;
}

/** What the unit (or subtree) did in the earlier month it is compared with. */
export interface ComparisonFact {
  campaign: { id: string; title: string; startsOn: string; endsOn: string };
  eventCount: number;
  /** Metric key → decimal sum over the earlier month's events of the unit (subtree). */
  metricTotals: Record<string, string>;
  /** Keys of the metrics the earlier month counted: only these are compared. */
  metricKeys: string[];
  /** A sample (≤ 20) of the earlier month's events behind the figures. */
  eventIds: string[];
}

/** One unit of a roll-up's subtree. */
export interface RollupUnitRow {
  id: string;
  name: string;
  /** Listed as a participant of the campaign. */
  participating: boolean;
  eventCount: number;
  /** Metric key → decimal sum over the unit's events. */
  metricTotals: Record<string, string>;
  leadingGroupSet: boolean;
  tasksDone: number;
  tasksTotal: number;
  /** Status of the unit's latest summary; null when none was generated. */
  summaryStatus: ReportStatus | null;
  /** Day ('YYYY-MM-DD', tenant's time zone) the unit first handed its summary in; null when never. */
  submittedOn?: string | null;
  /** First handed in after reportDueOn, or not handed in although reportDueOn has passed. */
  late: boolean;
  /** Events the unit logged in the earlier month it is compared with; null when it did not take part then. */
  previousEventCount?: number | null;
}

/**
 * Facts for a roll-up: the unit plus its subtree. The inherited fields describe the whole subtree
 * (events, tasks, metric totals, examples with `unitName`), except `unit` and `leadingGroup`, which
 * are the top unit's own.
 */
export interface RollupFacts extends Omit<UnitFacts, 'kind'> {
  kind: 'ROLLUP';
  /** Units of the subtree, in the order to list them. */
  units: RollupUnitRow[];
  /** Number of participating units in the subtree. */
  participantCount: number;
  /** Units whose summary was handed in: SUBMITTED or APPROVED. */
  submittedCount: number;
  /** Units whose summary was APPROVED (a subset of submittedCount). */
  approvedCount: number;
}

export type SummaryFacts = UnitFacts | RollupFacts;

/** A photo that may go into the appendix 附件：活动图片: of an event, with what its caption needs. */
export interface PhotoFact {
  id: string;
  eventId: string;
  eventTitle: string;
  /** The event's day, 'YYYY-MM-DD'. */
  occurredOn: string;
  location?: string | null;
  /** The unit that ran the event (roll-ups caption it). */
  unitId: string;
  unitName?: string | null;
}
