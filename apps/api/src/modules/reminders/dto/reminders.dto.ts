import {
  CHASE_FILTERS,
  type ChaseFilter,
  type ChaseRequest,
  type ChaseResult,
  type ChaseView,
  type ReminderRules,
} from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageResponse } from '../../../core/http/dto/page.response.js';
import { trim } from '../../../core/http/dto/transforms.js';
import { RULE_RANGES } from '../reminder-defaults.js';

export class ChaseDto implements ChaseRequest {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 5000,
    description: 'Participating units to chase; default: every participant in your scope',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'organizationIds must be UUIDs' })
  organizationIds?: string[];

  @ApiPropertyOptional({
    enum: CHASE_FILTERS,
    description: 'Only the units in this state (as the progress board shows it)',
  })
  @IsOptional()
  @IsIn(CHASE_FILTERS, { message: `filter must be one of ${CHASE_FILTERS.join(', ')}` })
  filter?: ChaseFilter;

  @ApiPropertyOptional({ maxLength: 500, example: '请于本周五前完成海报张贴并上传照片。' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  message?: string;
}

export class ChaseSkippedResponse {
  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ enum: ['CHASED_THIS_HOUR'] })
  reason: 'CHASED_THIS_HOUR';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastChasedAt: string | null;
}

export class ChaseResultResponse implements ChaseResult {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Units chased now' })
  units: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Reporters who received the 催办' })
  recipients: number;

  @ApiProperty({ type: () => ChaseSkippedResponse, isArray: true, description: 'Units already chased this hour' })
  skipped: ChaseSkippedResponse[];
}

export class ChaseResponse implements ChaseView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  actorId: string;

  @ApiProperty({ example: '王组织' })
  actorName: string;

  @ApiProperty({ enum: CHASE_FILTERS, nullable: true })
  filter: ChaseFilter | null;

  @ApiProperty({ type: String, nullable: true })
  message: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  recipients: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ChasePageResponse extends PageResponse(ChaseResponse) {}

const NullOr = () => ValidateIf((_o: object, v: unknown) => v !== null);

export class ReminderRulesDto implements ReminderRules {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 30, example: 3, description: 'Tasks due within N days' })
  @IsInt()
  @Min(RULE_RANGES.dueSoonDays[0])
  @Max(RULE_RANGES.dueSoonDays[1])
  dueSoonDays: number;

  @ApiProperty({ description: 'Tell the unit about its overdue tasks' })
  @IsBoolean()
  overdue: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 60,
    nullable: true,
    example: 3,
    description: 'A task overdue N days reaches the organizers above the unit; null: off',
  })
  @NullOr()
  @IsInt()
  @Min(RULE_RANGES.escalateAfterDays[0])
  @Max(RULE_RANGES.escalateAfterDays[1])
  escalateAfterDays: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 60,
    nullable: true,
    example: 3,
    description: 'No leading group by day N of the month (1 = its first day); null: off',
  })
  @NullOr()
  @IsInt()
  @Min(RULE_RANGES.noGroupByDay[0])
  @Max(RULE_RANGES.noGroupByDay[1])
  noGroupByDay: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 60,
    nullable: true,
    example: 7,
    description: 'No event for N days; null: off',
  })
  @NullOr()
  @IsInt()
  @Min(RULE_RANGES.noEventDays[0])
  @Max(RULE_RANGES.noEventDays[1])
  noEventDays: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 30,
    nullable: true,
    example: 3,
    description: 'Summary due within N days and not submitted; null: off',
  })
  @NullOr()
  @IsInt()
  @Min(RULE_RANGES.summaryDueSoonDays[0])
  @Max(RULE_RANGES.summaryDueSoonDays[1])
  summaryDueSoonDays: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 23,
    example: 9,
    description: "The digest's hour, tenant's time zone",
  })
  @IsInt()
  @Min(RULE_RANGES.digestHour[0])
  @Max(RULE_RANGES.digestHour[1])
  digestHour: number;
}
