import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@campaign-month/contracts';
import type { Actor } from '../context/request-context.js';
import { PrismaService } from '../database/prisma.service.js';
import { actorMembershipsSql } from './actor-in-route.js';

interface ActorRow {
  id: string;
  tenant_id: string;
  email: string | null;
  memberships: { organizationId: string; role: Role; path: string }[];
}

/**
 * Loads an active user with its memberships (and their organizations' paths) in one query. It runs on
 * every authenticated request (so deactivation takes effect at once), so it is a single round trip.
 */
@Injectable()
export class ActorLoader {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /** Null when the user is inactive or signed out everywhere since the token was issued (`sessionVersion`). */
  async load(userId: string, tenantId: string, sessionVersion: number): Promise<Actor | null> {
    const rows = await this.prisma.direct.$queryRaw<ActorRow[]>`
      SELECT u.id, u.tenant_id, u.email,
             ${actorMembershipsSql} AS memberships
        FROM app_user u
       WHERE u.id = ${userId}::uuid AND u.tenant_id = ${tenantId}::uuid AND u.is_active
         AND u.session_version = ${sessionVersion}::int`;
    const user = rows[0];
    if (!user) return null;
    return { userId: user.id, tenantId: user.tenant_id, email: user.email, memberships: user.memberships };
  }
}
