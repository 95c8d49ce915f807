// Reads the API's answers into the views the screens use. The planning, events and summary routes are
// being built alongside the web app, so field names are read tolerantly (the DESIGN.md name first).
import type { EventType, ReportStatus } from '@campaign-month/contracts';
import { computeLight, normalizeLight } from '../lib/traffic-light.js';
import type {
  CampaignTemplateView,
  CampaignView,
  EventView,
  LeadingGroupView,
  MetricDefinitionView,
  ProgressRow,
  StatsView,
  SummaryDocumentView,
  SummaryView,
  TaskView,
} from './types.js';

type Raw = Record<string, unknown>;
const obj = (x: unknown): Raw => (typeof x === 'object' && x !== null ? (x as Raw) : {});
const str = (...xs: unknown[]): string | undefined => xs.find((x): x is string => typeof x === 'string');
const num = (...xs: unknown[]): number | undefined => {
  for (const x of xs) {
    if (typeof x === 'number' && Number.isFinite(x)) return x;
    if (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x))) return Number(x);
  }
  return undefined;
};
const day = (x: unknown) => (typeof x === 'string' ? x.slice(0, 10) : undefined);

/** A list answer: `{ items }` (DESIGN.md), a bare array, or `{ units | rows | data }`. */
export function asList<T = unknown>(x: unknown): T[] {
  if (Array.isArray(x)) return x as T[];
  const o = obj(x);
  for (const k of ['items', 'units', 'rows', 'data', 'members', 'templates', 'results'])
    if (Array.isArray(o[k])) return o[k] as T[];
  return [];
}

export function normalizeMetric(x: unknown): MetricDefinitionView {
  const m = obj(x);
  return {
    id: str(m.id),
    key: str(m.key, m.metric) ?? '',
    label: str(m.label, m.name) ?? str(m.key) ?? '',
    unit: str(m.unit) ?? '',
    kind: m.kind === 'MONEY' ? 'MONEY' : 'COUNT',
    sortOrder: num(m.sortOrder),
  };
}

export function normalizeTemplate(x: unknown): CampaignTemplateView {
  const t = obj(x);
  const tasks = asList(t.suggestedTasks ?? t.tasks).map((task): CampaignTemplateView['suggestedTasks'][number] => {
    if (typeof task === 'string') return { title: task };
    const o = obj(task);
    const cascade = o.cascade === 'CHILDREN' || o.cascade === 'PARTICIPANTS' ? o.cascade : null;
    return {
      key: str(o.key),
      title: str(o.title, o.name) ?? '',
      description: str(o.description),
      dueOffsetDays: num(o.dueAfterDays, o.dueOffsetDays, o.offsetDays),
      cascade,
    };
  });
  const shape = asList(t.leadingGroupShape ?? t.leadingGroup).map((seat) => {
    const o = obj(seat);
    return {
      role: (str(o.role) ?? 'MEMBER') as CampaignTemplateView['leadingGroupShape'][number]['role'],
      title: str(o.title) ?? null,
      department: str(o.department) ?? null,
      duty: str(o.duty) ?? null,
    };
  });
  return {
    key: str(t.key, t.templateKey, t.id) ?? '',
    title: str(t.title, t.name) ?? '',
    purpose: str(t.purpose),
    goals: str(t.goals),
    directiveTitle: str(t.directiveTitle),
    metrics: asList(t.metrics ?? t.metricDefinitions).map(normalizeMetric),
    suggestedEventTypes: (asList(t.suggestedEventTypes ?? t.eventTypes) as EventType[]).filter(
      (e) => typeof e === 'string',
    ),
    suggestedTasks: tasks.filter((task) => task.title),
    leadingGroupShape: shape,
    durationDays: num(t.durationDays, t.days),
  };
}

export function normalizeCampaign(x: unknown): CampaignView {
  const c = obj(x);
  const organizer = obj(c.organizer);
  return {
    id: str(c.id) ?? '',
    title: str(c.title) ?? '',
    templateKey: str(c.templateKey),
    organizerOrgId: str(c.organizerOrgId, c.organizerOrganizationId, organizer.id) ?? '',
    organizerName: str(c.organizerName, organizer.name),
    startsOn: day(c.startsOn) ?? '',
    endsOn: day(c.endsOn) ?? '',
    reportDueOn: day(c.reportDueOn) ?? '',
    directiveTitle: str(c.directiveTitle, obj(c.directive).title),
    directiveNumber: str(c.directiveNumber, obj(c.directive).number),
    purpose: str(c.purpose),
    goals: str(c.goals),
    status: (str(c.status) as CampaignView['status']) ?? 'DRAFT',
    suggestedEventTypes: asList(c.suggestedEventTypes) as EventType[],
    metrics: asList(c.metrics ?? c.metricDefinitions).map(normalizeMetric),
    participantCount: num(c.participantCount, obj(c._count).participants),
    canManage: typeof c.canManage === 'boolean' ? c.canManage : undefined,
  };
}

