// The one place that answers "is this inside the actor's scope". A membership at X grants its role's
// permissions over X and every descendant, i.e. every organization whose path starts with X's path.
import { Inject, Injectable } from '@nestjs/common';
import { type Permission, ROLE_RANK, type Role, roleGrants } from '@campaign-month/contracts';
import type { Actor } from '../context/request-context.js';
import { PrismaService } from '../database/prisma.service.js';
import { NotFound } from '../errors/domain-errors.js';
import type { Prisma } from '../../generated/prisma/client.js';

@Injectable()
export class AccessService {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /** Paths of the organizations under which the actor holds `permission` (redundant nested ones dropped). */
  scopePaths(actor: Actor, permission: Permission): string[] {
    const paths = actor.memberships.filter((m) => roleGrants(m.role, permission)).map((m) => m.path);
    return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
  }

  /** A Prisma filter on Organization: inside the actor's scope for `permission`, always tenant-bound. */
  organizationWhere(actor: Actor, permission: Permission): Prisma.OrganizationWhereInput {
    const paths = this.scopePaths(actor, permission);
    return {
      tenantId: actor.tenantId,
      OR: paths.length ? paths.map((p) => ({ path: { startsWith: p } })) : [{ id: { in: [] } }],
    };
  }

  /** Which of these organization ids are in scope: one query for the whole batch. */
  async organizationsInScope(actor: Actor, permission: Permission, ids: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)].filter(isUuid);
    if (unique.length === 0) return new Set();
    const rows = await this.prisma.organization.findMany({
      where: { AND: [{ id: { in: unique } }, this.organizationWhere(actor, permission)] },
      select: { id: true },
    });
    return new Set(rows.map((r) => r.id));
  }

  /** Throws 404 naming the entity when any id is outside the scope (or does not exist). */
  async assertOrganizations(actor: Actor, permission: Permission, ids: readonly string[], entity = 'Organization') {
    const inScope = await this.organizationsInScope(actor, permission, ids);
    for (const id of ids) if (!inScope.has(id)) throw new NotFound(entity);
  }

  /**
   * A campaign the actor may see for `permission`: organized inside its scope, or (unless organizerOnly)
   * with a participating unit inside its scope. Anything else is 404.
   */
  async findCampaign(actor: Actor, campaignId: string, permission: Permission, organizerOnly = false) {
    const campaign = await this.prisma.campaign.findFirst({
      where: this.campaignWhere(actor, campaignId, permission, organizerOnly),
    });
    if (!campaign) throw new NotFound('Campaign');
    return campaign;
  }

  /** The filter behind findCampaign, for callers that load the campaign with relations. */
  campaignWhere(
    actor: Actor,
    campaignId: string,
    permission: Permission,
    organizerOnly = false,
  ): Prisma.CampaignWhereInput {
    const orgs = this.organizationWhere(actor, permission);
    return {
      id: campaignId,
      tenantId: actor.tenantId,
      OR: organizerOnly
        ? [{ organizer: orgs }]
        : [{ organizer: orgs }, { participants: { some: { organization: orgs } } }],
    };
  }

  /**
   * Does the actor hold `permission` over the organization at `path` (through it or an ancestor)?
   * strictAncestor: only through an ancestor (reviews are done by a superior, not the unit itself).
   */
  covers(actor: Actor, permission: Permission, path: string, strictAncestor = false): boolean {
    return actor.memberships.some(
      (m) => roleGrants(m.role, permission) && path.startsWith(m.path) && (!strictAncestor || m.path !== path),
    );
  }

  /** The highest role the actor holds over an organization at `path` (via itself or an ancestor). */
  highestRoleOver(actor: Actor, path: string): Role | null {
    let best: Role | null = null;
    for (const m of actor.memberships) {
      if (path.startsWith(m.path) && (best === null || ROLE_RANK[m.role] > ROLE_RANK[best])) best = m.role;
    }
    return best;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
