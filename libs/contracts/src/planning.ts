// Planning the month (issue 4): campaign templates, campaigns and participants, progress and stats,
// leading groups, tasks. Plain request/response types shared by the API and the web app.
// Calendar days are 'YYYY-MM-DD' in the tenant's time zone; decimal sums are strings ("812300.00").
import type {
  CampaignStatus,
  EventType,
  LeadingGroupRole,
  MetricKind,
  OrganizationKind,
  ReportStatus,
  TaskKind,
  TaskStatus,
} from './enums.js';

// ── Templates ────────────────────────────────────────────────────────────────────────────────────

/** A figure a campaign counts, e.g. { key: 'leaflets', label: '发放宣传单', unit: '份', kind: 'COUNT' }. */
export interface MetricDefinitionInput {
  /** Stable key, camelCase: /^[a-z][A-Za-z0-9]{0,63}$/. */
  key: string;
  /** Chinese label without the unit, e.g. 发放宣传单. */
  label: string;
  /** Measure word or currency, e.g. 份, 张, 人次, 笔, 元. */
  unit: string;
  kind: MetricKind;
}

export interface CampaignMetricView extends MetricDefinitionInput {
  id: string;
  sortOrder: number;
}

/** One seat of the suggested 领导小组 (the unit fills in the names). */
export interface LeadingGroupSeat {
  role: LeadingGroupRole;
  /** Post, e.g. 校长, 院长, 分管副行长. */
  title: string;
  department?: string;
  /** 分工, e.g. 全面负责. */
  duty: string;
}

export type TaskCascade = 'CHILDREN' | 'PARTICIPANTS';

export interface SuggestedTask {
  /** Stable key, usable as `templateTaskKey` when creating a task. */
  key: string;
  title: string;
  description: string;
  /**
   * Due this many days after the campaign's first day (0 = the first day); never after reportDueOn, and
   * never before the day the task is created (a month launched late gets no task overdue at launch).
   */
  dueAfterDays: number;
  /** How the organizer usually hands it down. */
  cascade: TaskCascade | null;
  /** LEADING_GROUP: saving the unit's 领导小组 completes it. Default GENERAL. */
  kind?: TaskKind;
}

export interface CampaignTemplateView {
  key: string;
  /** e.g. 全民反诈在行动集中宣传月; the default title is `{year}年{name}`. */
  name: string;
  description: string;
  /** Opening clause of the summary: 为{purpose},按照《…》…. */
  purpose: string;
  goals: string;
  /** Kinds of organization that usually launch this month. */
  organizerKinds: OrganizationKind[];
  /** Kinds of unit that usually take part (a filter for adding participants). */
  participantKinds: OrganizationKind[];
  metrics: MetricDefinitionInput[];
  suggestedEventTypes: EventType[];
  leadingGroupShape: LeadingGroupSeat[];
  suggestedTasks: SuggestedTask[];
}

// ── Campaigns ────────────────────────────────────────────────────────────────────────────────────

/** Units to add as participants: named ones, and/or every unit under (and including) `subtreeOf`. */
export interface AddParticipantsRequest {
  organizationIds?: string[];
  /**
   * Every non-archived unit of this subtree. The subtree's root is included unless it is the
   * campaign's organizer (the organizer leads the month; name it in organizationIds to make it take part).
   */
  subtreeOf?: string;
  /** With subtreeOf: only units of these kinds, e.g. ['SCHOOL']. */
  kinds?: OrganizationKind[];
}

export interface AddParticipantsResult {
  /** Units that were not taking part yet. */
  added: number;
  /** Participants of the campaign afterwards. */
  total: number;
}

export interface CreateCampaignRequest {
  /** From a template (GET /campaign-templates): title, purpose, goals, metrics and event types default to it. */
  templateKey?: string;
  /** Required without a template. */
  title?: string;
  /** Defaults to your only organization where you may write campaigns. */
  organizerOrgId?: string;
  startsOn: string;
  endsOn: string;
  /** Day summaries are due: on or after endsOn. */
  reportDueOn: string;
  directiveTitle?: string | null;
  directiveNumber?: string | null;
  purpose?: string | null;
  goals?: string | null;
  suggestedEventTypes?: EventType[];
  /** Replaces the template's metrics. */
  metrics?: MetricDefinitionInput[];
  /** Participants to add in the same transaction. */
  participants?: AddParticipantsRequest;
}

/** Fields not sent stay as they are; `metrics` replaces the whole list (keys already counted by events stay). */
export interface UpdateCampaignRequest {
  title?: string;
  startsOn?: string;
  endsOn?: string;
  reportDueOn?: string;
  directiveTitle?: string | null;
  directiveNumber?: string | null;
  purpose?: string | null;
  goals?: string | null;
  suggestedEventTypes?: EventType[];
  metrics?: MetricDefinitionInput[];
}

export interface OrganizationRef {
  id: string;
  name: string;
}

export interface CampaignView {
  id: string;
  title: string;
  templateKey: string | null;
  organizer: OrganizationRef;
  startsOn: string;
  endsOn: string;
  reportDueOn: string;
  directiveTitle: string | null;
  directiveNumber: string | null;
  purpose: string | null;
  goals: string | null;
  suggestedEventTypes: EventType[];
  status: CampaignStatus;
  launchedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  participantCount: number;
  metrics: CampaignMetricView[];
  /** The caller may edit, launch and close it (it organizes the campaign's organizer unit). */
  canManage: boolean;
}

