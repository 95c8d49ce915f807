// The bell: a user's own notifications, newest first, and marking them read. Every query is bound to the
// caller's tenant and user id, so another user's notification can be neither read nor marked.
import { Inject, Injectable } from '@nestjs/common';
import type { NotificationView, Page } from '@campaign-month/contracts';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { InvalidInput } from '../../core/errors/domain-errors.js';
import { pageArgs } from '../../core/http/dto/page-query.dto.js';
import type { Notification } from '../../generated/prisma/client.js';
import type { ListNotificationsQueryDto, MarkReadDto } from './dto/notification.dto.js';

@Injectable()
export class NotificationsService {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async list(actor: Actor, q: ListNotificationsQueryDto): Promise<Page<NotificationView>> {
    const where = { tenantId: actor.tenantId, userId: actor.userId, ...(q.unread ? { readAt: null } : {}) };
    const [rows, total] = await Promise.all([
      this.prisma.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...pageArgs(q) }),
      this.prisma.notification.count({ where }),
    ]);
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.prisma.notification.count({ where: { tenantId: actor.tenantId, userId: actor.userId, readAt: null } });
  }

  async markRead(actor: Actor, dto: MarkReadDto): Promise<{ updated: number; unread: number }> {
    if (!dto.all && !dto.ids?.length) throw InvalidInput.field('ids', 'Give ids, or all: true');
    const { count } = await this.prisma.notification.updateMany({
      where: {
        tenantId: actor.tenantId,
        userId: actor.userId,
        readAt: null,
        ...(dto.all ? {} : { id: { in: dto.ids } }),
      },
      data: { readAt: new Date() },
    });
    return { updated: count, unread: await this.unreadCount(actor) };
  }
}

export function toView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    campaignId: n.campaignId,
    organizationId: n.organizationId,
    title: n.title,
    body: n.body,
    link: n.link,
    actorId: n.actorId,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}
