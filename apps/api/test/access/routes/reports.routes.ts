import { addToAggregates } from '../../support/aggregates.js';
import { sql } from '../../support/app.js';
import { forbiddenUnless, type RouteCase, type RouteFile, type World } from '../world.js';

// A campaign organized at R with A, A1 and B taking part, one event of A, and A's summary (version 1).
async function prepare(w: World) {
  const [c] = await sql<{ id: string }>(
    `INSERT INTO campaign (tenant_id, organizer_org_id, title, starts_on, ends_on, report_due_on, status)
     VALUES ($1, $2, '矩阵测试宣传月', '2026-11-01', '2026-11-30', '2026-12-05', 'ACTIVE') RETURNING id`,
    [w.tenant.tenantId, w.org.R],
  );
  w.data.reportsCampaign = c!.id;
  for (const org of [w.org.A, w.org.A1, w.org.B]) {
    await sql(`INSERT INTO participant (tenant_id, campaign_id, organization_id) VALUES ($1, $2, $3)`, [
      w.tenant.tenantId,
      c!.id,
      org,
    ]);
  }
  const [ev] = await sql<{ id: string }>(
    `INSERT INTO publicity_event (tenant_id, campaign_id, organization_id, type, title, occurred_on, description)
     VALUES ($1, $2, $3, 'POSTER', '张贴海报', '2026-11-03', '在营业大厅张贴反诈海报') RETURNING id`,
    [w.tenant.tenantId, c!.id, w.org.A],
  );
  await addToAggregates(w.tenant.tenantId, [ev!.id]);
  const res = await w.http.post(path(w)).set('Authorization', `Bearer ${w.actors['REPORTER@self'].token}`).send({});
  if (res.status !== 201) throw new Error(`prepare summary: ${res.status} ${JSON.stringify(res.body)}`);
  // the unit writes every paragraph the draft asks for, so that it can be submitted
  const narrative = Object.fromEntries((res.body.needsInput as string[]).map((key) => [key, '本单位的说明。']));
  const edit = await w.http
    .patch(path(w))
    .set('Authorization', `Bearer ${w.actors['REPORTER@self'].token}`)
    .set('If-Match', `"${res.body.version}"`)
    .send({ narrative });
  if (edit.status !== 200 || edit.body.needsInput.length)
    throw new Error(`prepare narrative: ${edit.status} ${JSON.stringify(edit.body.needsInput ?? edit.body)}`);
}

const path = (w: World) => `/api/v1/campaigns/${w.data.reportsCampaign}/organizations/${w.org.A}/summary`;

async function setStatus(w: World, status: string) {
  await sql(
    `UPDATE summary_report SET status = $3 WHERE tenant_id = $1 AND organization_id = $2
        AND version = (SELECT max(version) FROM summary_report WHERE organization_id = $2 AND tenant_id = $1)`,
    [w.tenant.tenantId, w.org.A, status],
  );
}

async function latestVersion(w: World): Promise<number> {
  const [r] = await sql<{ v: number }>(
    `SELECT max(version)::int AS v FROM summary_report WHERE tenant_id = $1 AND organization_id = $2`,
    [w.tenant.tenantId, w.org.A],
  );
  return r!.v;
}

const reporterOnly = forbiddenUnless((role) => role === 'REPORTER');
/** Reviews need an ORGANIZER of a strict ancestor: the parent, not the unit itself. */
// ADMIN includes ORGANIZER's permissions (decision 033): both review only as a superior.
const superiorOrganizer = (a: { role: string; position: string }) =>
  a.role === 'ORGANIZER' || a.role === 'ADMIN' ? (a.position === 'self' ? 403 : undefined) : undefined;

const download = (ext: string): RouteCase => ({
  route: `GET /api/v1/campaigns/{id}/organizations/{orgId}/summary.${ext}`,
  permission: 'report:read',
  target: 'A',
  success: 200,
  request: (w) => ({ method: 'GET', path: `${path(w)}.${ext}` }),
});

/**
 * 情况通报: ADMIN, ORGANIZER and VIEWER (bulletin:read; a REPORTER is 403 anywhere) of any organization that
 * organizes or takes part in the month see the bulletin of their own subtree; from another tenant it is 404.
 */
const bulletin = (suffix: string): RouteCase => ({
  route: `GET /api/v1/campaigns/{id}/bulletin${suffix}`,
  permission: 'bulletin:read',
  target: 'list',
  success: 200,
  request: (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.data.reportsCampaign}/bulletin${suffix}` }),
  expect: (a) => (a.role !== 'REPORTER' && a.position === 'other' ? 404 : undefined),
});

export const reportRoutes: RouteFile = {
  prepare,
  cases: [
    {
      route: 'POST /api/v1/campaigns/{id}/organizations/{orgId}/summary',
      permission: ['report:write', 'report:review'],
      target: 'A',
      success: 201,
      request: async (w) => {
        await setStatus(w, 'DRAFT');
        return { method: 'POST', path: path(w), body: {} };
      },
      expect: reporterOnly,
    },
    {
      route: 'GET /api/v1/campaigns/{id}/organizations/{orgId}/summary',
      permission: 'report:read',
      target: 'A',
      success: 200,
      request: (w) => ({ method: 'GET', path: path(w) }),
    },
    {
      // a unit's summary: its reporters (a roll-up's also the organizers above it: summaries.e2e-spec)
      route: 'PATCH /api/v1/campaigns/{id}/organizations/{orgId}/summary',
      permission: ['report:write', 'report:review'],
      target: 'A',
      success: 200,
      request: async (w) => {
        await setStatus(w, 'DRAFT');
        return {
          method: 'PATCH',
          path: path(w),
          headers: { 'If-Match': `"${await latestVersion(w)}"` },
          body: { narrative: { shortcomings: '下一步打算。' } },
        };
      },
      expect: reporterOnly,
    },
    {
      route: 'POST /api/v1/campaigns/{id}/organizations/{orgId}/summary/submit',
      permission: 'report:write',
      target: 'A',
      success: 200,
      request: async (w) => {
        await setStatus(w, 'DRAFT');
        return { method: 'POST', path: `${path(w)}/submit`, body: {} };
      },
    },
    {
      route: 'POST /api/v1/campaigns/{id}/organizations/{orgId}/summary/approve',
      permission: 'report:review',
      target: 'A',
      success: 200,
      request: async (w) => {
        await setStatus(w, 'SUBMITTED');
        return { method: 'POST', path: `${path(w)}/approve`, body: {} };
      },
      expect: superiorOrganizer,
    },
    {
      route: 'POST /api/v1/campaigns/{id}/organizations/{orgId}/summary/return',
      permission: 'report:review',
      target: 'A',
      success: 200,
      request: async (w) => {
        await setStatus(w, 'SUBMITTED');
        return { method: 'POST', path: `${path(w)}/return`, body: { comment: '请补充。' } };
      },
      expect: superiorOrganizer,
    },
    download('docx'),
    download('pdf'),
    download('md'),
    {
      route: 'GET /api/v1/campaigns/{id}/summaries.zip',
      permission: 'report:read',
      target: 'list',
      success: 200,
      request: (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.data.reportsCampaign}/summaries.zip?format=md` }),
      // the campaign itself is invisible from another tenant
      expect: (a) => (a.position === 'other' ? 404 : undefined),
    },
    bulletin(''),
    bulletin('.docx'),
    bulletin('.pdf'),
  ],
};