export function normalizeProgressRow(x: unknown, today: string, reportDueOn?: string): ProgressRow {
  const r = obj(x);
  const org = obj(r.organization ?? r.unit);
  const tasks = obj(r.tasks);
  const summary = obj(r.summary);
  const summaryStatus = (str(r.summaryStatus, summary.status) as ReportStatus | undefined) ?? null;
  const tasksOverdue = num(r.tasksOverdue, r.overdueTasks, tasks.overdue) ?? 0;
  const nextDueOn = day(r.nextDueOn ?? tasks.nextDueOn) ?? null;
  const light =
    normalizeLight(r.light ?? r.trafficLight ?? r.signal) ??
    computeLight({ tasksOverdue, nextDueOn, reportDueOn, summaryStatus }, today);
  return {
    organizationId: str(r.organizationId, r.unitId, org.id, r.id) ?? '',
    name: str(r.name, r.organizationName, r.unitName, org.name) ?? '',
    kind: str(r.kind, org.kind),
    parentId: str(r.parentId, org.parentId) ?? null,
    depth: num(r.depth, org.depth),
    participating: typeof r.participating === 'boolean' ? r.participating : undefined,
    leadingGroupSet: Boolean(r.leadingGroupSet ?? r.groupSet ?? r.hasLeadingGroup ?? obj(r.leadingGroup).set),
    tasksDone: num(r.tasksDone, tasks.done) ?? 0,
    tasksTotal: num(r.tasksTotal, tasks.total) ?? 0,
    tasksOverdue,
    tasksDueSoon: num(r.tasksDueSoon, tasks.dueSoon),
    nextDueOn,
    leaderName: str(r.leaderName) ?? null,
    lastEventOn: day(r.lastEventOn) ?? null,
    eventCount: num(r.eventCount, r.eventsLogged, r.events, obj(r.events).count) ?? 0,
    summaryStatus,
    light,
  };
}

export function normalizeProgress(x: unknown, today: string, reportDueOn?: string): ProgressRow[] {
  return asList(x).map((r) => normalizeProgressRow(r, today, reportDueOn));
}

export function normalizeStats(x: unknown): StatsView {
  const s = obj(x);
  const pairs = (v: unknown, keyName: string) =>
    Array.isArray(v) ? v.map(obj) : Object.entries(obj(v)).map(([k, count]) => ({ [keyName]: k, count }) as Raw);
  const byType = pairs(s.byType, 'type').map((r) => ({
    type: str(r.type, r.key) as EventType,
    count: num(r.count, r.events) ?? 0,
  }));
  const byDay = pairs(s.byDay, 'day')
    .map((r) => ({ day: day(r.day ?? r.occurredOn ?? r.date) ?? '', count: num(r.count, r.events) ?? 0 }))
    .sort((a, b) => a.day.localeCompare(b.day));
  const byUnit = pairs(s.byUnit, 'organizationId').map((r) => ({
    organizationId: str(r.organizationId, r.id, obj(r.organization).id) ?? '',
    name: str(r.name, r.organizationName, obj(r.organization).name) ?? '',
    count: num(r.count, r.eventCount, r.events) ?? 0,
  }));
  const rawMetrics = s.metrics ?? s.metricSums ?? s.metricTotals;
  const metrics = Array.isArray(rawMetrics)
    ? rawMetrics.map(obj).map((m) => ({
        key: str(m.key) ?? '',
        label: str(m.label, m.key) ?? '',
        unit: str(m.unit) ?? '',
        value: String(m.value ?? m.sum ?? m.total ?? 0),
      }))
    : Object.entries(obj(rawMetrics)).map(([key, v]) => {
        const o = obj(v);
        return typeof v === 'object' && v !== null
          ? { key, label: str(o.label) ?? key, unit: str(o.unit) ?? '', value: String(o.value ?? o.sum ?? 0) }
          : { key, label: key, unit: '', value: String(v) };
      });
  const eventCount = num(s.eventCount, s.totalEvents, obj(s.totals).events) ?? byType.reduce((a, b) => a + b.count, 0);
  return { byType, byDay, byUnit, metrics, eventCount };
}

export function normalizeLeadingGroup(x: unknown): LeadingGroupView {
  const g = obj(x);
  return {
    members: asList(g.members ?? x).map((m) => {
      const o = obj(m);
      return {
        id: str(o.id),
        name: str(o.name) ?? '',
        title: str(o.title) ?? null,
        role: (str(o.role) as LeadingGroupView['members'][number]['role']) ?? 'MEMBER',
        department: str(o.department) ?? null,
        duty: str(o.duty) ?? null,
        phone: str(o.phone) ?? null,
      };
    }),
    updatedAt: str(g.updatedAt) ?? null,
  };
}

