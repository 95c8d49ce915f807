// GET|PUT /organizations/:id/notification-channels and the test send, for the organization's admins
// (organization:write over it; 404 outside the scope). A channel URL pointing into the server's network
// is refused here (400) and again at every send (safe-http.ts). Secrets are stored for sending and never
// returned: GET shows them masked, and PUT keeps a channel's secret when its id comes back without one.
import { Inject, Injectable } from '@nestjs/common';
import type { ChannelView } from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { type FieldError, InvalidInput } from '../../core/errors/domain-errors.js';
import { JobsService } from '../../core/jobs/jobs.service.js';
import type { NotificationChannel } from '../../generated/prisma/client.js';
import { ChannelSender, SendFailure } from './channel-sender.service.js';
import type { ChannelInputDto } from './dto/channel.dto.js';
import { assertPublicUrl, UnsafeUrl } from './safe-http.js';

export const TEST_QUEUE = 'channels.test';

interface TestJob {
  owner: { tenantId: string; userId: string };
  organizationId: string;
}

@Injectable()
export class ChannelsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(ChannelSender) private readonly sender: ChannelSender,
  ) {
    jobs.register<TestJob>({
      name: TEST_QUEUE,
      handler: (d) => this.runTest(d),
      visibleToOwner: true,
      expireInSeconds: 120,
    });
  }

  async list(actor: Actor, organizationId: string): Promise<{ items: ChannelView[] }> {
    await this.access.assertOrganizations(actor, 'organization:write', [organizationId]);
    return { items: (await this.rows(actor.tenantId, organizationId)).map(toView) };
  }

  async replace(actor: Actor, organizationId: string, input: ChannelInputDto[]): Promise<{ items: ChannelView[] }> {
    await this.access.assertOrganizations(actor, 'organization:write', [organizationId]);
    if (input.length > 10) throw InvalidInput.field('channels', 'at most 10 channels per organization');
    const existing = new Map((await this.rows(actor.tenantId, organizationId)).map((c) => [c.id, c]));
    const problems: FieldError[] = [];
    for (const [i, c] of input.entries()) {
      const at = `channels[${i}]`;
      if (c.id && !existing.has(c.id))
        problems.push({ field: `${at}.id`, message: 'not a channel of this organization' });
      if (c.kind === 'EMAIL') {
        if (!c.to?.length) problems.push({ field: `${at}.to`, message: 'an EMAIL channel needs at least one address' });
      } else if (!c.url) {
        problems.push({ field: `${at}.url`, message: `a ${c.kind} channel needs its URL` });
      } else {
        try {
          await assertPublicUrl(c.url, this.config.notify.allowPrivateUrls);
        } catch (error) {
          if (!(error instanceof UnsafeUrl)) throw error;
          problems.push({ field: `${at}.url`, message: `refused: ${error.message}` });
        }
      }
    }
    if (problems.length) throw new InvalidInput(problems[0]!.message, problems);

    await this.prisma.$transaction(async (tx) => {
      const keep = input.flatMap((c) => (c.id ? [c.id] : []));
      await tx.notificationChannel.deleteMany({
        where: { tenantId: actor.tenantId, organizationId, id: { notIn: keep } },
      });
      for (const [i, c] of input.entries()) {
        const data = {
          kind: c.kind,
          url: c.kind === 'EMAIL' ? null : (c.url ?? null),
          recipients: c.kind === 'EMAIL' ? (c.to ?? []) : [],
          enabled: c.enabled,
          sortOrder: i,
        };
        if (c.id) {
          const before = existing.get(c.id)!;
          // a secret is kept when it is left out, unless the channel now points elsewhere
          const secret = c.secret ?? (before.url === data.url && before.kind === c.kind ? before.secret : null);
          await tx.notificationChannel.update({ where: { id: c.id }, data: { ...data, secret } });
        } else {
          await tx.notificationChannel.create({
            data: { ...data, secret: c.secret ?? null, tenantId: actor.tenantId, organizationId },
          });
        }
      }
      await this.audit.record(
        {
          action: 'organization.notification_channels',
          entityType: 'Organization',
          entityId: organizationId,
          organizationId,
          changes: { channels: input.map((c) => ({ kind: c.kind, url: c.url ?? null, enabled: c.enabled })) },
        },
        tx,
      );
    });
    return this.list(actor, organizationId);
  }

  /** Sends a test message through each enabled channel, in the background: follow it with GET /jobs/:id. */
  async test(actor: Actor, organizationId: string): Promise<{ jobId: string }> {
    await this.access.assertOrganizations(actor, 'organization:write', [organizationId]);
    const id = await this.jobs.send(TEST_QUEUE, {
      owner: { tenantId: actor.tenantId, userId: actor.userId },
      organizationId,
    } satisfies TestJob);
    return { jobId: id! };
  }

  private async runTest(job: TestJob) {
    const org = await this.prisma.organization.findFirst({
      where: { tenantId: job.owner.tenantId, id: job.organizationId },
      select: { name: true },
    });
    const channels = (await this.rows(job.owner.tenantId, job.organizationId)).filter((c) => c.enabled);
    const results: { channelId: string; kind: string; ok: boolean; status: number | null; message: string | null }[] =
      [];
    for (const c of channels) {
      try {
        await this.sender.send(
          { kind: c.kind, url: c.url, secret: c.secret, recipients: c.recipients },
          {
            kind: 'TEST',
            title: '督办通知测试',
            body: `这是一条来自宣传月督办的测试消息（${org?.name ?? ''}），收到即表示通知渠道配置正确。`,
            link: this.sender.absolute('/'),
            campaignId: null,
            organizationId: job.organizationId,
            sentAt: new Date().toISOString(),
          },
        );
        await this.prisma.notificationChannel.update({ where: { id: c.id }, data: { lastSuccessAt: new Date() } });
        results.push({ channelId: c.id, kind: c.kind, ok: true, status: null, message: null });
      } catch (error) {
        const f = error instanceof SendFailure ? error : new SendFailure(String(error), null);
        await this.prisma.notificationChannel.update({
          where: { id: c.id },
          data: { lastFailureAt: new Date(), lastFailureStatus: f.status, lastFailureMessage: f.message.slice(0, 500) },
        });
        results.push({ channelId: c.id, kind: c.kind, ok: false, status: f.status, message: f.message });
      }
    }
    return { channels: results.length, sent: results.filter((r) => r.ok).length, results };
  }

  private rows(tenantId: string, organizationId: string): Promise<NotificationChannel[]> {
    return this.prisma.notificationChannel.findMany({
      where: { tenantId, organizationId },
      orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }],
    });
  }
}

export function maskSecret(secret: string | null): string | null {
  if (!secret) return null;
  return secret.length >= 16 ? `••••${secret.slice(-4)}` : '••••';
}

function toView(c: NotificationChannel): ChannelView {
  return {
    id: c.id,
    kind: c.kind,
    url: c.url,
    secretMasked: maskSecret(c.secret),
    to: c.recipients,
    enabled: c.enabled,
    lastSuccessAt: c.lastSuccessAt?.toISOString() ?? null,
    lastFailure: c.lastFailureAt
      ? { at: c.lastFailureAt.toISOString(), status: c.lastFailureStatus, message: c.lastFailureMessage ?? '' }
      : null,
  };
}
