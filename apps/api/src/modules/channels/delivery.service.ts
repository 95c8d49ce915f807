// The notify.deliver job: sends one outbox row (notification_delivery) through its channel, or a user's
// digest by e-mail. Sent once: a SENT row is not sent again, whichever process picks the job up. A failure
// is recorded on the row and on the channel (GET …/notification-channels shows the last one) and thrown,
// so pg-boss retries with exponential backoff: NOTIFY_RETRY_DELAY_SECONDS, twice that, … for about a day.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { JobsService } from '../../core/jobs/jobs.service.js';
import { DELIVER_QUEUE } from '../notifications/notification-writer.service.js';
import pLimit from 'p-limit';
import type { NotificationDelivery } from '../../generated/prisma/client.js';
import { ChannelSender, SendFailure } from './channel-sender.service.js';

@Injectable()
export class DeliveryService {
  /** Messages on their way at once from one batch (the SMTP pool has eight connections). */
  private readonly sends = pLimit(8);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(ChannelSender) private readonly sender: ChannelSender,
    @Inject(JobsService) jobs: JobsService,
  ) {
    jobs.register<{ deliveryId: string }>({
      name: DELIVER_QUEUE,
      handler: (d) => this.deliver(d.deliveryId),
      batchHandler: (jobs) => this.deliverBatch(jobs.map((j) => j.data.deliveryId)),
      // a digest morning: thousands of e-mails; each worker takes up to 200 per poll
      batchSize: 200,
      workers: 4,
      retry: { limit: config.notify.retryLimit, delaySeconds: config.notify.retryDelaySeconds },
      expireInSeconds: 120,
    });
  }

  async deliver(deliveryId: string): Promise<{ status: string }> {
    const [error] = await this.deliverBatch([deliveryId]);
    if (error) throw error;
    return { status: 'DONE' };
  }

  /**
   * A fetched batch: the rows read with one statement, sent eight at a time, the sent ones marked with one
   * statement; each failure recorded on its row and channel and answered for its job (pg-boss retries it).
   */
  async deliverBatch(ids: string[]): Promise<(Error | null)[]> {
    const rows = await this.prisma.notificationDelivery.findMany({ where: { id: { in: ids }, status: 'PENDING' } });
    const channelIds = [...new Set(rows.flatMap((r) => (r.channelId ? [r.channelId] : [])))];
    const channels = new Map(
      (channelIds.length
        ? await this.prisma.notificationChannel.findMany({ where: { id: { in: channelIds } } })
        : []
      ).map((c) => [c.id, c]),
    );
    const errors = new Map<string, Error>();
    const sent: NotificationDelivery[] = [];
    const gone: string[] = [];
    await Promise.all(
      rows.map((d) =>
        this.sends(async () => {
          const channel = d.channelId ? channels.get(d.channelId) : undefined;
          if (d.channelId && (channel?.tenantId !== d.tenantId || !channel.enabled)) {
            gone.push(d.id);
            return;
          }
          const target = channel
            ? { kind: channel.kind, url: channel.url, secret: channel.secret, recipients: channel.recipients }
            : { kind: d.kind, url: null, secret: null, recipients: d.recipients };
          try {
            await this.sender.send(target, {
              kind: d.kind === 'EMAIL' && !d.channelId ? 'DIGEST' : 'NOTIFICATION',
              title: d.title,
              body: d.body,
              link: this.sender.absolute(d.link),
              campaignId: d.campaignId,
              organizationId: d.organizationId,
              sentAt: new Date().toISOString(),
            });
            sent.push(d);
          } catch (error) {
            const f =
              error instanceof SendFailure ? error : new SendFailure(String((error as Error).message ?? error), null);
            errors.set(d.id, f);
            await this.recordFailure(d, f);
          }
        }),
      ),
    );
    if (sent.length) {
      const now = new Date();
      await this.prisma.notificationDelivery.updateMany({
        where: { id: { in: sent.map((d) => d.id) } },
        data: { status: 'SENT', attempts: { increment: 1 }, sentAt: now },
      });
      const used = [...new Set(sent.flatMap((d) => (d.channelId ? [d.channelId] : [])))];
      if (used.length)
        await this.prisma.notificationChannel.updateMany({ where: { id: { in: used } }, data: { lastSuccessAt: now } });
    }
    if (gone.length)
      await this.prisma.notificationDelivery.updateMany({
        where: { id: { in: gone } },
        data: { status: 'FAILED', lastError: 'the channel was removed or disabled' },
      });
    return ids.map((id) => errors.get(id) ?? null);
  }

  private async recordFailure(d: NotificationDelivery, f: SendFailure): Promise<void> {
    const attempts = d.attempts + 1;
    const final = attempts > this.config.notify.retryLimit;
    await this.prisma.notificationDelivery.update({
      where: { id: d.id },
      data: { attempts, lastError: f.message.slice(0, 500), ...(final ? { status: 'FAILED' } : {}) },
    });
    if (d.channelId)
      await this.prisma.notificationChannel.update({
        where: { id: d.channelId },
        data: { lastFailureAt: new Date(), lastFailureStatus: f.status, lastFailureMessage: f.message.slice(0, 500) },
      });
  }
}