export function normalizeTask(x: unknown): TaskView {
  const t = obj(x);
  const children = obj(t.children ?? t.childProgress);
  return {
    id: str(t.id) ?? '',
    campaignId: str(t.campaignId) ?? '',
    organizationId: str(t.organizationId, obj(t.organization).id) ?? '',
    organizationName: str(t.organizationName, obj(t.organization).name),
    parentTaskId: str(t.parentTaskId) ?? null,
    title: str(t.title) ?? '',
    description: str(t.description) ?? null,
    dueOn: day(t.dueOn) ?? null,
    status: (str(t.status) as TaskView['status']) ?? 'TODO',
    kind: t.kind === 'LEADING_GROUP' ? 'LEADING_GROUP' : 'GENERAL',
    responsibleMemberId: str(t.responsibleMemberId, obj(t.responsible).id) ?? null,
    responsibleName: str(t.responsibleName, obj(t.responsible).name) ?? null,
    childrenDone: num(t.childrenDone, children.done),
    childrenTotal: num(t.childrenTotal, children.total),
  };
}

export function normalizeEvent(x: unknown): EventView {
  const e = obj(x);
  const metrics: Record<string, string> = {};
  const mv = e.metrics ?? e.metricValues ?? e.values;
  if (Array.isArray(mv)) {
    for (const m of mv.map(obj)) {
      const key = str(m.key, m.metric, obj(m.metric).key, m.metricKey);
      if (key) metrics[key] = String(m.value ?? 0);
    }
  } else {
    for (const [k, v] of Object.entries(obj(mv))) metrics[k] = String(v);
  }
  const photos = asList(e.photos).map((p) => {
    const o = obj(p);
    return {
      id: str(o.id) ?? '',
      url: str(o.url),
      thumbnailUrl: str(o.thumbnailUrl),
      capturedAt: str(o.capturedAt) ?? null,
      capturedOutsideEventDay: Boolean(o.capturedOutsideEventDay),
    };
  });
  return {
    id: str(e.id) ?? '',
    campaignId: str(e.campaignId) ?? '',
    organizationId: str(e.organizationId, obj(e.organization).id) ?? '',
    organizationName: str(e.organizationName, obj(e.organization).name),
    taskId: str(e.taskId) ?? null,
    type: (str(e.type) as EventType) ?? 'OTHER',
    title: str(e.title) ?? '',
    occurredOn: day(e.occurredOn) ?? '',
    location: str(e.location) ?? null,
    description: str(e.description) ?? null,
    metrics,
    photos,
    photoCount: num(e.photoCount) ?? photos.length,
    offDayPhotoCount: num(e.offDayPhotoCount) ?? photos.filter((p) => p.capturedOutsideEventDay).length,
    createdAt: str(e.createdAt),
  };
}

function isDocument(x: unknown): x is SummaryDocumentView {
  const d = obj(x);
  return Array.isArray(d.sections) && typeof d.opening === 'object';
}

export function normalizeSummary(x: unknown): SummaryView {
  const s = obj(x);
  const candidates = [s.document, s.sections, s.content, s];
  const document = (candidates.find(isDocument) as SummaryDocumentView | undefined) ?? null;
  const narrative: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(s.narrative))) if (typeof v === 'string') narrative[k] = v;
  return {
    id: str(s.id) ?? '',
    campaignId: str(s.campaignId) ?? '',
    organizationId: str(s.organizationId) ?? '',
    organizationName: str(s.organizationName, obj(s.organization).name),
    scope: s.scope === 'ROLLUP' ? 'ROLLUP' : 'UNIT',
    version: num(s.version) ?? 1,
    status: (str(s.status) as ReportStatus) ?? 'DRAFT',
    title: str(s.title, document?.title) ?? '',
    document,
    narrative,
    reviewerComment: str(s.reviewerComment) ?? null,
    outdated: s.outdated === true,
    needsInput: Array.isArray(s.needsInput)
      ? s.needsInput.filter((k): k is string => typeof k === 'string')
      : undefined,
    submittedAt: str(s.submittedAt) ?? null,
    reviewedAt: str(s.reviewedAt) ?? null,
    updatedAt: str(s.updatedAt) ?? null,
    previousReview: s.previousReview
      ? {
          version: num(obj(s.previousReview).version) ?? 0,
          reviewerComment: str(obj(s.previousReview).reviewerComment) ?? null,
          reviewedAt: str(obj(s.previousReview).reviewedAt) ?? null,
        }
      : null,
  };
}
