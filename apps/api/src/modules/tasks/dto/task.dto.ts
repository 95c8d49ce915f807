import {
  type CreateTaskRequest,
  TASK_STATUSES,
  type TaskCascade,
  type TaskStatus,
  type UpdateTaskRequest,
} from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDay } from '../../../core/http/calendar-day.validator.js';
import { PageQueryDto } from '../../../core/http/dto/page-query.dto.js';
import { trim } from '../../../core/http/dto/transforms.js';

const PresentNotNull = () => ValidateIf((_o: object, v: unknown) => v !== undefined);
export const CASCADES = ['CHILDREN', 'PARTICIPANTS'] as const satisfies readonly TaskCascade[];

export class CreateTaskDto implements CreateTaskRequest {
  @ApiProperty({
    description: 'The unit the task is for (a participant or the organizer); with cascade, the unit handing it down',
  })
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;

  @ApiPropertyOptional({ example: 'flag-ceremony', description: "A suggested task of the campaign's template" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  templateTaskKey?: string;

  @ApiPropertyOptional({ example: '国旗下宣讲', description: 'Required without templateTaskKey' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({
    example: '2026-11-07',
    description: 'Inside the campaign: on or after its startsOn, on or before its reportDueOn',
  })
  @IsOptional()
  @IsCalendarDay()
  dueOn?: string;

  @ApiPropertyOptional({ description: "A member of the unit's leading group" })
  @IsOptional()
  @IsUUID('all', { message: 'responsibleMemberId must be a UUID' })
  responsibleMemberId?: string;

  @ApiPropertyOptional({
    enum: CASCADES,
    description: 'One child task per participating child unit, or per participant below the unit',
  })
  @IsOptional()
  @IsIn(CASCADES, { message: `cascade must be one of ${CASCADES.join(', ')}` })
  cascade?: TaskCascade;
}

export class UpdateTaskDto implements UpdateTaskRequest {
  @ApiPropertyOptional({ description: 'Organizers only' })
  @PresentNotNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Organizers only; null clears it' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Organizers only; null clears it' })
  @IsOptional()
  @IsCalendarDay()
  dueOn?: string | null;

  @ApiPropertyOptional({ enum: TASK_STATUSES, description: 'CANCELLED (and leaving it) is for organizers' })
  @PresentNotNull()
  @IsIn(TASK_STATUSES, { message: `status must be one of ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "A member of the unit's leading group; null unassigns",
  })
  @IsOptional()
  @IsUUID('all', { message: 'responsibleMemberId must be a UUID' })
  responsibleMemberId?: string | null;
}

export class ListTasksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "Only this unit's tasks" })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES, { message: `status must be one of ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;

  @ApiPropertyOptional({ description: 'true: only open tasks past their due day; false: none of those' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only the tasks cascaded from this one' })
  @IsOptional()
  @IsUUID('all', { message: 'parentTaskId must be a UUID' })
  parentTaskId?: string;

  @ApiPropertyOptional({ description: 'true: only top-level tasks (not cascaded from another)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'topLevel must be true or false' })
  topLevel?: boolean;

  @ApiPropertyOptional({
    description:
      'true: only tasks not handed down further (no cascaded children): the units’ own tasks a roll-up counts; ' +
      'false: only tasks handed down',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'leaf must be true or false' })
  leaf?: boolean;
}
