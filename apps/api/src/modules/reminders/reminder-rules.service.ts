// GET|PUT /campaigns/:id/reminder-rules: the organizers of the campaign (its organizer unit in their scope)
// read and change them; anyone else gets 404.
import { Inject, Injectable } from '@nestjs/common';
import type { ReminderRules } from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { templateReminderRules } from './reminder-defaults.js';

type Db = Pick<PrismaService, 'reminderRule'>;

@Injectable()
export class ReminderRulesService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async get(actor: Actor, campaignId: string): Promise<ReminderRules> {
    const campaign = await this.access.findCampaign(actor, campaignId, 'campaign:write', true);
    return this.rulesOf(campaign);
  }

  async put(actor: Actor, campaignId: string, rules: ReminderRules): Promise<ReminderRules> {
    const campaign = await this.access.findCampaign(actor, campaignId, 'campaign:write', true);
    const data = pick(rules);
    await this.prisma.reminderRule.upsert({
      where: { tenantId_campaignId: { tenantId: campaign.tenantId, campaignId: campaign.id } },
      create: { tenantId: campaign.tenantId, campaignId: campaign.id, ...data, updatedById: actor.userId },
      update: { ...data, updatedById: actor.userId },
    });
    await this.audit.record({
      action: 'campaign.reminder_rules',
      entityType: 'Campaign',
      entityId: campaign.id,
      organizationId: campaign.organizerOrgId,
      changes: { ...data },
    });
    return data;
  }

  /** The stored rules, or the template's defaults. */
  async rulesOf(
    campaign: { id: string; tenantId: string; templateKey: string | null },
    db: Db = this.prisma,
  ): Promise<ReminderRules> {
    const row = await db.reminderRule.findFirst({ where: { tenantId: campaign.tenantId, campaignId: campaign.id } });
    return row ? pick(row) : templateReminderRules(campaign.templateKey);
  }
}

function pick(r: ReminderRules): ReminderRules {
  return {
    dueSoonDays: r.dueSoonDays,
    overdue: r.overdue,
    escalateAfterDays: r.escalateAfterDays,
    noGroupByDay: r.noGroupByDay,
    noEventDays: r.noEventDays,
    summaryDueSoonDays: r.summaryDueSoonDays,
    digestHour: r.digestHour,
  };
}
