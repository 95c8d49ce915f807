import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import {
  ListNotificationsQueryDto,
  MarkedReadResponse,
  MarkReadDto,
  NotificationPageResponse,
  UnreadCountResponse,
} from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications, newest first (unread=true: only the unread ones)' })
  @ApiOkResponse({
    type: NotificationPageResponse,
    description: '{ items: NotificationView[], total, page, pageSize }',
  })
  list(@CurrentActor() actor: Actor, @Query() q: ListNotificationsQueryDto) {
    return this.notifications.list(actor, q);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of your notifications are unread (the bell)' })
  @ApiOkResponse({ type: UnreadCountResponse })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountResponse> {
    return { unread: await this.notifications.unreadCount(actor) };
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark notifications read: {ids} (your own; other ids are ignored) or {all: true}' })
  @ApiOkResponse({ type: MarkedReadResponse })
  markRead(@CurrentActor() actor: Actor, @Body() dto: MarkReadDto) {
    return this.notifications.markRead(actor, dto);
  }
}
