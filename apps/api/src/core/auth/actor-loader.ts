import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@campaign-month/contracts';
import type { Actor } from '../context/request-context.js';
import { PrismaService } from '../database/prisma.service.js';

/** Loads an active user with its memberships (and their organizations' paths) in one query. */
@Injectable()
export class ActorLoader {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async load(userId: string, tenantId: string): Promise<Actor | null> {
    const user = await this.prisma.user.findFirst({
      where: { id: userId, tenantId, isActive: true },
      select: {
        id: true,
        tenantId: true,
        email: true,
        memberships: {
          where: { organization: { archivedAt: null } },
          select: { organizationId: true, role: true, organization: { select: { path: true } } },
        },
      },
    });
    if (!user) return null;
    return {
      userId: user.id,
      tenantId: user.tenantId,
      email: user.email,
      memberships: user.memberships.map((m) => ({
        organizationId: m.organizationId,
        role: m.role as Role,
        path: m.organization.path,
      })),
    };
  }
}
