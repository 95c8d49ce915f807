// Response bodies of the progress board and the stats, as the OpenAPI document describes them.
import {
  type CampaignStats,
  type DayStat,
  EVENT_TYPES,
  type EventType,
  type MetricTotal,
  type ProgressPage,
  REPORT_STATUSES,
  type ReportStatus,
  type TrafficLight,
  type TypeStat,
  type UnitProgress,
  type UnitStat,
} from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../core/http/dto/page.response.js';
import { MetricDefinitionResponse, TreeUnitResponse } from './campaign.response.js';

const TRAFFIC_LIGHTS: readonly TrafficLight[] = ['GREEN', 'YELLOW', 'RED'];
const DECIMAL_SUMS = {
  type: 'object',
  additionalProperties: { type: 'string', example: '812300.00' },
  description: 'Metric key → decimal sum',
} as const;

export class UnitTaskCountsResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Tasks of the unit, cancelled ones excluded' })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  done: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Open and past dueOn' })
  overdue: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Open and due within 3 days' })
  dueSoon: number;
}

export class UnitProgressResponse extends TreeUnitResponse implements UnitProgress {
  @ApiProperty()
  leadingGroupSet: boolean;

  @ApiProperty({ type: String, nullable: true })
  leaderName: string | null;

  @ApiProperty({ type: () => UnitTaskCountsResponse })
  tasks: UnitTaskCountsResponse;

  @ApiProperty({ type: 'integer', minimum: 0 })
  eventCount: number;

  @ApiProperty({ type: String, nullable: true, example: '2026-11-06' })
  lastEventOn: string | null;

  @ApiProperty({
    enum: REPORT_STATUSES,
    nullable: true,
    description: 'Status of the unit’s latest UNIT summary; null when none was generated',
  })
  summaryStatus: ReportStatus | null;

  @ApiProperty({
    enum: TRAFFIC_LIGHTS,
    description: 'RED: a task overdue or the summary late; YELLOW: something due within 3 days; GREEN otherwise',
  })
  light: TrafficLight;
}

export class LightCountsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  GREEN: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  YELLOW: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  RED: number;
}

export class ProgressPageResponse extends PageMetaResponse implements ProgressPage {
  @ApiProperty({ type: () => UnitProgressResponse, isArray: true })
  items: UnitProgressResponse[];

  @ApiProperty({ example: '2026-11-20', description: 'The day "overdue" and "due soon" were measured from' })
  today: string;

  @ApiProperty({
    type: () => LightCountsResponse,
    description: 'Every participating unit in your scope, by light (the filter does not change these)',
  })
  lights: LightCountsResponse;
}

/** A metric definition's key, label, unit and kind, with its exact total. */
export class MetricTotalResponse extends MetricDefinitionResponse implements MetricTotal {
  @ApiProperty({ example: '3000', description: 'Decimal sum' })
  total: string;
}

export class TypeStatResponse implements TypeStat {
  @ApiProperty({ enum: EVENT_TYPES })
  type: EventType;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;

  @ApiProperty(DECIMAL_SUMS)
  metricSums: Record<string, string>;
}

export class DayStatResponse implements DayStat {
  @ApiProperty({ example: '2026-11-06' })
  day: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;
}

export class UnitStatResponse implements UnitStat {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;

  @ApiProperty(DECIMAL_SUMS)
  metricSums: Record<string, string>;
}

export class CampaignStatsResponse implements CampaignStats {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The subtree the figures cover (null: your whole scope)',
  })
  organizationId: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  eventCount: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Units that logged at least one event' })
  unitsWithEvents: number;

  @ApiProperty({ type: () => MetricTotalResponse, isArray: true })
  metrics: MetricTotalResponse[];

  @ApiProperty({ type: () => TypeStatResponse, isArray: true })
  byType: TypeStatResponse[];

  @ApiProperty({ type: () => DayStatResponse, isArray: true })
  byDay: DayStatResponse[];

  @ApiProperty({ type: () => UnitStatResponse, isArray: true, description: 'Units with the most events first' })
  byUnit: UnitStatResponse[];
}
