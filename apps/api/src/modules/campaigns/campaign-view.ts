import type {
  CampaignStatus,
  CampaignView,
  EventType,
  CampaignMetricView,
  MetricKind,
} from '@campaign-month/contracts';
import { dateToDay } from '../../core/time/calendar.js';

export interface CampaignRow {
  id: string;
  title: string;
  templateKey: string | null;
  organizer: { id: string; name: string };
  startsOn: Date;
  endsOn: Date;
  reportDueOn: Date;
  directiveTitle: string | null;
  directiveNumber: string | null;
  purpose: string | null;
  goals: string | null;
  suggestedEventTypes: string[];
  status: string;
  launchedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  metrics: { id: string; key: string; label: string; unit: string; kind: string; sortOrder: number }[];
  _count: { participants: number };
}

export function toMetricView(m: CampaignRow['metrics'][number]): CampaignMetricView {
  return { id: m.id, key: m.key, label: m.label, unit: m.unit, kind: m.kind as MetricKind, sortOrder: m.sortOrder };
}

export function toCampaignView(c: CampaignRow, canManage: boolean): CampaignView {
  return {
    id: c.id,
    title: c.title,
    templateKey: c.templateKey,
    organizer: { id: c.organizer.id, name: c.organizer.name },
    startsOn: dateToDay(c.startsOn),
    endsOn: dateToDay(c.endsOn),
    reportDueOn: dateToDay(c.reportDueOn),
    directiveTitle: c.directiveTitle,
    directiveNumber: c.directiveNumber,
    purpose: c.purpose,
    goals: c.goals,
    suggestedEventTypes: c.suggestedEventTypes as EventType[],
    status: c.status as CampaignStatus,
    launchedAt: c.launchedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    participantCount: c._count.participants,
    metrics: c.metrics.map(toMetricView),
    canManage,
  };
}
