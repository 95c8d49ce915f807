// Response bodies of the task routes, as the OpenAPI document describes them.
import {
  type ChildTaskProgress,
  TASK_KINDS,
  TASK_STATUSES,
  type TaskKind,
  type TaskStatus,
  type TaskView,
} from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '../../../core/http/dto/page.response.js';
import { OrganizationRefResponse } from '../../campaigns/dto/campaign.response.js';

export class TaskResponsibleResponse {
  @ApiProperty({ format: 'uuid', description: 'A member of the unit’s leading group' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  title: string | null;
}

export class ChildTaskProgressResponse implements ChildTaskProgress {
  @ApiProperty({ type: 'integer', minimum: 0 })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  todo: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  inProgress: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  done: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  cancelled: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  overdue: number;
}

export class TaskResponse implements TaskView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ type: () => OrganizationRefResponse })
  organization: OrganizationRefResponse;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentTaskId: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-11-15' })
  dueOn: string | null;

  @ApiProperty({ enum: TASK_STATUSES })
  status: TaskStatus;

  @ApiProperty({
    enum: TASK_KINDS,
    description:
      'LEADING_GROUP: completed when the unit’s 领导小组 is saved with a member; inherited by cascaded tasks',
  })
  kind: TaskKind;

  @ApiProperty({ description: 'Open and past dueOn (tenant’s calendar)' })
  overdue: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: string | null;

  @ApiProperty({ type: () => TaskResponsibleResponse, nullable: true })
  responsible: TaskResponsibleResponse | null;

  @ApiProperty({
    type: () => ChildTaskProgressResponse,
    nullable: true,
    description: 'Progress of the tasks cascaded from this one; null when it has none',
  })
  children: ChildTaskProgressResponse | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const TaskPageResponse = PageResponse(TaskResponse);
