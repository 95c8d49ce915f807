// How the planning modules (campaigns, leading groups, tasks) find a campaign and the units in it.
// Visibility follows AccessService.findCampaign: the organizer unit inside the caller's scope, or a
// participating unit inside it; anything else is 404.
import { Inject, Injectable } from '@nestjs/common';
import type { Permission } from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { NotFound } from '../../core/errors/domain-errors.js';
import { DEFAULT_TIME_ZONE, todayIn } from '../../core/time/calendar.js';
import type { Prisma } from '../../generated/prisma/client.js';

const campaignInclude = {
  organizer: { select: { id: true, name: true, path: true } },
  metrics: { orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }] },
  _count: { select: { participants: true } },
} satisfies Prisma.CampaignInclude;

export type OrgRef = { id: string; name: string; path: string };

@Injectable()
export class CampaignAccessService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
  ) {}

  static readonly include = campaignInclude;

  /**
   * The campaign if the actor may see it for `permission` (organizerOnly: only through the organizer unit),
   * with its organizer, metrics and participant count. One query; 404 otherwise.
   */
  async find(actor: Actor, campaignId: string, permission: Permission, organizerOnly = false) {
    const campaign = await this.prisma.campaign.findFirst({
      where: this.access.campaignWhere(actor, campaignId, permission, organizerOnly),
      include: campaignInclude,
    });
    if (!campaign) throw new NotFound('Campaign');
    return campaign;
  }

  /** Does the actor hold `permission` over the organization at `path` (through it or an ancestor)? */
  covers(actor: Actor, permission: Permission, path: string): boolean {
    return this.access.covers(actor, permission, path);
  }

  /** An organization inside the actor's scope for `permission`, or 404. */
  async organizationInScope(actor: Actor, organizationId: string, permission: Permission, entity = 'Organization') {
    const org = await this.prisma.organization.findFirst({
      where: { AND: [{ id: organizationId }, this.access.organizationWhere(actor, permission)] },
      select: { id: true, name: true, path: true, parentId: true, archivedAt: true, kind: true },
    });
    if (!org) throw new NotFound(entity);
    return org;
  }

  /** Is the unit taking part in the campaign, or is it the organizer (which may hold its own tasks and group)? */
  async isCampaignUnit(
    campaign: { id: string; tenantId: string; organizerOrgId: string },
    organizationId: string,
  ): Promise<boolean> {
    if (organizationId === campaign.organizerOrgId) return true;
    const p = await this.prisma.participant.findFirst({
      where: { tenantId: campaign.tenantId, campaignId: campaign.id, organizationId },
      select: { id: true },
    });
    return p !== null;
  }

  /** Today in the tenant's time zone ('YYYY-MM-DD'): the day "overdue" is measured from. */
  async today(actor: Actor): Promise<string> {
    const tenant = await this.prisma.tenant.findFirst({ where: { id: actor.tenantId }, select: { timeZone: true } });
    return todayIn(tenant?.timeZone ?? DEFAULT_TIME_ZONE);
  }

  /** LIKE patterns of the actor's scope for `permission` (each a materialized-path prefix). */
  scopePatterns(actor: Actor, permission: Permission): string[] {
    return this.access.scopePaths(actor, permission).map((p) => `${p}%`);
  }
}