/** A unit of the organization tree as the participant list and the progress board show it. */
export interface TreeUnitView {
  organizationId: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  depth: number;
}

export interface ParticipantView extends TreeUnitView {
  addedAt: string;
}

export interface RemoveParticipantResult {
  campaignId: string;
  organizationId: string;
  /** The unit's tasks and leading group in this campaign, removed with it. */
  tasksRemoved: number;
  leadingGroupRemoved: boolean;
}

// ── Progress and stats ───────────────────────────────────────────────────────────────────────────

/**
 * RED: a task is overdue, or the summary is past reportDueOn and not handed in.
 * YELLOW: a task, or the summary, is due within the next 3 days.
 * GREEN: otherwise.
 */
export type TrafficLight = 'GREEN' | 'YELLOW' | 'RED';

export interface UnitProgress extends TreeUnitView {
  leadingGroupSet: boolean;
  leaderName: string | null;
  /** Tasks of the unit: total excludes cancelled ones; overdue = open and past dueOn; dueSoon = open and due within 3 days. */
  tasks: { total: number; done: number; overdue: number; dueSoon: number };
  eventCount: number;
  lastEventOn: string | null;
  /** Status of the unit's latest UNIT summary; null when none was generated. */
  summaryStatus: ReportStatus | null;
  light: TrafficLight;
}

export interface ProgressPage {
  items: UnitProgress[];
  /** Units matching the filter. */
  total: number;
  page: number;
  pageSize: number;
  /** The day "overdue" and "due soon" were measured from (tenant's time zone). */
  today: string;
  /** Every participating unit in your scope, by light (the filter does not change these). */
  lights: { GREEN: number; YELLOW: number; RED: number };
}

export interface TypeStat {
  type: EventType;
  count: number;
  /** Metric key → decimal sum. */
  metricSums: Record<string, string>;
}

export interface DayStat {
  day: string;
  count: number;
}

export interface UnitStat {
  organizationId: string;
  name: string;
  count: number;
  metricSums: Record<string, string>;
}

export interface MetricTotal extends MetricDefinitionInput {
  total: string;
}

export interface CampaignStats {
  campaignId: string;
  /** The subtree the figures cover (null: your whole scope). */
  organizationId: string | null;
  eventCount: number;
  /** Units that logged at least one event. */
  unitsWithEvents: number;
  metrics: MetricTotal[];
  byType: TypeStat[];
  byDay: DayStat[];
  /** Units with the most events first, at most `unitLimit` of them. */
  byUnit: UnitStat[];
}

// ── Leading groups ───────────────────────────────────────────────────────────────────────────────

export interface LeadingGroupMemberInput {
  /** Keep an existing member (and the tasks assigned to it) by sending its id. */
  id?: string;
  name: string;
  title?: string | null;
  role: LeadingGroupRole;
  department?: string | null;
  duty?: string | null;
  phone?: string | null;
}

/** The whole roster: exactly one LEADER (组长), any number of DEPUTY (副组长) and MEMBER (成员). */
export interface PutLeadingGroupRequest {
  members: LeadingGroupMemberInput[];
}

export interface LeadingGroupMemberView {
  id: string;
  name: string;
  title: string | null;
  role: LeadingGroupRole;
  department: string | null;
  duty: string | null;
  phone: string | null;
  sortOrder: number;
}

export interface LeadingGroupView {
  campaignId: string;
  organizationId: string;
  /** false: nothing recorded yet (members is empty). */
  set: boolean;
  members: LeadingGroupMemberView[];
  updatedAt: string | null;
}

// ── Tasks ────────────────────────────────────────────────────────────────────────────────────────

export interface CreateTaskRequest {
  /** The unit the task is for: a participant or the organizer. With cascade: the unit handing it down. */
  organizationId: string;
  /** Title, description and due day default to the template's suggested task. */
  templateTaskKey?: string;
  /** Required without templateTaskKey. */
  title?: string;
  description?: string;
  /** On or before the campaign's reportDueOn. */
  dueOn?: string;
  /** A member of the unit's leading group for this campaign. */
  responsibleMemberId?: string;
  /** Also create one child task per participating child unit (CHILDREN) or per participant below the unit (PARTICIPANTS). */
  cascade?: TaskCascade;
}

export interface UpdateTaskRequest {
  /** Organizers only: title, description, dueOn, and CANCELLED (cancelling a parent cancels its open children). */
  title?: string;
  description?: string | null;
  dueOn?: string | null;
  status?: TaskStatus;
  responsibleMemberId?: string | null;
}

export interface ChildTaskProgress {
  total: number;
  todo: number;
  inProgress: number;
  done: number;
  cancelled: number;
  overdue: number;
}

export interface TaskView {
  id: string;
  campaignId: string;
  organization: OrganizationRef;
  parentTaskId: string | null;
  title: string;
  description: string | null;
  dueOn: string | null;
  status: TaskStatus;
  /** LEADING_GROUP: completed when the unit's 领导小组 is saved with a member (inherited by cascaded tasks). */
  kind: TaskKind;
  /** Open and past dueOn (tenant's calendar). */
  overdue: boolean;
  completedAt: string | null;
  responsible: { id: string; name: string; title: string | null } | null;
  /** Progress of the tasks cascaded from this one; null when it has none. */
  children: ChildTaskProgress | null;
  createdAt: string;
  updatedAt: string;
}
