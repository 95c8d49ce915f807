// Writes notifications and their deliveries. Call toUnit() inside the transaction that decides the message
// (the 催办, the summary's return), so the message exists exactly when the change does; then dispatch() the
// returned deliveries after the commit: each becomes a pg-boss job (modules/channels/delivery.service.ts).
// A delivery whose job was never enqueued (the process died between commit and dispatch) is picked up by
// the channels sweep on the next tick.
import { Inject, Injectable } from '@nestjs/common';
import type { NotificationKind } from '@campaign-month/contracts';
import { PrismaService } from '../../core/database/prisma.service.js';
import { JobsService } from '../../core/jobs/jobs.service.js';
import { DEFAULT_TIME_ZONE, dayToDate, todayIn } from '../../core/time/calendar.js';
import type { Prisma } from '../../generated/prisma/client.js';

export const DELIVER_QUEUE = 'notify.deliver';

type Db = Prisma.TransactionClient | PrismaService;

export interface UnitMessage {
  tenantId: string;
  campaignId: string | null;
  organizationId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  /** The fact this message is about; one notification per user, fact and day. */
  factKey: string;
  /** The tenant's calendar day ('YYYY-MM-DD'). */
  day: string;
  actorId?: string | null;
}

@Injectable()
export class NotificationWriter {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(JobsService) private readonly jobs: JobsService,
  ) {}

  /** Today in the tenant's time zone. */
  async tenantToday(tenantId: string, db: Db = this.prisma): Promise<string> {
    const t = await db.tenant.findFirst({ where: { id: tenantId }, select: { timeZone: true } });
    return todayIn(t?.timeZone ?? DEFAULT_TIME_ZONE);
  }

  /** The unit's active REPORTERs (memberships on the unit itself). */
  async reporters(db: Db, tenantId: string, organizationId: string): Promise<string[]> {
    const rows = await db.membership.findMany({
      where: { tenantId, organizationId, role: 'REPORTER', user: { isActive: true } },
      select: { userId: true },
    });
    return [...new Set(rows.map((r) => r.userId))];
  }

  /**
   * The message for the unit's reporters (in-app) and its enabled channels (robots, webhook, e-mail).
   * Returns how many users got it now (a user who already has this fact today is not counted) and the
   * deliveries to dispatch after the commit.
   */
  async toUnit(db: Db, m: UnitMessage): Promise<{ recipients: number; deliveryIds: string[] }> {
    const users = await this.reporters(db, m.tenantId, m.organizationId);
    const { count } = await db.notification.createMany({
      data: users.map((userId) => ({
        tenantId: m.tenantId,
        userId,
        kind: m.kind,
        campaignId: m.campaignId,
        organizationId: m.organizationId,
        title: m.title,
        body: m.body,
        link: m.link,
        factKey: m.factKey,
        day: dayToDate(m.day),
        actorId: m.actorId ?? null,
      })),
      skipDuplicates: true,
    });
    const channels = await db.notificationChannel.findMany({
      where: { tenantId: m.tenantId, organizationId: m.organizationId, enabled: true },
      select: { id: true, kind: true },
    });
    const deliveryIds: string[] = [];
    for (const c of channels) {
      const rows = await db.notificationDelivery.createManyAndReturn({
        data: [
          {
            tenantId: m.tenantId,
            dedupeKey: `${m.factKey}:${m.day}:${c.id}`,
            channelId: c.id,
            kind: c.kind,
            campaignId: m.campaignId,
            organizationId: m.organizationId,
            title: m.title,
            body: m.body,
            link: m.link,
          },
        ],
        skipDuplicates: true,
        select: { id: true },
      });
      deliveryIds.push(...rows.map((r) => r.id));
    }
    return { recipients: count, deliveryIds };
  }

  /** After the commit: one delivery job each (pg-boss retries a failed one with backoff). */
  async dispatch(deliveryIds: readonly string[]): Promise<void> {
    if (!deliveryIds.length) return;
    await this.jobs.insert(
      DELIVER_QUEUE,
      deliveryIds.map((id) => ({ data: { deliveryId: id }, singletonKey: id })),
    );
    await this.prisma.notificationDelivery.updateMany({
      where: { id: { in: [...deliveryIds] } },
      data: { enqueuedAt: new Date() },
    });
  }
}
