// Views of the API's answers as the screens use them. Identity and organizations come from
// @campaign-month/contracts; the planning, events and summary routes follow DESIGN.md and are read
// tolerantly (see normalize.ts) until their contracts types exist.
import type {
  CampaignStatus,
  EventType,
  LeadingGroupRole,
  MetricKind,
  ReportScope,
  ReportStatus,
  TaskKind,
  TaskStatus,
} from '@campaign-month/contracts';

export type {
  MeView,
  OrganizationTreeNode,
  OrganizationView,
  Page,
  TokenPair,
  UserView,
} from '@campaign-month/contracts';

export interface MetricDefinitionView {
  id?: string;
  key: string;
  label: string;
  unit: string;
  kind?: MetricKind;
  sortOrder?: number;
}

export interface TemplateTaskView {
  /** Usable as templateTaskKey when creating the task. */
  key?: string;
  title: string;
  cascade?: 'CHILDREN' | 'PARTICIPANTS' | null;
  description?: string | null;
  /** Days after the start of the month the task is due, when the template says. */
  dueOffsetDays?: number | null;
}

export interface CampaignTemplateView {
  key: string;
  title: string;
  purpose?: string | null;
  goals?: string | null;
  directiveTitle?: string | null;
  metrics: MetricDefinitionView[];
  suggestedEventTypes: EventType[];
  suggestedTasks: TemplateTaskView[];
  leadingGroupShape: {
    role: LeadingGroupRole;
    title?: string | null;
    department?: string | null;
    duty?: string | null;
  }[];
  durationDays?: number | null;
}

export interface CampaignView {
  id: string;
  title: string;
  templateKey?: string | null;
  organizerOrgId: string;
  organizerName?: string | null;
  startsOn: string;
  endsOn: string;
  reportDueOn: string;
  directiveTitle?: string | null;
  directiveNumber?: string | null;
  purpose?: string | null;
  goals?: string | null;
  status: CampaignStatus;
  suggestedEventTypes?: EventType[];
  metrics?: MetricDefinitionView[];
  participantCount?: number;
  /** The caller may edit, launch and close it. */
  canManage?: boolean;
}

export type TrafficLight = 'GREEN' | 'YELLOW' | 'RED';

export interface ProgressRow {
  organizationId: string;
  name: string;
  kind?: string;
  parentId?: string | null;
  depth?: number;
  participating?: boolean;
  leadingGroupSet: boolean;
  tasksDone: number;
  tasksTotal: number;
  tasksOverdue: number;
  tasksDueSoon?: number;
  nextDueOn?: string | null;
  leaderName?: string | null;
  lastEventOn?: string | null;
  eventCount: number;
  summaryStatus: ReportStatus | null;
  light: TrafficLight;
}

export interface StatsView {
  byType: { type: EventType; count: number }[];
  byDay: { day: string; count: number }[];
  byUnit: { organizationId: string; name: string; count: number }[];
  metrics: { key: string; label: string; unit: string; value: string }[];
  eventCount: number;
}

export interface LeadingGroupMemberView {
  id?: string;
  name: string;
  title?: string | null;
  role: LeadingGroupRole;
  department?: string | null;
  duty?: string | null;
  phone?: string | null;
}

export interface LeadingGroupView {
  members: LeadingGroupMemberView[];
  updatedAt?: string | null;
  /** The API answered 404: the unit is not in the caller's scope (or not part of the month). */
  outOfScope?: boolean;
}

export interface TaskView {
  id: string;
  campaignId: string;
  organizationId: string;
  organizationName?: string | null;
  parentTaskId?: string | null;
  title: string;
  description?: string | null;
  dueOn?: string | null;
  status: TaskStatus;
  /** LEADING_GROUP: done when the unit's 领导小组 is saved with a member. */
  kind: TaskKind;
  responsibleMemberId?: string | null;
  responsibleName?: string | null;
  childrenDone?: number;
  childrenTotal?: number;
}

export interface PhotoView {
  id: string;
  url?: string;
  thumbnailUrl?: string;
  capturedAt?: string | null;
  capturedOutsideEventDay?: boolean;
}

export interface EventView {
  id: string;
  campaignId: string;
  organizationId: string;
  organizationName?: string | null;
  taskId?: string | null;
  type: EventType;
  title: string;
  occurredOn: string;
  location?: string | null;
  description?: string | null;
  metrics: Record<string, string>;
  photos: PhotoView[];
  photoCount: number;
  /** Of those, photos taken on another day than the event's (the capture-day hint). */
  offDayPhotoCount: number;
  createdAt?: string;
}

export interface ImportResult {
  dryRun?: boolean;
  /** Events created (in a dry run: that would be created). */
  count?: number;
  /** Rows whose 编号 names an event already logged (an exported ledger imported back): not imported again. */
  skipped?: number;
  errors?: { row: number; field?: string; message: string }[];
}

// Summary document (the JSON the report writer produces, stored as the report's sections).
export interface FigureView {
  id: string;
  text: string;
  value: string;
  metric?: string;
  eventType?: EventType;
  start: number;
  end: number;
  source: {
    kind: 'events' | 'tasks' | 'leadingGroup' | 'units';
    filter: Record<string, unknown>;
    eventIds?: string[];
    taskIds?: string[];
    memberIds?: string[];
    unitIds?: string[];
  };
}

export interface ParagraphView {
  key: string;
  text: string;
  editable: boolean;
  needsInput?: boolean;
  style?: 'body' | 'heading2';
  figures: FigureView[];
}

export interface SectionView {
  key: string;
  number: number;
  heading: string;
  paragraphs: ParagraphView[];
  table?: { key: string; columns: string[]; rows: { text: string; figure?: FigureView }[][] };
}

export interface SummaryDocumentView {
  title: string;
  opening: ParagraphView;
  openingExtra?: ParagraphView;
  sections: SectionView[];
  signature: { unit: string; date: string };
}

export interface SummaryView {
  id: string;
  campaignId: string;
  organizationId: string;
  organizationName?: string | null;
  scope: ReportScope;
  version: number;
  status: ReportStatus;
  title: string;
  document: SummaryDocumentView | null;
  narrative: Record<string, string>;
  /** The comment of the last return; kept on the drafts made after it until the unit submits again. */
  reviewerComment?: string | null;
  /** The events logged now add up to other figures than this version's (added, corrected or deleted since). */
  outdated?: boolean;
  /** Keys of the paragraphs still to be written before a submit (the API refuses it until none is left). */
  needsInput?: string[];
  submittedAt?: string | null;
  reviewedAt?: string | null;
  updatedAt?: string | null;
  /** The last earlier version a reviewer returned, with its comment: what a resubmission answers. */
  previousReview: { version: number; reviewerComment: string | null; reviewedAt: string | null } | null;
}
