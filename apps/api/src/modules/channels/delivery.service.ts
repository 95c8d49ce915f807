// The notify.deliver job: sends one outbox row (notification_delivery) through its channel, or a user's
// digest by e-mail. Sent once: a SENT row is not sent again, whichever process picks the job up. A failure
// is recorded on the row and on the channel (GET …/notification-channels shows the last one) and thrown,
// so pg-boss retries with exponential backoff: NOTIFY_RETRY_DELAY_SECONDS, twice that, … for about a day.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { JobsService } from '../../core/jobs/jobs.service.js';
import { DELIVER_QUEUE } from '../notifications/notification-writer.service.js';
import { ChannelSender, SendFailure } from './channel-sender.service.js';

@Injectable()
export class DeliveryService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(ChannelSender) private readonly sender: ChannelSender,
    @Inject(JobsService) jobs: JobsService,
  ) {
    jobs.register<{ deliveryId: string }>({
      name: DELIVER_QUEUE,
      handler: (d) => this.deliver(d.deliveryId),
      // a digest morning: thousands of e-mails; each worker takes up to 200 per poll
      batchSize: 200,
      workers: 4,
      retry: { limit: config.notify.retryLimit, delaySeconds: config.notify.retryDelaySeconds },
      expireInSeconds: 120,
    });
  }

  async deliver(deliveryId: string): Promise<{ status: string }> {
    const d = await this.prisma.notificationDelivery.findFirst({ where: { id: deliveryId } });
    if (!d) return { status: 'GONE' };
    if (d.status !== 'PENDING') return { status: d.status };
    const channel = d.channelId
      ? await this.prisma.notificationChannel.findFirst({ where: { tenantId: d.tenantId, id: d.channelId } })
      : null;
    if (d.channelId && !channel?.enabled) {
      await this.prisma.notificationDelivery.update({
        where: { id: d.id },
        data: { status: 'FAILED', lastError: 'the channel was removed or disabled' },
      });
      return { status: 'FAILED' };
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
    } catch (error) {
      const f = error instanceof SendFailure ? error : new SendFailure(String((error as Error).message ?? error), null);
      const attempts = d.attempts + 1;
      const final = attempts > this.config.notify.retryLimit;
      await this.prisma.notificationDelivery.update({
        where: { id: d.id },
        data: { attempts, lastError: f.message.slice(0, 500), ...(final ? { status: 'FAILED' } : {}) },
      });
      if (channel)
        await this.prisma.notificationChannel.update({
          where: { id: channel.id },
          data: { lastFailureAt: new Date(), lastFailureStatus: f.status, lastFailureMessage: f.message.slice(0, 500) },
        });
      throw f;
    }
    await this.prisma.notificationDelivery.update({
      where: { id: d.id },
      data: { status: 'SENT', attempts: d.attempts + 1, sentAt: new Date() },
    });
    if (channel)
      await this.prisma.notificationChannel.update({ where: { id: channel.id }, data: { lastSuccessAt: new Date() } });
    return { status: 'SENT' };
  }
}
