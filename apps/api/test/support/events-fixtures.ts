// Helpers for the events specs (events, photos, ledger, idempotency) and the access matrix's events file:
// campaigns, participants, metric definitions, tasks and summaries written straight into the database
// (the campaigns module has its own specs), and test images made with sharp.
import type { Stream } from 'node:stream';
import type { ReportStatus } from '@campaign-month/contracts';
import sharp from 'sharp';
import type request from 'supertest';
import { addToAggregates } from './aggregates.js';
import { sql } from './app.js';
import { createOrg, createUser, registerTenant, type Tenant } from './fixtures.js';

type Http = ReturnType<typeof request>;

export const PERIOD = { startsOn: '2026-11-01', endsOn: '2026-11-30' };

/** The metric definitions every test campaign has, in display order. */
export const METRICS = [
  { key: 'audience', label: '覆盖群众', unit: '人次', kind: 'COUNT' },
  { key: 'leaflets', label: '发放宣传单', unit: '份', kind: 'COUNT' },
  { key: 'posters', label: '张贴海报', unit: '张', kind: 'COUNT' },
  { key: 'lossesAvoided', label: '避免损失', unit: '元', kind: 'MONEY' },
] as const;

export interface SqlCampaign {
  id: string;
  /** metric key → definition id */
  metrics: Record<string, string>;
}

export async function insertCampaign(opts: {
  tenantId: string;
  organizerOrgId: string;
  participants: string[];
  status?: 'DRAFT' | 'ACTIVE' | 'CLOSED';
  title?: string;
}): Promise<SqlCampaign> {
  const [c] = await sql<{ id: string }>(
    `INSERT INTO campaign (tenant_id, organizer_org_id, title, starts_on, ends_on, report_due_on, status, updated_at)
     VALUES ($1, $2, $3, $4, $5, '2026-12-05', $6, now()) RETURNING id`,
    [
      opts.tenantId,
      opts.organizerOrgId,
      opts.title ?? '2026年全民反诈在行动集中宣传月',
      PERIOD.startsOn,
      PERIOD.endsOn,
      opts.status ?? 'ACTIVE',
    ],
  );
  for (const org of opts.participants) {
    await sql(`INSERT INTO participant (tenant_id, campaign_id, organization_id) VALUES ($1, $2, $3)`, [
      opts.tenantId,
      c!.id,
      org,
    ]);
  }
  const metrics: Record<string, string> = {};
  for (const [i, m] of METRICS.entries()) {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO metric_definition (tenant_id, campaign_id, key, label, unit, kind, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [opts.tenantId, c!.id, m.key, m.label, m.unit, m.kind, i],
    );
    metrics[m.key] = row!.id;
  }
  return { id: c!.id, metrics };
}

export async function setCampaignStatus(campaignId: string, status: 'DRAFT' | 'ACTIVE' | 'CLOSED'): Promise<void> {
  await sql(`UPDATE campaign SET status = $2 WHERE id = $1`, [campaignId, status]);
}

export async function insertEvent(opts: {
  tenantId: string;
  campaignId: string;
  organizationId: string;
  occurredOn?: string;
  type?: string;
  title?: string;
  metrics?: Record<string, string>;
}): Promise<string> {
  const [e] = await sql<{ id: string }>(
    `INSERT INTO publicity_event (tenant_id, campaign_id, organization_id, type, title, occurred_on, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id`,
    [
      opts.tenantId,
      opts.campaignId,
      opts.organizationId,
      opts.type ?? 'LEAFLET',
      opts.title ?? '集市日发放宣传单',
      opts.occurredOn ?? '2026-11-06',
    ],
  );
  for (const [metricId, value] of Object.entries(opts.metrics ?? {})) {
    await sql(
      `INSERT INTO event_metric_value (tenant_id, event_id, metric_definition_id, value) VALUES ($1, $2, $3, $4)`,
      [opts.tenantId, e!.id, metricId, value],
    );
  }
  await addToAggregates(opts.tenantId, [e!.id]);
  return e!.id;
}

export async function insertTask(
  tenantId: string,
  campaignId: string,
  organizationId: string,
  title = '组织一次国旗下宣讲',
): Promise<string> {
  const [t] = await sql<{ id: string }>(
    `INSERT INTO task (tenant_id, campaign_id, organization_id, title, updated_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`,
    [tenantId, campaignId, organizationId, title],
  );
  return t!.id;
}

/** Adds the next version of the unit's UNIT summary with this status (APPROVED locks its events). */
export async function addSummaryVersion(
  tenantId: string,
  campaignId: string,
  organizationId: string,
  status: ReportStatus,
): Promise<void> {
  await sql(
    `INSERT INTO summary_report (tenant_id, campaign_id, organization_id, scope, version, status, title, facts, sections, updated_at)
     SELECT $1, $2, $3, 'UNIT', COALESCE(MAX(version), 0) + 1, $4::"ReportStatus", '活动总结', '{}', '[]', now()
       FROM summary_report WHERE tenant_id = $1 AND campaign_id = $2 AND organization_id = $3 AND scope = 'UNIT'`,
    [tenantId, campaignId, organizationId, status],
  );
}

