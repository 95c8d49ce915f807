// Units taking part in a campaign: added one by one or a whole subtree in one statement, listed, removed.
import { Inject, Injectable } from '@nestjs/common';
import type {
  AddParticipantsRequest,
  AddParticipantsResult,
  OrganizationKind,
  Page,
  ParticipantView,
  RemoveParticipantResult,
} from '@campaign-month/contracts';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { Conflict, InvalidInput, NotFound } from '../../core/errors/domain-errors.js';
import { pageArgs } from '../../core/http/dto/page-query.dto.js';
import { Prisma } from '../../generated/prisma/client.js';
import { CampaignAccessService } from './campaign-access.service.js';
import { assertNotClosed } from './campaign-rules.js';
import type { ListParticipantsQueryDto } from './dto/campaign.dto.js';

/** What to insert, checked against the scope and the organizer subtree before any write. */
export interface ParticipantPlan {
  organizationIds: string[];
  subtree: { rootId: string; path: string; includeRoot: boolean; kinds: OrganizationKind[] | null } | null;
}

type CampaignKeys = { id: string; tenantId: string; organizerOrgId: string; organizer: { path: string } };
type Tx = Prisma.TransactionClient;

@Injectable()
export class ParticipantsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CampaignAccessService) private readonly campaigns: CampaignAccessService,
  ) {}

  /**
   * Checks a request: every unit inside the actor's participant:write scope (else 404) and inside the
   * organizer's subtree (else 400 naming the field), none archived. `field` prefixes the field names.
   */
  async plan(actor: Actor, campaign: CampaignKeys, req: AddParticipantsRequest, field = ''): Promise<ParticipantPlan> {
    const f = (name: string) => `${field}${name}`;
    const ids = req.organizationIds ?? [];
    if (req.kinds && !req.subtreeOf)
      throw InvalidInput.field(f('kinds'), 'kinds filters subtreeOf: send subtreeOf too');
    if (ids.length === 0 && !req.subtreeOf)
      throw InvalidInput.field(f('organizationIds'), 'Name units in organizationIds or a subtree in subtreeOf');
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) throw InvalidInput.field(f(`organizationIds.${i}`), 'A unit may appear only once');
      seen.add(id);
    });
    const wanted = [...ids, ...(req.subtreeOf ? [req.subtreeOf] : [])];
    const orgs = await this.prisma.organization.findMany({
      where: { AND: [{ id: { in: wanted } }, this.access.organizationWhere(actor, 'participant:write')] },
      select: { id: true, path: true, archivedAt: true },
    });
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const check = (id: string, name: string) => {
      const org = byId.get(id);
      if (!org) throw new NotFound('Organization');
      if (!org.path.startsWith(campaign.organizer.path)) {
        throw InvalidInput.field(
          name,
          "The unit is outside the organizer's subtree: only the organizer's own units can take part",
        );
      }
      if (org.archivedAt) throw InvalidInput.field(name, 'The unit is archived');
      return org;
    };
    for (const [i, id] of ids.entries()) check(id, f(`organizationIds.${i}`));
    let subtree: ParticipantPlan['subtree'] = null;
    if (req.subtreeOf) {
      const root = check(req.subtreeOf, f('subtreeOf'));
      subtree = {
        rootId: root.id,
        path: root.path,
        includeRoot: root.id !== campaign.organizerOrgId,
        kinds: req.kinds ?? null,
      };
    }
    return { organizationIds: ids, subtree };
  }

  /** Inserts the plan's units (those already taking part are skipped); a subtree is one INSERT … SELECT. */
  async insert(tx: Tx, campaign: { id: string; tenantId: string }, plan: ParticipantPlan): Promise<number> {
    let added = 0;
    if (plan.organizationIds.length) {
      const res = await tx.participant.createMany({
        data: plan.organizationIds.map((organizationId) => ({
          tenantId: campaign.tenantId,
          campaignId: campaign.id,
          organizationId,
        })),
        skipDuplicates: true,
      });
      added += res.count;
    }
    const s = plan.subtree;
    if (s) {
      added += await tx.$executeRaw`
        INSERT INTO participant (tenant_id, campaign_id, organization_id)
        SELECT o.tenant_id, ${campaign.id}::uuid, o.id
          FROM organization o
         WHERE o.tenant_id = ${campaign.tenantId}::uuid
           AND o.path LIKE ${`${s.path}%`}
           AND o.archived_at IS NULL
           ${s.includeRoot ? Prisma.empty : Prisma.sql`AND o.id <> ${s.rootId}::uuid`}
           ${s.kinds ? Prisma.sql`AND o.kind::text IN (${Prisma.join(s.kinds)})` : Prisma.empty}
        ON CONFLICT (tenant_id, campaign_id, organization_id) DO NOTHING`;
    }
    return added;
  }

  async add(actor: Actor, campaignId: string, req: AddParticipantsRequest): Promise<AddParticipantsResult> {
    const campaign = await this.campaigns.find(actor, campaignId, 'participant:write');
    assertNotClosed(campaign);
    const plan = await this.plan(actor, campaign, req);
    return this.prisma.$transaction(async (tx) => {
      const added = await this.insert(tx, campaign, plan);
      const total = await tx.participant.count({ where: { tenantId: actor.tenantId, campaignId } });
      await this.audit.record(
        {
          action: 'campaign.participants_add',
          entityType: 'Campaign',
          entityId: campaignId,
          organizationId: campaign.organizerOrgId,
          changes: { ...req, added, total } as Prisma.InputJsonObject,
        },
        tx,
      );
      return { added, total };
    });
  }

  /** Participants inside the caller's scope (the organizer side sees them all). */
  async list(actor: Actor, campaignId: string, q: ListParticipantsQueryDto): Promise<Page<ParticipantView>> {
    await this.campaigns.find(actor, campaignId, 'campaign:read');
    const where: Prisma.ParticipantWhereInput = {
      tenantId: actor.tenantId,
      campaignId,
      organization: {
        AND: [
          this.access.organizationWhere(actor, 'campaign:read'),
          q.q ? { name: { contains: q.q, mode: 'insensitive' } } : {},
          q.kind ? { kind: q.kind } : {},
        ],
      },
    };
    const [rows, total] = await Promise.all([
      this.prisma.participant.findMany({
        where,
        include: { organization: { select: { id: true, name: true, kind: true, parentId: true, depth: true } } },
        orderBy: [{ organization: { depth: 'asc' } }, { organization: { name: 'asc' } }, { organizationId: 'asc' }],
        ...pageArgs(q),
      }),
      this.prisma.participant.count({ where }),
    ]);
    return {
      items: rows.map((p) => ({
        organizationId: p.organizationId,
        name: p.organization.name,
        kind: p.organization.kind as OrganizationKind,
        parentId: p.organization.parentId,
        depth: p.organization.depth,
        addedAt: p.createdAt.toISOString(),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /**
   * Takes a unit out of the campaign with its tasks and leading group. A unit that already logged events
   * or generated a summary stays (409): that is evidence.
   */
  async remove(actor: Actor, campaignId: string, organizationId: string): Promise<RemoveParticipantResult> {
    const campaign = await this.campaigns.find(actor, campaignId, 'participant:write');
    assertNotClosed(campaign);
    await this.campaigns.organizationInScope(actor, organizationId, 'participant:write');
    const key = { tenantId: actor.tenantId, campaignId, organizationId };
    const participant = await this.prisma.participant.findFirst({
      where: key,
      select: { id: true },
    });
    if (!participant) throw new NotFound('Participant');
    const [events, reports] = await Promise.all([
      this.prisma.publicityEvent.count({ where: key }),
      this.prisma.summaryReport.count({ where: key }),
    ]);
    if (events > 0 || reports > 0) {
      throw new Conflict(
        'The unit already logged events or generated a summary in this campaign; it cannot be removed',
        { events, reports },
      );
    }
    const isOrganizer = organizationId === campaign.organizerOrgId;
    return this.prisma.$transaction(async (tx) => {
      // The organizer keeps its own tasks and group: it leads the month whether or not it takes part.
      const tasks = isOrganizer ? { count: 0 } : await tx.task.deleteMany({ where: key });
      const groups = isOrganizer ? { count: 0 } : await tx.leadingGroup.deleteMany({ where: key });
      await tx.participant.delete({ where: { id: participant.id } });
      await this.audit.record(
        {
          action: 'campaign.participant_remove',
          entityType: 'Campaign',
          entityId: campaignId,
          organizationId: campaign.organizerOrgId,
          changes: { organizationId, tasksRemoved: tasks.count, leadingGroupRemoved: groups.count > 0 },
        },
        tx,
      );
      return { campaignId, organizationId, tasksRemoved: tasks.count, leadingGroupRemoved: groups.count > 0 };
    });
  }
}
