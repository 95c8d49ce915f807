// GET /campaigns/:id/stats: events and metric sums over the caller's subtree, one SQL statement.
import { Inject, Injectable } from '@nestjs/common';
import type { CampaignStats, DayStat, EventType, MetricKind, TypeStat, UnitStat } from '@campaign-month/contracts';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { dateToDay } from '../../core/time/calendar.js';
import { CampaignAccessService } from './campaign-access.service.js';
import { statsQuery, type StatsRow } from './campaign-stats.sql.js';
import type { StatsQueryDto } from './dto/progress.dto.js';

@Injectable()
export class CampaignStatsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(CampaignAccessService) private readonly campaigns: CampaignAccessService,
  ) {}

  async stats(actor: Actor, campaignId: string, q: StatsQueryDto): Promise<CampaignStats> {
    const campaign = await this.campaigns.find(actor, campaignId, 'campaign:read');
    const subtree = q.organizationId
      ? await this.campaigns.organizationInScope(actor, q.organizationId, 'campaign:read')
      : null;
    const rows = await this.prisma.$queryRaw<StatsRow[]>(
      statsQuery({
        tenantId: actor.tenantId,
        campaignId,
        scopePatterns: this.campaigns.scopePatterns(actor, 'campaign:read'),
        subtreePattern: subtree ? `${subtree.path}%` : null,
        unitLimit: q.unitLimit,
      }),
    );
    return assembleStats(campaign.id, subtree?.id ?? null, campaign.metrics, rows);
  }
}

/** Arranges the aggregated rows (already summed by SQL) into the response; metric ids become keys. */
export function assembleStats(
  campaignId: string,
  organizationId: string | null,
  metrics: { id: string; key: string; label: string; unit: string; kind: string }[],
  rows: StatsRow[],
): CampaignStats {
  const keyOf = new Map(metrics.map((m) => [m.id, m.key]));
  const byType = new Map<string, TypeStat>();
  const byUnit = new Map<string, UnitStat>();
  const byDay: DayStat[] = [];
  const totals = new Map<string, string>();
  let eventCount = 0;
  let unitsWithEvents = 0;
  for (const r of rows) {
    if (r.section === 'units') unitsWithEvents = r.n ?? 0;
    else if (r.section === 'count') {
      if (r.g === 3) byType.set(r.type!, { type: r.type as EventType, count: r.n!, metricSums: {} });
      else if (r.g === 5) byDay.push({ day: dateToDay(r.day!), count: r.n! });
      else if (r.g === 6)
        byUnit.set(r.organization_id!, {
          organizationId: r.organization_id!,
          name: r.unit_name ?? '',
          count: r.n!,
          metricSums: {},
        });
      else if (r.g === 7) eventCount = r.n!;
    }
  }
  for (const r of rows) {
    if (r.section !== 'sum') continue;
    const key = keyOf.get(r.metric_id!);
    if (!key || r.total === null) continue;
    if (r.g === 3) totals.set(key, r.total);
    else if (r.g === 1) {
      const stat = byType.get(r.type!);
      if (stat) stat.metricSums[key] = r.total;
    } else if (r.g === 2) {
      const stat = byUnit.get(r.organization_id!);
      if (stat) stat.metricSums[key] = r.total;
    }
  }
  return {
    campaignId,
    organizationId,
    eventCount,
    unitsWithEvents,
    metrics: metrics.map((m) => ({
      key: m.key,
      label: m.label,
      unit: m.unit,
      kind: m.kind as MetricKind,
      total: totals.get(m.key) ?? '0',
    })),
    byType: [...byType.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    byDay: byDay.sort((a, b) => a.day.localeCompare(b.day)),
    byUnit: [...byUnit.values()].sort((a, b) => b.count - a.count || a.organizationId.localeCompare(b.organizationId)),
  };
}