export async function countEvents(campaignId: string): Promise<number> {
  return (
    await sql<{ n: number }>(`SELECT count(*)::int AS n FROM publicity_event WHERE campaign_id = $1`, [campaignId])
  )[0]!.n;
}

/** A small image; `seed` changes its colour (so its bytes and sha256). */
export async function makeImage(
  format: 'jpeg' | 'png' | 'webp' | 'gif',
  seed = 0,
  size = { width: 320, height: 240 },
): Promise<Buffer> {
  const background = { r: (seed * 37) % 256, g: (seed * 91 + 40) % 256, b: (seed * 53 + 80) % 256 };
  return sharp({ create: { ...size, channels: 3, background } })
    [format]()
    .toBuffer();
}

/** A JPEG whose EXIF DateTimeOriginal is `dateTime` ('2026:11:06 09:30:00'), read in the tenant's time zone. */
export async function makeJpegWithExif(dateTime: string, seed = 1): Promise<Buffer> {
  const background = { r: (seed * 37) % 256, g: 120, b: 60 };
  return sharp({ create: { width: 640, height: 480, channels: 3, background } })
    .jpeg()
    .withExif({ IFD0: { Make: 'CampaignMonthTest' }, IFD2: { DateTimeOriginal: dateTime } })
    .toBuffer();
}

/** Random pixels compress badly: a PNG of roughly width × height × 3 bytes. */
export async function makeNoisePng(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/** A supertest parser that keeps a binary body (xlsx, images) as a Buffer: `.buffer(true).parse(binaryBody)`. */
export function binaryBody(res: Stream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer | string) =>
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'binary') : chunk),
  );
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (err: Error) => callback(err, Buffer.alloc(0)));
}

export interface EventsWorld {
  tenant: Tenant;
  /** 反诈中心 (R) ─ 城关派出所 (A) ─ 城关社区警务室 (A1); R ─ 东城派出所 (B); 河西派出所 (N, not taking part) */
  org: { R: string; A: string; A1: string; B: string; N: string };
  reporterR: { id: string; token: string };
  reporterA: { id: string; token: string };
  reporterA1: { id: string; token: string };
  reporterB: { id: string; token: string };
  viewerA: { id: string; token: string };
  organizerR: { id: string; token: string };
  campaign: SqlCampaign;
  /** A second tenant with its own active campaign and reporter. */
  other: { tenant: Tenant; reporter: { id: string; token: string }; campaign: SqlCampaign };
}

export async function buildEventsWorld(http: Http): Promise<EventsWorld> {
  const tenant = await registerTenant(http, '江城市公安局反诈中心', 'POLICE');
  const admin = tenant.adminToken;
  const A = await createOrg(http, admin, tenant.rootId, '城关派出所', 'POLICE');
  const A1 = await createOrg(http, admin, A, '城关社区警务室', 'POLICE');
  const B = await createOrg(http, admin, tenant.rootId, '东城派出所', 'POLICE');
  const N = await createOrg(http, admin, tenant.rootId, '河西派出所', 'POLICE');
  const [reporterR, reporterA, reporterA1, reporterB, viewerA, organizerR] = await Promise.all([
    createUser(http, admin, [{ organizationId: tenant.rootId, role: 'REPORTER' }], 'reporter-r'),
    createUser(http, admin, [{ organizationId: A, role: 'REPORTER' }], 'reporter-a'),
    createUser(http, admin, [{ organizationId: A1, role: 'REPORTER' }], 'reporter-a1'),
    createUser(http, admin, [{ organizationId: B, role: 'REPORTER' }], 'reporter-b'),
    createUser(http, admin, [{ organizationId: A, role: 'VIEWER' }], 'viewer-a'),
    createUser(http, admin, [{ organizationId: tenant.rootId, role: 'ORGANIZER' }], 'organizer-r'),
  ]);
  const campaign = await insertCampaign({
    tenantId: tenant.tenantId,
    organizerOrgId: tenant.rootId,
    participants: [A, A1, B],
  });
  const otherTenant = await registerTenant(http, '另一城市公安局', 'POLICE');
  const otherReporter = await createUser(
    http,
    otherTenant.adminToken,
    [{ organizationId: otherTenant.rootId, role: 'REPORTER' }],
    'other-reporter',
  );
  const otherCampaign = await insertCampaign({
    tenantId: otherTenant.tenantId,
    organizerOrgId: otherTenant.rootId,
    participants: [otherTenant.rootId],
  });
  return {
    tenant,
    org: { R: tenant.rootId, A, A1, B, N },
    reporterR,
    reporterA,
    reporterA1,
    reporterB,
    viewerA,
    organizerR,
    campaign,
    other: { tenant: otherTenant, reporter: otherReporter, campaign: otherCampaign },
  };
}
