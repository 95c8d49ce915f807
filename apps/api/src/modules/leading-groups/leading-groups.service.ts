// 领导小组: one per campaign × unit. PUT replaces the whole roster in one transaction; members sent with
// their id are kept (so tasks assigned to them stay assigned), the others are replaced.
import { Inject, Injectable } from '@nestjs/common';
import type { LeadingGroupRole, LeadingGroupView, Permission } from '@campaign-month/contracts';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { isUniqueViolation } from '../../core/database/prisma-errors.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../core/errors/domain-errors.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import { assertNotClosed } from '../campaigns/campaign-rules.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { PutLeadingGroupDto } from './dto/leading-group.dto.js';
import { checkRoster } from './leading-group-rules.js';

const groupInclude = {
  members: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.LeadingGroupInclude;

type GroupRow = {
  updatedAt: Date;
  members: {
    id: string;
    name: string;
    title: string | null;
    role: string;
    department: string | null;
    duty: string | null;
    phone: string | null;
    sortOrder: number;
  }[];
};

function toView(campaignId: string, organizationId: string, group: GroupRow | null): LeadingGroupView {
  return {
    campaignId,
    organizationId,
    set: group !== null && group.members.length > 0,
    members: (group?.members ?? []).map((m) => ({
      id: m.id,
      name: m.name,
      title: m.title,
      role: m.role as LeadingGroupRole,
      department: m.department,
      duty: m.duty,
      phone: m.phone,
      sortOrder: m.sortOrder,
    })),
    updatedAt: group?.updatedAt.toISOString() ?? null,
  };
}

const blankToNull = (v: string | null | undefined) => (v ? v : null);

@Injectable()
export class LeadingGroupsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CampaignAccessService) private readonly campaigns: CampaignAccessService,
  ) {}

  /** The campaign (visible), the unit (in scope) and that the unit takes part or organizes; else 404. */
  private async locate(actor: Actor, campaignId: string, organizationId: string, permission: Permission) {
    const campaign = await this.campaigns.find(actor, campaignId, permission);
    const org = await this.campaigns.organizationInScope(actor, organizationId, permission);
    if (!(await this.campaigns.isCampaignUnit(campaign, organizationId))) throw new NotFound('Participant');
    return { campaign, org };
  }

  /**
   * A unit's group is recorded by its reporters; the organizing office's own group (the one a roll-up
   * names) also by the organizers who launched the month from it.
   */
  private mayWrite(actor: Actor, campaign: { organizerOrgId: string }, org: { id: string; path: string }): boolean {
    return (
      this.campaigns.covers(actor, 'group:write', org.path) ||
      (org.id === campaign.organizerOrgId && this.campaigns.covers(actor, 'campaign:write', org.path))
    );
  }

  async get(actor: Actor, campaignId: string, organizationId: string): Promise<LeadingGroupView> {
    await this.locate(actor, campaignId, organizationId, 'group:read');
    const group = await this.prisma.leadingGroup.findFirst({
      where: { tenantId: actor.tenantId, campaignId, organizationId },
      include: groupInclude,
    });
    return toView(campaignId, organizationId, group);
  }

  async put(
    actor: Actor,
    campaignId: string,
    organizationId: string,
    dto: PutLeadingGroupDto,
  ): Promise<LeadingGroupView> {
    const { campaign, org } = await this.locate(actor, campaignId, organizationId, 'group:read');
    if (!this.mayWrite(actor, campaign, org)) throw new Forbidden('Your role may not record this leading group');
    assertNotClosed(campaign);
    checkRoster(dto.members);
    const key = { tenantId: actor.tenantId, campaignId, organizationId };
    const existing = await this.prisma.leadingGroup.findFirst({
      where: key,
      include: groupInclude,
    });
    const existingIds = new Set(existing?.members.map((m) => m.id) ?? []);
    dto.members.forEach((m, i) => {
      if (m.id && !existingIds.has(m.id))
        throw InvalidInput.field(`members.${i}.id`, 'No such member in this leading group');
    });

    return this.prisma
      .$transaction(async (tx) => {
        const group = await tx.leadingGroup.upsert({
          where: { tenantId_campaignId_organizationId: key },
          create: { ...key, updatedById: actor.userId },
          update: { updatedById: actor.userId, updatedAt: new Date() },
        });
        const kept = new Set(dto.members.flatMap((m) => (m.id ? [m.id] : [])));
        // Members left out are deleted; tasks they were responsible for become unassigned (FK ON DELETE SET NULL).
        await tx.leadingGroupMember.deleteMany({
          where: { tenantId: actor.tenantId, leadingGroupId: group.id, id: { notIn: [...kept] } },
        });
        const fields = (m: PutLeadingGroupDto['members'][number], i: number) => ({
          name: m.name,
          title: blankToNull(m.title),
          role: m.role,
          department: blankToNull(m.department),
          duty: blankToNull(m.duty),
          phone: blankToNull(m.phone),
          sortOrder: i,
        });
        for (const [i, m] of dto.members.entries()) {
          if (m.id) await tx.leadingGroupMember.update({ where: { id: m.id }, data: fields(m, i) });
        }
        const fresh = dto.members.flatMap((m, i) =>
          m.id ? [] : [{ ...fields(m, i), tenantId: actor.tenantId, leadingGroupId: group.id }],
        );
        if (fresh.length) await tx.leadingGroupMember.createMany({ data: fresh });
        const after = await tx.leadingGroup.findUniqueOrThrow({ where: { id: group.id }, include: groupInclude });
        await this.audit.record(
          {
            action: 'leading_group.replace',
            entityType: 'LeadingGroup',
            entityId: group.id,
            organizationId,
            changes: {
              campaignId,
              organizationId,
              before: existing?.members.map((m) => ({ id: m.id, name: m.name, role: m.role })) ?? [],
              after: after.members.map((m) => ({ id: m.id, name: m.name, role: m.role })),
            },
          },
          tx,
        );
        return toView(campaignId, organizationId, after);
      })
      .catch((error: unknown) => {
        // the first roster of a unit saved twice at the same moment: one wins
        if (isUniqueViolation(error))
          throw new Conflict('The leading group was saved at the same time by someone else; reload it');
        throw error;
      });
  }
}
