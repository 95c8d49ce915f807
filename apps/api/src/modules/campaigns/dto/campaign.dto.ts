import {
  type AddParticipantsRequest,
  CAMPAIGN_STATUSES,
  type CampaignStatus,
  type CreateCampaignRequest,
  EVENT_TYPES,
  type EventType,
  METRIC_KINDS,
  type MetricDefinitionInput,
  type MetricKind,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  type UpdateCampaignRequest,
} from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDay } from '../../../core/http/calendar-day.validator.js';
import { PageQueryDto } from '../../../core/http/dto/page-query.dto.js';
import { trim } from '../../../core/http/dto/transforms.js';

/** Optional, but when present it may not be null. */
export const PresentNotNull = () => ValidateIf((_o: object, v: unknown) => v !== undefined);

export const METRIC_KEY = /^[a-z][A-Za-z0-9]{0,63}$/;

export class MetricDefinitionDto implements MetricDefinitionInput {
  @ApiProperty({ example: 'leaflets', pattern: METRIC_KEY.source })
  @IsString()
  @Matches(METRIC_KEY, {
    message: 'key must be camelCase letters and digits, starting with a lower-case letter (at most 64)',
  })
  key: string;

  @ApiProperty({ example: '发放宣传单' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label: string;

  @ApiProperty({ example: '份' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit: string;

  @ApiProperty({ enum: METRIC_KINDS })
  @IsIn(METRIC_KINDS, { message: `kind must be one of ${METRIC_KINDS.join(', ')}` })
  kind: MetricKind;
}

export class AddParticipantsDto implements AddParticipantsRequest {
  @ApiPropertyOptional({ type: [String], description: 'Units to add (inside the organizer subtree and your scope)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'organizationIds must be UUIDs' })
  organizationIds?: string[];

  @ApiPropertyOptional({ description: 'Add every unit of this subtree (its root too, unless it is the organizer)' })
  @IsOptional()
  @IsUUID('all', { message: 'subtreeOf must be a UUID' })
  subtreeOf?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS, isArray: true, description: 'With subtreeOf: only these kinds' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORGANIZATION_KINDS.length)
  @ArrayUnique()
  @IsIn(ORGANIZATION_KINDS, { each: true, message: `kinds must be among ${ORGANIZATION_KINDS.join(', ')}` })
  kinds?: OrganizationKind[];
}

class CampaignTextFields {
  @ApiPropertyOptional({ type: String, nullable: true, example: '关于开展2026年“全民反诈在行动”集中宣传月活动的通知' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  directiveTitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '江公通〔2026〕18号' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  directiveNumber?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why the month is held, one clause (opens the summary)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  purpose?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  goals?: string | null;

  @ApiPropertyOptional({ enum: EVENT_TYPES, isArray: true })
  @PresentNotNull()
  @IsArray()
  @ArrayMaxSize(EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true, message: `suggestedEventTypes must be among ${EVENT_TYPES.join(', ')}` })
  suggestedEventTypes?: EventType[];

  @ApiPropertyOptional({ type: [MetricDefinitionDto] })
  @PresentNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MetricDefinitionDto)
  metrics?: MetricDefinitionDto[];
}

export class CreateCampaignDto extends CampaignTextFields implements CreateCampaignRequest {
  @ApiPropertyOptional({ example: 'anti-fraud', description: 'A key from GET /campaign-templates' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  templateKey?: string;

  @ApiPropertyOptional({ example: '2026年全民反诈在行动集中宣传月', description: 'Required without a template' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: 'Defaults to your only organization where you may write campaigns' })
  @IsOptional()
  @IsUUID('all', { message: 'organizerOrgId must be a UUID' })
  organizerOrgId?: string;

  @ApiProperty({ example: '2026-11-01' })
  @IsCalendarDay()
  startsOn: string;

  @ApiProperty({ example: '2026-11-30' })
  @IsCalendarDay()
  endsOn: string;

  @ApiProperty({ example: '2026-12-05', description: 'On or after endsOn' })
  @IsCalendarDay()
  reportDueOn: string;

  @ApiPropertyOptional({ type: AddParticipantsDto, description: 'Participants added in the same transaction' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddParticipantsDto)
  participants?: AddParticipantsDto;
}

export class UpdateCampaignDto extends CampaignTextFields implements UpdateCampaignRequest {
  @ApiPropertyOptional()
  @PresentNotNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: '2026-11-01' })
  @PresentNotNull()
  @IsCalendarDay()
  startsOn?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @PresentNotNull()
  @IsCalendarDay()
  endsOn?: string;

  @ApiPropertyOptional({ example: '2026-12-05' })
  @PresentNotNull()
  @IsCalendarDay()
  reportDueOn?: string;
}

export class ListCampaignsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES, { message: `status must be one of ${CAMPAIGN_STATUSES.join(', ')}` })
  status?: CampaignStatus;

  @ApiPropertyOptional({ description: 'Part of the title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Only campaigns organized by this unit' })
  @IsOptional()
  @IsUUID('all', { message: 'organizerOrgId must be a UUID' })
  organizerOrgId?: string;
}

export class ListParticipantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the unit name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS, { message: `kind must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind?: OrganizationKind;
}
