// Response bodies of the campaign, template and participant routes, as the OpenAPI document describes
// them. Each class implements its contracts type, so the compiler keeps the document and the answers in step.
import {
  type AddParticipantsResult,
  CAMPAIGN_STATUSES,
  type CampaignMetricView,
  type CampaignStatus,
  type CampaignTemplateView,
  type CampaignView,
  EVENT_TYPES,
  type EventType,
  LEADING_GROUP_ROLES,
  type LeadingGroupRole,
  type LeadingGroupSeat,
  METRIC_KINDS,
  type MetricDefinitionInput,
  type MetricKind,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  type OrganizationRef,
  type ParticipantView,
  type TreeUnitView,
  type RemoveParticipantResult,
  type SuggestedTask,
  type TaskCascade,
} from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponse } from '../../../core/http/dto/page.response.js';

const TASK_CASCADES: readonly TaskCascade[] = ['CHILDREN', 'PARTICIPANTS'];

export class OrganizationRefResponse implements OrganizationRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class MetricDefinitionResponse implements MetricDefinitionInput {
  @ApiProperty({ example: 'leaflets' })
  key: string;

  @ApiProperty({ example: '发放宣传单' })
  label: string;

  @ApiProperty({ example: '份' })
  unit: string;

  @ApiProperty({ enum: METRIC_KINDS })
  kind: MetricKind;
}

export class CampaignMetricResponse extends MetricDefinitionResponse implements CampaignMetricView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer' })
  sortOrder: number;
}

export class LeadingGroupSeatResponse implements LeadingGroupSeat {
  @ApiProperty({ enum: LEADING_GROUP_ROLES })
  role: LeadingGroupRole;

  @ApiProperty({ example: '校长' })
  title: string;

  @ApiPropertyOptional()
  department?: string;

  @ApiProperty({ example: '全面负责' })
  duty: string;
}

export class SuggestedTaskResponse implements SuggestedTask {
  @ApiProperty({ description: 'Usable as templateTaskKey when creating a task' })
  key: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Due this many days after the first day of the campaign' })
  dueAfterDays: number;

  @ApiProperty({ enum: TASK_CASCADES, nullable: true })
  cascade: TaskCascade | null;
}

export class CampaignTemplateResponse implements CampaignTemplateView {
  @ApiProperty({ example: 'anti-fraud' })
  key: string;

  @ApiProperty({ example: '全民反诈在行动集中宣传月' })
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  purpose: string;

  @ApiProperty()
  goals: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS, isArray: true })
  organizerKinds: OrganizationKind[];

  @ApiProperty({ enum: ORGANIZATION_KINDS, isArray: true })
  participantKinds: OrganizationKind[];

  @ApiProperty({ type: () => MetricDefinitionResponse, isArray: true })
  metrics: MetricDefinitionResponse[];

  @ApiProperty({ enum: EVENT_TYPES, isArray: true })
  suggestedEventTypes: EventType[];

  @ApiProperty({ type: () => LeadingGroupSeatResponse, isArray: true })
  leadingGroupShape: LeadingGroupSeatResponse[];

  @ApiProperty({ type: () => SuggestedTaskResponse, isArray: true })
  suggestedTasks: SuggestedTaskResponse[];
}

export const CampaignTemplatePageResponse = PageResponse(CampaignTemplateResponse);

export class CampaignResponse implements CampaignView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026年全民反诈在行动集中宣传月' })
  title: string;

  @ApiProperty({ type: String, nullable: true })
  templateKey: string | null;

  @ApiProperty({ type: () => OrganizationRefResponse })
  organizer: OrganizationRefResponse;

  @ApiProperty({ example: '2026-11-01' })
  startsOn: string;

  @ApiProperty({ example: '2026-11-30' })
  endsOn: string;

  @ApiProperty({ example: '2026-12-05' })
  reportDueOn: string;

  @ApiProperty({ type: String, nullable: true })
  directiveTitle: string | null;

  @ApiProperty({ type: String, nullable: true })
  directiveNumber: string | null;

  @ApiProperty({ type: String, nullable: true })
  purpose: string | null;

  @ApiProperty({ type: String, nullable: true })
  goals: string | null;

  @ApiProperty({ enum: EVENT_TYPES, isArray: true })
  suggestedEventTypes: EventType[];

  @ApiProperty({ enum: CAMPAIGN_STATUSES })
  status: CampaignStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  launchedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  participantCount: number;

  @ApiProperty({ type: () => CampaignMetricResponse, isArray: true })
  metrics: CampaignMetricResponse[];

  @ApiProperty({ description: 'The caller may edit, launch and close it' })
  canManage: boolean;
}

export const CampaignPageResponse = PageResponse(CampaignResponse);

/** The unit fields the participant list and the progress board share. */
export class TreeUnitResponse implements TreeUnitView {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind: OrganizationKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  depth: number;
}

export class ParticipantResponse extends TreeUnitResponse implements ParticipantView {
  @ApiProperty({ format: 'date-time' })
  addedAt: string;
}

export const ParticipantPageResponse = PageResponse(ParticipantResponse);

export class AddParticipantsResultResponse implements AddParticipantsResult {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Units that were not taking part yet' })
  added: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Participants of the campaign afterwards' })
  total: number;
}

export class RemoveParticipantResultResponse implements RemoveParticipantResult {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'The unit’s tasks in this campaign, removed with it' })
  tasksRemoved: number;

  @ApiProperty()
  leadingGroupRemoved: boolean;
}
