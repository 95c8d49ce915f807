// GET /campaigns/:id/progress: per participating unit in the caller's scope, one SQL statement.
import { Inject, Injectable } from '@nestjs/common';
import type { OrganizationKind, ProgressPage, ReportStatus } from '@campaign-month/contracts';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { dateToDay } from '../../core/time/calendar.js';
import { CampaignAccessService } from './campaign-access.service.js';
import { progressQuery, type ProgressRow } from './campaign-progress.sql.js';
import { lightWindow } from './campaign-rules.js';
import type { ProgressQueryDto } from './dto/progress.dto.js';

/** 'a%b' → '%a\%b%' for ILIKE (backslash is PostgreSQL's default LIKE escape). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

@Injectable()
export class CampaignProgressService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(CampaignAccessService) private readonly campaigns: CampaignAccessService,
  ) {}

  async progress(actor: Actor, campaignId: string, q: ProgressQueryDto): Promise<ProgressPage> {
    await this.campaigns.find(actor, campaignId, 'campaign:read');
    const subtree = q.organizationId
      ? await this.campaigns.organizationInScope(actor, q.organizationId, 'campaign:read')
      : null;
    const window = lightWindow(await this.campaigns.today(actor));
    const rows = await this.prisma.$queryRaw<ProgressRow[]>(
      progressQuery({
        tenantId: actor.tenantId,
        campaignId,
        window,
        scopePatterns: this.campaigns.scopePatterns(actor, 'campaign:read'),
        subtreePattern: subtree ? `${subtree.path}%` : null,
        namePattern: q.q ? containsPattern(q.q) : null,
        light: q.light ?? null,
        sort: q.sort ?? 'tree',
        take: q.pageSize,
        skip: (q.page - 1) * q.pageSize,
      }),
    );
    const head = rows[0];
    return {
      items: rows
        .filter((r) => r.id !== null)
        .map((r) => ({
          organizationId: r.id!,
          name: r.name,
          kind: r.kind as OrganizationKind,
          parentId: r.parent_id,
          depth: r.depth,
          leadingGroupSet: r.group_set,
          leaderName: r.leader_name,
          tasks: { total: r.tasks_total, done: r.tasks_done, overdue: r.tasks_overdue, dueSoon: r.tasks_due_soon },
          eventCount: r.event_count,
          lastEventOn: r.last_event_on ? dateToDay(r.last_event_on) : null,
          summaryStatus: r.summary_status as ReportStatus | null,
          light: r.light,
        })),
      total: head?.matched ?? 0,
      page: q.page,
      pageSize: q.pageSize,
      today: window.today,
      lights: { GREEN: head?.green ?? 0, YELLOW: head?.yellow ?? 0, RED: head?.red ?? 0 },
    };
  }
}
