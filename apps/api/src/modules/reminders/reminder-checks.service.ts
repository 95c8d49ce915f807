// The scheduled side of 督办: every NOTIFY_TICK_SECONDS one tick (a pg-boss job throttled to one per period
// across all processes) fans out one job per tenant with active campaigns; the tenant's job runs each
// campaign's rule checks (rule-checks.sql.ts) and, once the digest hour has come in the tenant's time
// zone, its daily digest (digest.service.ts). Deliveries left without a job are enqueued again here.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { JobsService } from '../../core/jobs/jobs.service.js';
import { DEFAULT_TIME_ZONE, todayIn } from '../../core/time/calendar.js';
import { NotificationWriter } from '../notifications/notification-writer.service.js';
import { DigestService } from './digest.service.js';
import { ReminderRulesService } from './reminder-rules.service.js';
import { ruleStatements } from './rule-checks.sql.js';

export const TICK_QUEUE = 'reminders.tick';
export const TENANT_QUEUE = 'reminders.tenant';

@Injectable()
export class ReminderChecksService {
  private readonly log = new Logger('Reminders');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(ReminderRulesService) private readonly rules: ReminderRulesService,
    @Inject(DigestService) private readonly digest: DigestService,
    @Inject(NotificationWriter) private readonly writer: NotificationWriter,
  ) {
    const period = config.notify.tickSeconds;
    jobs.register({ name: TICK_QUEUE, handler: () => this.tick() });
    jobs.register<{ tenantId: string }>({
      name: TENANT_QUEUE,
      handler: (d) => this.runTenant(d.tenantId),
      batchSize: 4,
      expireInSeconds: 900,
    });
    // one tick per period whichever process sends it first (pg-boss throttling: singletonSeconds)
    jobs.every(period, async () => {
      await this.jobs.send(TICK_QUEUE, {}, { singletonKey: 'tick', singletonSeconds: period });
    });
  }

  /** One job per tenant with an active campaign, and the deliveries whose job got lost. */
  async tick(): Promise<{ tenants: number; requeued: number }> {
    const period = this.config.notify.tickSeconds;
    const tenants = await this.prisma.campaign.findMany({
      where: { status: 'ACTIVE' },
      distinct: ['tenantId'],
      select: { tenantId: true },
    });
    for (const { tenantId } of tenants) {
      await this.jobs.send(TENANT_QUEUE, { tenantId }, { singletonKey: tenantId, singletonSeconds: period });
    }
    const lost = await this.prisma.notificationDelivery.findMany({
      where: { status: 'PENDING', enqueuedAt: null, createdAt: { lt: new Date(Date.now() - 60_000) } },
      select: { id: true },
      take: 5000,
    });
    await this.writer.dispatch(lost.map((d) => d.id));
    return { tenants: tenants.length, requeued: lost.length };
  }

  /** The tenant's rule checks, campaign by campaign, then its digest when the hour has come. */
  async runTenant(tenantId: string, now = new Date()): Promise<{ notified: number; digests: number }> {
    const tenant = await this.prisma.tenant.findFirst({ where: { id: tenantId }, select: { timeZone: true } });
    if (!tenant) return { notified: 0, digests: 0 };
    const timeZone = tenant.timeZone || DEFAULT_TIME_ZONE;
    const today = todayIn(timeZone, now);
    const campaigns = await this.prisma.campaign.findMany({
      where: { tenantId, status: 'ACTIVE' },
      select: { id: true, tenantId: true, templateKey: true },
    });
    let notified = 0;
    let digestHour = 24;
    for (const c of campaigns) {
      const rules = await this.rules.rulesOf(c);
      digestHour = Math.min(digestHour, rules.digestHour);
      for (const { rule, sql } of ruleStatements({ tenantId, campaignId: c.id, today }, rules)) {
        const n = await this.prisma.$executeRaw(sql);
        if (n) this.log.debug?.({ msg: 'reminder rule', tenantId, campaignId: c.id, rule, notified: n });
        notified += n;
      }
    }
    const digests = localHour(timeZone, now) >= digestHour ? await this.digest.send(tenantId, today) : 0;
    return { notified, digests };
  }
}

/** The hour (0–23) of an instant in a time zone. */
export function localHour(timeZone: string, now: Date): number {
  const h = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now);
  return Number(h);
}
