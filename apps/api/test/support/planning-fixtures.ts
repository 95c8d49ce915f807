// Helpers for the planning specs (campaigns, leading groups, tasks): an education bureau's tree, its
// people, campaigns made through the API, and events written straight into the database (the events
// module has its own specs; these only need rows to count).
import type request from 'supertest';
import { addDays, todayIn } from '../../src/core/time/calendar.js';
import { addToAggregates } from './aggregates.js';
import { sql } from './app.js';
import { bearer, createOrg, createUser, registerTenant, type Tenant } from './fixtures.js';

type Http = ReturnType<typeof request>;

/** Today (Asia/Shanghai, the tenants' default) plus n days, 'YYYY-MM-DD'. */
export const day = (n = 0) => addDays(todayIn('Asia/Shanghai'), n);

export interface Bureau {
  tenant: Tenant;
  bureau: string;
  district: string;
  schools: { s1: string; s2: string; s3: string };
  /** Under the district: a kindergarten office (OTHER) with no school kind. */
  office: string;
  organizer: { id: string; token: string };
  reporter1: { id: string; token: string };
  reporter2: { id: string; token: string };
  viewer1: { id: string; token: string };
  districtOrganizer: { id: string; token: string };
  admin: string;
}

/**
 * 江城县教育局 ─ 一中 (s1), 二中 (s2), 城关学区 (district) ─ 城关小学 (s3), 学区办公室 (office).
 * An ORGANIZER at the bureau, REPORTERs at s1 and s2, a VIEWER at s1, an ORGANIZER at the district.
 */
export async function educationBureau(http: Http, name = '江城县教育局'): Promise<Bureau> {
  const tenant = await registerTenant(http, name, 'EDUCATION_BUREAU');
  const admin = tenant.adminToken;
  const s1 = await createOrg(http, admin, tenant.rootId, '江城县第一中学', 'SCHOOL');
  const s2 = await createOrg(http, admin, tenant.rootId, '江城县第二中学', 'SCHOOL');
  const district = await createOrg(http, admin, tenant.rootId, '城关学区', 'EDUCATION_BUREAU');
  const s3 = await createOrg(http, admin, district, '城关小学', 'SCHOOL');
  const office = await createOrg(http, admin, district, '学区办公室', 'OTHER');
  const [organizer, reporter1, reporter2, viewer1, districtOrganizer] = await Promise.all([
    createUser(http, admin, [{ organizationId: tenant.rootId, role: 'ORGANIZER' }], 'organizer'),
    createUser(http, admin, [{ organizationId: s1, role: 'REPORTER' }], 'reporter1'),
    createUser(http, admin, [{ organizationId: s2, role: 'REPORTER' }], 'reporter2'),
    createUser(http, admin, [{ organizationId: s1, role: 'VIEWER' }], 'viewer1'),
    createUser(http, admin, [{ organizationId: district, role: 'ORGANIZER' }], 'district'),
  ]);
  return {
    tenant,
    bureau: tenant.rootId,
    district,
    schools: { s1, s2, s3 },
    office,
    organizer,
    reporter1,
    reporter2,
    viewer1,
    districtOrganizer,
    admin,
  };
}

export async function createCampaign(
  http: Http,
  token: string,
  body: Record<string, unknown>,
): Promise<{ id: string; body: Record<string, unknown> }> {
  const res = await http
    .post('/api/v1/campaigns')
    .set(bearer(token))
    .send({ templateKey: 'telecom-crime', startsOn: day(-10), endsOn: day(20), reportDueOn: day(25), ...body });
  if (res.status !== 201) throw new Error(`createCampaign ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, body: res.body };
}

export async function launch(http: Http, token: string, campaignId: string): Promise<void> {
  const res = await http.post(`/api/v1/campaigns/${campaignId}/launch`).set(bearer(token));
  if (res.status !== 200) throw new Error(`launch ${res.status} ${JSON.stringify(res.body)}`);
}

/** The bureau, a second one in another tenant, and an ACTIVE month in which the first bureau's schools take part. */
export async function schoolsMonth(http: Http): Promise<{ w: Bureau; other: Bureau; campaign: string }> {
  const w = await educationBureau(http);
  const other = await educationBureau(http, '另一教育局');
  const { id: campaign } = await createCampaign(http, w.organizer.token, {
    participants: { subtreeOf: w.bureau, kinds: ['SCHOOL'] },
  });
  await launch(http, w.organizer.token, campaign);
  return { w, other, campaign };
}

/** A publicity event with metric values (key → value), written directly. Returns its id. */
export async function insertEvent(
  e: { tenantId: string; campaignId: string; organizationId: string; type: string; occurredOn: string; title?: string },
  values: Record<string, number | string> = {},
): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO publicity_event (tenant_id, campaign_id, organization_id, type, title, occurred_on)
     VALUES ($1, $2, $3, $4::"EventType", $5, $6::date) RETURNING id`,
    [e.tenantId, e.campaignId, e.organizationId, e.type, e.title ?? '宣传活动', e.occurredOn],
  );
  for (const [key, value] of Object.entries(values)) {
    await sql(
      `INSERT INTO event_metric_value (tenant_id, event_id, metric_definition_id, value)
       SELECT $1, $2, d.id, $5::numeric FROM metric_definition d WHERE d.tenant_id = $1 AND d.campaign_id = $3 AND d.key = $4`,
      [e.tenantId, row!.id, e.campaignId, key, String(value)],
    );
  }
  await addToAggregates(e.tenantId, [row!.id]);
  return row!.id;
}

/** A summary version of a unit, written directly (the reports module has its own specs). */
export async function insertSummary(
  tenantId: string,
  campaignId: string,
  organizationId: string,
  status: string,
  version = 1,
): Promise<void> {
  await sql(
    `INSERT INTO summary_report (tenant_id, campaign_id, organization_id, scope, version, status, title, facts, sections)
     VALUES ($1, $2, $3, 'UNIT', $4, $5::"ReportStatus", '活动总结', '{}'::jsonb, '[]'::jsonb)`,
    [tenantId, campaignId, organizationId, version, status],
  );
}

export const leader = (name = '张华') => ({
  name,
  title: '校长',
  role: 'LEADER',
  duty: '全面负责',
  phone: '13800000000',
});
