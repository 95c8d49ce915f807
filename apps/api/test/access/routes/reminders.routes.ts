// 督办 routes (issue 18): the bell is the caller's own (any signed-in user; a list), 催办 and reminder rules
// belong to the campaign's organizers (organized at A), who chased a unit is read by whoever sees the unit,
// notification channels are set by the organization's admins, and a background job is read only by the user
// who started it.
import type { RouteCase, RouteFile, World } from '../world.js';

const days = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const bearer = (w: World, key: keyof World['actors']) => ({ Authorization: `Bearer ${w.actors[key].token}` });
const rules = {
  dueSoonDays: 3,
  overdue: true,
  escalateAfterDays: 3,
  noGroupByDay: 3,
  noEventDays: 7,
  summaryDueSoonDays: 3,
  digestHour: 9,
};

const cases: RouteCase[] = [
  {
    route: 'GET /api/v1/notifications',
    permission: null,
    target: 'list',
    success: 200,
    request: () => ({ method: 'GET', path: '/api/v1/notifications?unread=true' }),
  },
  {
    route: 'GET /api/v1/notifications/unread-count',
    permission: null,
    target: 'list',
    success: 200,
    request: () => ({ method: 'GET', path: '/api/v1/notifications/unread-count' }),
  },
  {
    route: 'POST /api/v1/notifications/read',
    permission: null,
    target: 'list',
    success: 200,
    request: () => ({ method: 'POST', path: '/api/v1/notifications/read', body: { all: true } }),
  },
  {
    route: 'POST /api/v1/campaigns/{id}/reminders',
    permission: 'campaign:write',
    target: 'A',
    success: 200,
    request: (w) => ({ method: 'POST', path: `/api/v1/campaigns/${w.data.remindersCampaign}/reminders`, body: {} }),
  },
  {
    route: 'GET /api/v1/campaigns/{id}/organizations/{orgId}/reminders',
    permission: 'campaign:read',
    target: 'A',
    success: 200,
    request: (w) => ({
      method: 'GET',
      path: `/api/v1/campaigns/${w.data.remindersCampaign}/organizations/${w.org.A}/reminders`,
    }),
  },
  {
    route: 'GET /api/v1/campaigns/{id}/reminder-rules',
    permission: 'campaign:write',
    target: 'A',
    success: 200,
    request: (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.data.remindersCampaign}/reminder-rules` }),
  },
  {
    route: 'PUT /api/v1/campaigns/{id}/reminder-rules',
    permission: 'campaign:write',
    target: 'A',
    success: 200,
    request: (w) => ({
      method: 'PUT',
      path: `/api/v1/campaigns/${w.data.remindersCampaign}/reminder-rules`,
      body: rules,
    }),
  },
  {
    route: 'GET /api/v1/organizations/{id}/notification-channels',
    permission: 'organization:write',
    target: 'A',
    success: 200,
    request: (w) => ({ method: 'GET', path: `/api/v1/organizations/${w.org.A}/notification-channels` }),
  },
  {
    route: 'PUT /api/v1/organizations/{id}/notification-channels',
    permission: 'organization:write',
    target: 'A',
    success: 200,
    request: (w) => ({
      method: 'PUT',
      path: `/api/v1/organizations/${w.org.A}/notification-channels`,
      body: [{ kind: 'EMAIL', to: ['office-a@matrix.example'], enabled: true }],
    }),
  },
  {
    route: 'POST /api/v1/organizations/{id}/notification-channels/test',
    permission: 'organization:write',
    target: 'A',
    success: 202,
    request: (w) => ({ method: 'POST', path: `/api/v1/organizations/${w.org.A}/notification-channels/test` }),
  },
  {
    route: 'GET /api/v1/jobs/{id}',
    permission: null,
    target: 'A',
    success: 200,
    // started by the admin at A: nobody else reads it, not even the admin above
    expect: ({ role, position }) => (role === 'ADMIN' && position === 'self' ? 200 : 404),
    request: (w) => ({ method: 'GET', path: `/api/v1/jobs/${w.data.jobOfAdminA}` }),
  },
];

export const reminderRoutes: RouteFile = {
  async prepare(w) {
    const res = await w.http
      .post('/api/v1/campaigns')
      .set(bearer(w, 'ORGANIZER@parent'))
      .send({
        templateKey: 'anti-fraud',
        organizerOrgId: w.org.A,
        startsOn: days(-5),
        endsOn: days(25),
        reportDueOn: days(30),
        participants: { organizationIds: [w.org.A, w.org.A1] },
      });
    if (res.status !== 201) throw new Error(`campaign ${res.status} ${JSON.stringify(res.body)}`);
    w.data.remindersCampaign = res.body.id;
    await w.http.post(`/api/v1/campaigns/${res.body.id}/launch`).set(bearer(w, 'ORGANIZER@parent')).expect(200);
    const job = await w.http
      .post(`/api/v1/organizations/${w.org.A}/notification-channels/test`)
      .set(bearer(w, 'ADMIN@self'))
      .expect(202);
    w.data.jobOfAdminA = job.body.jobId;
  },
  cases,
};
