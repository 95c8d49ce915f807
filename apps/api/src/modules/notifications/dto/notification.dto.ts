import {
  type MarkNotificationsReadRequest,
  NOTIFICATION_KINDS,
  type NotificationView,
} from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../core/http/dto/page-query.dto.js';
import { PageResponse } from '../../../core/http/dto/page.response.js';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only the unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

export class MarkReadDto implements MarkNotificationsReadRequest {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 500,
    description: 'Your notifications; other ids are ignored',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'ids must be UUIDs' })
  ids?: string[];

  @ApiPropertyOptional({ description: 'Mark every one of your notifications read' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

export class NotificationResponse implements NotificationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationView['kind'];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  campaignId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId: string | null;

  @ApiProperty({ example: '任务已逾期：张贴海报' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: String, nullable: true, example: '/unit/7b0c…/tasks', description: 'A path of the web app' })
  link: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class NotificationPageResponse extends PageResponse(NotificationResponse) {}

export class UnreadCountResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  unread: number;
}

export class MarkedReadResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Notifications newly marked read' })
  updated: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  unread: number;
}
