// The facts a summary version was written from (libs/report-writer's SummaryFacts: UnitFacts or
// RollupFacts, told apart by `kind`), as the OpenAPI document describes them.
import {
  EVENT_TYPES,
  type EventType,
  LEADING_GROUP_ROLES,
  type LeadingGroupRole,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  REPORT_STATUSES,
  type ReportStatus,
  TASK_STATUSES,
  type TaskStatus,
} from '@campaign-month/contracts';
import type {
  CampaignFact,
  ComparisonFact,
  DayFact,
  ExampleFact,
  GroupMemberFact,
  MetricFact,
  RollupFacts,
  RollupUnitRow,
  TaskFacts,
  TaskItemFact,
  TypeFact,
  UnitFact,
  UnitFacts,
} from '@campaign-month/report-writer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MetricDefinitionResponse } from '../../campaigns/dto/campaign.response.js';

const DECIMALS = {
  type: 'object',
  additionalProperties: { type: 'string', example: '812300.00' },
  description: 'Metric key → decimal string',
} as const;

/** The same fields as a campaign's metric definition. */
export class MetricFactResponse extends MetricDefinitionResponse implements MetricFact {}

export class CampaignFactResponse implements CampaignFact {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  purpose?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  directiveTitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  directiveNumber?: string | null;

  @ApiProperty({ example: '2026-11-01' })
  startsOn: string;

  @ApiProperty({ example: '2026-11-30' })
  endsOn: string;

  @ApiProperty({ example: '2026-12-05' })
  reportDueOn: string;

  @ApiProperty()
  organizerName: string;
}

export class UnitFactResponse implements UnitFact {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind: OrganizationKind;
}

export class GroupMemberFactResponse implements GroupMemberFact {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  title?: string | null;

  @ApiProperty({ enum: LEADING_GROUP_ROLES })
  role: LeadingGroupRole;

  @ApiPropertyOptional({ type: String, nullable: true })
  department?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  duty?: string | null;
}

export class TaskItemFactResponse implements TaskItemFact {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: TASK_STATUSES })
  status: TaskStatus;

  @ApiPropertyOptional({ type: String, nullable: true })
  dueOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  completedOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  responsibleName?: string | null;

  @ApiPropertyOptional({ description: 'Open and past its due day when the facts were computed' })
  overdue?: boolean;
}

export class TaskFactsResponse implements TaskFacts {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Every task, cancelled ones included' })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  done: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  doneOnTime: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  overdue: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  cancelled: number;

  @ApiProperty({ type: () => TaskItemFactResponse, isArray: true })
  items: TaskItemFactResponse[];
}

export class TypeFactResponse implements TypeFact {
  @ApiProperty({ enum: EVENT_TYPES })
  type: EventType;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;

  @ApiProperty(DECIMALS)
  metricSums: Record<string, string>;

  @ApiProperty({ type: [String], description: 'A sample (≤ 20) of the events behind the figures' })
  eventIds: string[];

  @ApiPropertyOptional({ type: [String] })
  locations?: string[];
}

export class DayFactResponse implements DayFact {
  @ApiProperty({ example: '2026-11-06' })
  day: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;
}

export class ExampleFactResponse implements ExampleFact {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: EVENT_TYPES })
  type: EventType;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: '2026-11-06' })
  occurredOn: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  location?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  unitName?: string | null;

  @ApiPropertyOptional(DECIMALS)
  metricValues?: Record<string, string>;
}

export class ComparisonCampaignResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2025年全民反诈在行动集中宣传月' })
  title: string;

  @ApiProperty({ example: '2025-11-01' })
  startsOn: string;

  @ApiProperty({ example: '2025-11-30' })
  endsOn: string;
}

export class ComparisonFactResponse implements ComparisonFact {
  @ApiProperty({ type: () => ComparisonCampaignResponse })
  campaign: ComparisonCampaignResponse;

  @ApiProperty({ type: 'integer' })
  eventCount: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { audience: '2500' } })
  metricTotals: Record<string, string>;

  @ApiProperty({ type: [String], description: 'Metrics the earlier month counted: only these are compared' })
  metricKeys: string[];

  @ApiProperty({ type: [String], description: 'A sample (≤ 20) of the earlier month’s events' })
  eventIds: string[];
}

/** What UnitFacts and RollupFacts share. */
abstract class FactsBaseResponse implements Omit<UnitFacts, 'kind'> {
  @ApiProperty({ type: () => CampaignFactResponse })
  campaign: CampaignFactResponse;

  @ApiProperty({ type: () => UnitFactResponse })
  unit: UnitFactResponse;

  @ApiProperty({ type: () => MetricFactResponse, isArray: true })
  metrics: MetricFactResponse[];

  @ApiProperty({
    type: () => GroupMemberFactResponse,
    isArray: true,
    nullable: true,
    description: 'null when none was recorded',
  })
  leadingGroup: GroupMemberFactResponse[] | null;

  @ApiProperty({ type: () => TaskFactsResponse })
  tasks: TaskFactsResponse;

  @ApiProperty({ type: 'integer', minimum: 0 })
  eventCount: number;

  @ApiProperty({ type: () => TypeFactResponse, isArray: true })
  byType: TypeFactResponse[];

  @ApiProperty({ type: () => DayFactResponse, isArray: true })
  byDay: DayFactResponse[];

  @ApiProperty(DECIMALS)
  metricTotals: Record<string, string>;

  @ApiProperty({ type: () => ExampleFactResponse, isArray: true })
  examples: ExampleFactResponse[];

  @ApiProperty({ example: '2026-11-30' })
  signatureDate: string;

  @ApiPropertyOptional({
    type: () => ComparisonFactResponse,
    nullable: true,
    description: 'The earlier month of the same template the unit (subtree) took part in; absent when none',
  })
  comparison?: ComparisonFactResponse | null;
}

export class UnitFactsResponse extends FactsBaseResponse implements UnitFacts {
  @ApiProperty({ enum: ['UNIT'] })
  kind: 'UNIT';
}

export class RollupUnitRowResponse implements RollupUnitRow {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  participating: boolean;

  @ApiProperty({ type: 'integer', minimum: 0 })
  eventCount: number;

  @ApiProperty(DECIMALS)
  metricTotals: Record<string, string>;

  @ApiProperty()
  leadingGroupSet: boolean;

  @ApiProperty({ type: 'integer', minimum: 0 })
  tasksDone: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  tasksTotal: number;

  @ApiProperty({ enum: REPORT_STATUSES, nullable: true })
  summaryStatus: ReportStatus | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-04',
    description: 'Day the unit first handed its summary in (tenant’s time zone); null when never',
  })
  submittedOn?: string | null;

  @ApiProperty({
    description: 'First handed in after reportDueOn, or not handed in although reportDueOn has passed',
  })
  late: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'Events in the earlier month compared with; null when the unit did not take part then',
  })
  previousEventCount?: number | null;
}

export class RollupFactsResponse extends FactsBaseResponse implements RollupFacts {
  @ApiProperty({ enum: ['ROLLUP'] })
  kind: 'ROLLUP';

  @ApiProperty({ type: () => RollupUnitRowResponse, isArray: true })
  units: RollupUnitRowResponse[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  participantCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'SUBMITTED or APPROVED' })
  submittedCount: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  approvedCount: number;
}
