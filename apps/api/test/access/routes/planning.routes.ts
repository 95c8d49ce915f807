// Planning routes (issue 4): templates, campaigns, participants, progress, stats, leading groups, tasks.
// The campaign is organized at A with A and A1 taking part, so the default rule holds (A's own people and
// R's see it; B and the other tenant get 404) except where a participating unit's people may read:
// members at A1 see the campaign, its participants, progress, stats and tasks (their own rows only).
import { createOrg } from '../../support/fixtures.js';
import { forbiddenUnless, type Position, type RouteCase, type RouteFile, type World } from '../world.js';

const days = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const campaignBody = (w: World) => ({
  templateKey: 'anti-fraud',
  organizerOrgId: w.org.A,
  startsOn: days(-5),
  endsOn: days(25),
  reportDueOn: days(30),
});
const organizer = (w: World) => ({ Authorization: `Bearer ${w.actors['ORGANIZER@parent'].token}` });

async function freshCampaign(w: World, status: 'DRAFT' | 'ACTIVE'): Promise<string> {
  const res = await w.http.post('/api/v1/campaigns').set(organizer(w)).send(campaignBody(w));
  if (res.status !== 201) throw new Error(`campaign ${res.status} ${JSON.stringify(res.body)}`);
  if (status === 'ACTIVE') await w.http.post(`/api/v1/campaigns/${res.body.id}/launch`).set(organizer(w)).expect(200);
  return res.body.id;
}

/** Participating units' members read the campaign too: A1 (child) sees what its own rows make visible. */
const participantsRead = ({ position }: { position: Position }) => (position === 'child' ? 200 : undefined);

const cases: RouteCase[] = [
  {
    route: 'GET /api/v1/campaign-templates',
    permission: 'campaign:read',
    target: 'list',
    success: 200,
    request: () => ({ method: 'GET', path: '/api/v1/campaign-templates' }),
  },
  {
    route: 'GET /api/v1/campaigns',
    permission: 'campaign:read',
    target: 'list',
    success: 200,
    request: () => ({ method: 'GET', path: '/api/v1/campaigns' }),
  },
  {
    route: 'POST /api/v1/campaigns',
    permission: 'campaign:write',
    target: 'A',
    success: 201,
    request: (w) => ({ method: 'POST', path: '/api/v1/campaigns', body: campaignBody(w) }),
  },
  {
    route: 'GET /api/v1/campaigns/{id}',
    permission: 'campaign:read',
    target: 'A',
    success: 200,
    expect: participantsRead,
    request: (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.data.campaignA}` }),
  },
  {
    route: 'PATCH /api/v1/campaigns/{id}',
    permission: 'campaign:write',
    target: 'A',
    success: 200,
    request: (w) => ({
      method: 'PATCH',
      path: `/api/v1/campaigns/${w.data.campaignA}`,
      body: { goals: '宣传覆盖全部网点' },
    }),
  },
  {
    route: 'POST /api/v1/campaigns/{id}/launch',
    permission: 'campaign:write',
    target: 'A',
    success: 200,
    request: async (w) => ({ method: 'POST', path: `/api/v1/campaigns/${await freshCampaign(w, 'DRAFT')}/launch` }),
  },
  {
    route: 'POST /api/v1/campaigns/{id}/close',
    permission: 'campaign:write',
    target: 'A',
    success: 200,
    request: async (w) => ({ method: 'POST', path: `/api/v1/campaigns/${await freshCampaign(w, 'ACTIVE')}/close` }),
  },
  {
    route: 'GET /api/v1/campaigns/{id}/participants',
    permission: 'campaign:read',
    target: 'A',
    success: 200,
    expect: participantsRead,
    request: (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.data.campaignA}/participants` }),
  },
  {
    route: 'POST /api/v1/campaigns/{id}/participants',
    permission: 'participant:write',
    target: 'A',
    success: 201,
    request: (w) => ({
      method: 'POST',
      path: `/api/v1/campaigns/${w.data.campaignA}/participants`,
      body: { organizationIds: [w.org.A] },
    }),
  },
  {
    route: 'DELETE /api/v1/campaigns/{id}/participants/{orgId}',
    permission: 'participant:write',
    target: 'A',
    success: 200,
    request: async (w) => {
      const unit = await createOrg(
        w.http,
        w.tenant.adminToken,
        w.org.A,
        `临时参与单位${Date.now()}${Math.random()}`,
        'BANK',
      );
      await w.http
        .post(`/api/v1/campaigns/${w.data.campaignA}/participants`)
        .set(organizer(w))
        .send({ organizationIds: [unit] })
        .expect(201);
      return { method: 'DELETE', path: `/api/v1/campaigns/${w.data.campaignA}/participants/${unit}` };
    },
  },
  {
    route: 'GET /api/v1/campaigns/{id}/progress',
    permission: 'campaign:read',
    target: 'A',
    success: 200,
    expect: participantsRead,
    request: (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.data.campaignA}/progress` }),
  },
  {
    route: 'GET /api/v1/campaigns/{id}/stats',
    permission: 'campaign:read',
    target: 'A',
    success: 200,
    expect: participantsRead,
    request: (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.data.campaignA}/stats` }),
  },
  {
    route: 'GET /api/v1/campaigns/{id}/organizations/{orgId}/leading-group',
    permission: 'group:read',
    target: 'A',
    success: 200,
    request: (w) => ({
      method: 'GET',
      path: `/api/v1/campaigns/${w.data.campaignA}/organizations/${w.org.A}/leading-group`,
    }),
  },
  {
    // A organizes the month, so its group is the organizing office's: its reporters and its organizers record
    // it (a participating unit's only its reporters: leading-groups.e2e-spec)
    route: 'PUT /api/v1/campaigns/{id}/organizations/{orgId}/leading-group',
    permission: ['group:write', 'campaign:write'],
    expect: forbiddenUnless((role) => role === 'REPORTER' || role === 'ORGANIZER' || role === 'ADMIN'),
    target: 'A',
    success: 200,
    request: (w) => ({
      method: 'PUT',
      path: `/api/v1/campaigns/${w.data.campaignA}/organizations/${w.org.A}/leading-group`,
      body: { members: [{ name: '张局长', title: '局长', role: 'LEADER', duty: '全面负责' }] },
    }),
  },
  {
    route: 'GET /api/v1/campaigns/{id}/tasks',
    permission: 'task:read',
    target: 'A',
    success: 200,
    expect: participantsRead,
    request: (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.data.campaignA}/tasks` }),
  },
  {
    route: 'POST /api/v1/campaigns/{id}/tasks',
    permission: 'task:create',
    target: 'A',
    success: 201,
    request: (w) => ({
      method: 'POST',
      path: `/api/v1/campaigns/${w.data.campaignA}/tasks`,
      body: { organizationId: w.org.A, title: '张贴反诈海报', dueOn: days(3) },
    }),
  },
  {
    route: 'PATCH /api/v1/tasks/{id}',
    permission: 'task:update',
    target: 'A',
    success: 200,
    request: (w) => ({ method: 'PATCH', path: `/api/v1/tasks/${w.data.taskAtA}`, body: { status: 'IN_PROGRESS' } }),
  },
];

export const planningRoutes: RouteFile = {
  async prepare(w) {
    const res = await w.http
      .post('/api/v1/campaigns')
      .set(organizer(w))
      .send({ ...campaignBody(w), participants: { organizationIds: [w.org.A, w.org.A1] } });
    if (res.status !== 201) throw new Error(`campaign ${res.status} ${JSON.stringify(res.body)}`);
    w.data.campaignA = res.body.id;
    await w.http.post(`/api/v1/campaigns/${w.data.campaignA}/launch`).set(organizer(w)).expect(200);
    const task = await w.http
      .post(`/api/v1/campaigns/${w.data.campaignA}/tasks`)
      .set(organizer(w))
      .send({ organizationId: w.org.A, title: '成立领导小组', dueOn: days(2) });
    if (task.status !== 201) throw new Error(`task ${task.status} ${JSON.stringify(task.body)}`);
    w.data.taskAtA = task.body.id;
  },
  cases,
};
