import { randomUUID } from 'node:crypto';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import {
  addSummaryVersion,
  buildEventsWorld,
  countEvents,
  type EventsWorld,
  insertCampaign,
  insertEvent,
  insertTask,
  PERIOD,
  setCampaignStatus,
} from './support/events-fixtures.js';
import { bearer, createUser } from './support/fixtures.js';
import { day } from './support/planning-fixtures.js';

const body = (w: EventsWorld, extra: Record<string, unknown> = {}) => ({
  organizationId: w.org.A,
  type: 'LEAFLET',
  title: '集市日发放反诈宣传单',
  occurredOn: '2026-11-06',
  location: '城关镇农贸市场',
  description: '民警和辅警在集市上向赶集群众发放宣传单,讲解常见诈骗手法。',
  metrics: { audience: 800, leaflets: '3,000', lossesAvoided: 80000.5 },
  ...extra,
});

describe('events: create, read, list, edit, delete', () => {
  let t: TestApp;
  let w: EventsWorld;
  const url = () => `/api/v1/campaigns/${w.campaign.id}/events`;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    w = await buildEventsWorld(t.http);
  }, 60_000);
  afterAll(() => t.close());

  describe('POST /campaigns/:id/events', () => {
    it('logs an event with exact metric values, one audit entry, and answers the view', async () => {
      const res = await t.http.post(url()).set(bearer(w.reporterA.token)).send(body(w)).expect(201);
      expect(res.body).toMatchObject({
        campaignId: w.campaign.id,
        organizationId: w.org.A,
        organizationName: '城关派出所',
        type: 'LEAFLET',
        occurredOn: '2026-11-06',
        taskId: null,
        photoCount: 0,
        authorId: w.reporterA.id,
        metrics: { audience: '800', leaflets: '3000', lossesAvoided: '80000.50' },
      });
      const values = await sql<{ key: string; value: string }>(
        `SELECT d.key, v.value::text FROM event_metric_value v JOIN metric_definition d ON d.id = v.metric_definition_id WHERE v.event_id = $1 ORDER BY d.key`,
        [res.body.id],
      );
      expect(values).toEqual([
        { key: 'audience', value: '800.00' },
        { key: 'leaflets', value: '3000.00' },
        { key: 'lossesAvoided', value: '80000.50' },
      ]);
      const audit = await sql(`SELECT actor_id, action, changes FROM audit_entry WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([expect.objectContaining({ actor_id: w.reporterA.id, action: 'event.create' })]);
      const got = await t.http.get(`/api/v1/events/${res.body.id}`).set(bearer(w.viewerA.token)).expect(200);
      expect(got.body).toEqual({ ...res.body, photos: [] });
    });

    it('lets a reporter higher in the tree log for a unit below, and attaches a task of that unit', async () => {
      const task = await insertTask(w.tenant.tenantId, w.campaign.id, w.org.A1);
      const res = await t.http
        .post(url())
        .set(bearer(w.reporterR.token))
        .send(body(w, { organizationId: w.org.A1, taskId: task, metrics: undefined }))
        .expect(201);
      expect(res.body).toMatchObject({ organizationId: w.org.A1, taskId: task, metrics: {} });
    });

    it('refuses bad input with 400 and field details, writing nothing', async () => {
      const before = await countEvents(w.campaign.id);
      const cases: [Record<string, unknown>, string][] = [
        [{ type: 'PARADE' }, 'type'],
        [{ title: '' }, 'title'],
        [{ title: 'x'.repeat(201) }, 'title'],
        [{ occurredOn: '2026-11-31' }, 'occurredOn'],
        [{ occurredOn: '6 Nov 2026' }, 'occurredOn'],
        [{ occurredOn: '2026-10-31' }, 'occurredOn'],
        [{ occurredOn: '2026-12-01' }, 'occurredOn'],
        [{ organizationId: 'not-a-uuid' }, 'organizationId'],
        [{ taskId: randomUUID() }, 'taskId'],
        [{ description: 'x'.repeat(4001) }, 'description'],
        [{ unexpected: true }, 'unexpected'],
        [{ metrics: { postersz: 3 } }, 'metrics.postersz'],
        [{ metrics: { leaflets: -1 } }, 'metrics.leaflets'],
        [{ metrics: { leaflets: 1.5 } }, 'metrics.leaflets'],
        [{ metrics: { lossesAvoided: '10.005' } }, 'metrics.lossesAvoided'],
        [{ metrics: { audience: 1e13 } }, 'metrics.audience'],
        [{ metrics: { audience: 'many' } }, 'metrics.audience'],
        [{ metrics: [1, 2] }, 'metrics'],
        [{ metrics: { audience: { n: 1 } } }, 'metrics'],
      ];
      for (const [extra, field] of cases) {
        const res = await t.http.post(url()).set(bearer(w.reporterA.token)).send(body(w, extra));
        expect({ extra, status: res.status }).toEqual({ extra, status: 400 });
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      // N is inside R's scope but does not take part in the campaign
      const notTakingPart = await t.http
        .post(url())
        .set(bearer(w.reporterR.token))
        .send(body(w, { organizationId: w.org.N }))
        .expect(400);
      expect(notTakingPart.body.details).toEqual([
        { field: 'organizationId', message: 'The unit does not take part in this campaign' },
      ]);
      const task = await insertTask(w.tenant.tenantId, w.campaign.id, w.org.B);
      const wrongTask = await t.http
        .post(url())
        .set(bearer(w.reporterA.token))
        .send(body(w, { taskId: task }))
        .expect(400);
      expect(wrongTask.body.details[0].field).toBe('taskId');
      const several = await t.http
        .post(url())
        .set(bearer(w.reporterA.token))
        .send(body(w, { metrics: { nope: 1, leaflets: -2 } }))
        .expect(400);
      expect(several.body.details.map((d: { field: string }) => d.field)).toEqual(['metrics.nope', 'metrics.leaflets']);
      const malformed = await t.http
        .post(url())
        .set(bearer(w.reporterA.token))
        .set('Content-Type', 'application/json')
        .send('{"title":')
        .expect(400);
      expect(malformed.body.statusCode).toBe(400);
      expect(await countEvents(w.campaign.id)).toBe(before);
    });

    it('refuses a day after today (an event is logged once it has happened), on create and on edit', async () => {
      // The month runs on past today for this test: tomorrow lies inside the period but has not happened.
      const today = day(0);
      const tomorrow = day(1);
      await sql(`UPDATE campaign SET ends_on = $2::date, report_due_on = $2::date WHERE id = $1`, [
        w.campaign.id,
        day(30),
      ]);
      try {
        const before = await countEvents(w.campaign.id);
        const future = await t.http
          .post(url())
          .set(bearer(w.reporterA.token))
          .send(body(w, { occurredOn: tomorrow }))
          .expect(400);
        expect(future.body.details).toEqual([expect.objectContaining({ field: 'occurredOn' })]);
        expect(await countEvents(w.campaign.id)).toBe(before);
        const logged = await t.http
          .post(url())
          .set(bearer(w.reporterA.token))
          .send(body(w, { occurredOn: today }))
          .expect(201);
        const edit = await t.http
          .patch(`/api/v1/events/${logged.body.id}`)
          .set(bearer(w.reporterA.token))
          .send({ occurredOn: tomorrow })
          .expect(400);
        expect(edit.body.details).toEqual([expect.objectContaining({ field: 'occurredOn' })]);
        const [row] = await sql<{ day: string }>(`SELECT occurred_on::text AS day FROM publicity_event WHERE id = $1`, [
          logged.body.id,
        ]);
        expect(row!.day).toBe(today);
      } finally {
        await sql(`UPDATE campaign SET ends_on = $2::date, report_due_on = '2026-12-05' WHERE id = $1`, [
          w.campaign.id,
          PERIOD.endsOn,
        ]);
      }
    });

    it('answers 404 outside the scope (unit, campaign, tenant) and 403 to roles that cannot log', async () => {
      await t.http.post(url()).set(bearer(w.reporterB.token)).send(body(w)).expect(404);
      await t.http.post(url()).set(bearer(w.reporterA1.token)).send(body(w)).expect(404);
      await t.http.post(url()).set(bearer(w.other.reporter.token)).send(body(w)).expect(404);
      await t.http
        .post(`/api/v1/campaigns/${randomUUID()}/events`)
        .set(bearer(w.reporterA.token))
        .send(body(w))
        .expect(404);
      await t.http.post('/api/v1/campaigns/123/events').set(bearer(w.reporterA.token)).send(body(w)).expect(404);
      // a campaign the reporter cannot see at all: 404, even though its unit would be refused anyway
      const hidden = await insertCampaign({
        tenantId: w.tenant.tenantId,
        organizerOrgId: w.org.B,
        participants: [w.org.B],
      });
      const res = await t.http
        .post(`/api/v1/campaigns/${hidden.id}/events`)
        .set(bearer(w.reporterA.token))
        .send(body(w))
        .expect(404);
      expect(res.body.message).toBe('Campaign not found');
      await t.http.post(url()).set(bearer(w.viewerA.token)).send(body(w)).expect(403);
      await t.http.post(url()).set(bearer(w.organizerR.token)).send(body(w)).expect(403);
      await t.http.post(url()).send(body(w)).expect(401);
    });

    it('reads the user in its own statement: role, scope and deactivation changes count at the next create', async () => {
      // This route loads the actor with its checks (decision 031) instead of through the guard: each change
      // an administrator makes must still take effect at once, with a token issued before it.
      const admin = bearer(w.tenant.adminToken);
      const user = await createUser(
        t.http,
        w.tenant.adminToken,
        [{ organizationId: w.org.A, role: 'REPORTER' }],
        'moved',
      );
      const as = bearer(user.token);
      await t.http.post(url()).set(as).send(body(w)).expect(201);
      const membershipsNow = (memberships: { organizationId: string; role: string }[]) =>
        t.http.patch(`/api/v1/users/${user.id}`).set(admin).send({ memberships }).expect(200);
      await membershipsNow([{ organizationId: w.org.A, role: 'VIEWER' }]);
      const refused = await t.http.post(url()).set(as).send(body(w)).expect(403);
      expect(refused.body).toMatchObject({ statusCode: 403, message: 'Your role does not allow event:write' });
      await membershipsNow([{ organizationId: w.org.B, role: 'REPORTER' }]);
      await t.http.post(url()).set(as).send(body(w)).expect(404);
      await t.http
        .post(url())
        .set(as)
        .send(body(w, { organizationId: w.org.B }))
        .expect(201);
      await t.http.patch(`/api/v1/users/${user.id}`).set(admin).send({ isActive: false }).expect(200);
      const locked = await t.http
        .post(url())
        .set(as)
        .send(body(w, { organizationId: w.org.B }))
        .expect(401);
      expect(locked.body).toMatchObject({ statusCode: 401, message: 'This account is not active' });
      const [{ n }] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM publicity_event WHERE author_id = $1', [
        user.id,
      ]);
      expect(n).toBe(2);
    });

    it('checks each create against the campaign as it is now, however the process cached it', async () => {
      // The process keeps a campaign's period and metric definitions to validate a body before its one
      // statement (decision 032); another process may change them in between: the statement writes only
      // when they are unchanged, and otherwise the facts it read decide.
      const c = await insertCampaign({ tenantId: w.tenant.tenantId, organizerOrgId: w.org.R, participants: [w.org.A] });
      const post = (extra: Record<string, unknown>) =>
        t.http
          .post(`/api/v1/campaigns/${c.id}/events`)
          .set(bearer(w.reporterA.token))
          .send(body(w, { metrics: { audience: 10 }, ...extra }));
      await post({}).expect(201);
      await post({}).expect(201);
      // a metric defined since: accepted at once
      await sql(
        `INSERT INTO metric_definition (tenant_id, campaign_id, key, label, unit, kind, sort_order)
         VALUES ($1, $2, 'hotline', '拨打热线', '次', 'COUNT', 9)`,
        [w.tenant.tenantId, c.id],
      );
      const added = await post({ metrics: { hotline: 3 } }).expect(201);
      expect(added.body.metrics).toEqual({ hotline: '3' });
      // a metric removed since: refused, though the cached definitions still had it
      await sql(`DELETE FROM metric_definition WHERE campaign_id = $1 AND key = 'posters'`, [c.id]);
      const removed = await post({ metrics: { posters: 5 } }).expect(400);
      expect(removed.body.details).toEqual([expect.objectContaining({ field: 'metrics.posters' })]);
      // a period shortened since: the day is refused, though the cached period still held it
      await sql(`UPDATE campaign SET starts_on = '2026-11-10' WHERE id = $1`, [c.id]);
      const early = await post({ metrics: {} }).expect(400);
      expect(early.body.details).toEqual([expect.objectContaining({ field: 'occurredOn' })]);
      await post({ metrics: {}, occurredOn: '2026-11-12' }).expect(201);
      expect(await countEvents(c.id)).toBe(4);
    });

    it('answers 422 while the campaign is not ACTIVE', async () => {
      const draft = await insertCampaign({
        tenantId: w.tenant.tenantId,
        organizerOrgId: w.org.R,
        participants: [w.org.A],
        status: 'DRAFT',
      });
      const res = await t.http
        .post(`/api/v1/campaigns/${draft.id}/events`)
        .set(bearer(w.reporterA.token))
        .send(body(w))
        .expect(422);
      expect(res.body.message).toMatch(/ACTIVE/);
      await setCampaignStatus(draft.id, 'CLOSED');
      await t.http
        .post(`/api/v1/campaigns/${draft.id}/events`)
        .set(bearer(w.reporterA.token))
        .send(body(w))
        .expect(422);
      expect(await countEvents(draft.id)).toBe(0);
    });
  });

  describe('GET /campaigns/:id/events', () => {
    let c: string;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      const camp = await insertCampaign({
        tenantId: w.tenant.tenantId,
        organizerOrgId: w.org.R,
        participants: [w.org.A, w.org.A1, w.org.B],
      });
      c = camp.id;
      const base = { tenantId: w.tenant.tenantId, campaignId: c };
      ids.a1 = await insertEvent({
        ...base,
        organizationId: w.org.A,
        occurredOn: '2026-11-03',
        type: 'POSTER',
        metrics: { [camp.metrics.posters!]: '120' },
      });
      ids.a2 = await insertEvent({
        ...base,
        organizationId: w.org.A,
        occurredOn: '2026-11-10',
        type: 'LEAFLET',
        metrics: { [camp.metrics.lossesAvoided!]: '0.10' },
      });
      ids.child = await insertEvent({ ...base, organizationId: w.org.A1, occurredOn: '2026-11-05', type: 'LEAFLET' });
      ids.b = await insertEvent({ ...base, organizationId: w.org.B, occurredOn: '2026-11-07', type: 'MEETING' });
      const task = await insertTask(w.tenant.tenantId, c, w.org.A);
      await sql(`UPDATE publicity_event SET task_id = $2 WHERE id = $1`, [ids.a2, task]);
      ids.task = task;
    });
    const list = (token: string, query = '') => t.http.get(`/api/v1/campaigns/${c}/events${query}`).set(bearer(token));

    it('lists the events in the caller’s scope, newest day first, with metrics and photo counts', async () => {
      const all = await list(w.reporterR.token).expect(200);
      expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
      expect(all.body.items.map((e: { id: string }) => e.id)).toEqual([ids.a2, ids.b, ids.child, ids.a1]);
      expect(all.body.items[3]).toMatchObject({
        metrics: { posters: '120' },
        photoCount: 0,
        organizationName: '城关派出所',
      });
      expect(all.body.items[0].metrics).toEqual({ lossesAvoided: '0.10' });
      const fromA = await list(w.viewerA.token).expect(200);
      expect(fromA.body.items.map((e: { id: string }) => e.id).sort()).toEqual([ids.a1, ids.a2, ids.child].sort());
      const fromA1 = await list(w.reporterA1.token).expect(200);
      expect(fromA1.body.items.map((e: { id: string }) => e.id)).toEqual([ids.child]);
      const fromB = await list(w.reporterB.token).expect(200);
      expect(fromB.body.items.map((e: { id: string }) => e.id)).toEqual([ids.b]);
    });

    it('filters by unit, subtree, type, days and task, sorts and pages', async () => {
      const token = w.reporterR.token;
      const idsOf = (r: { body: { items: { id: string }[] } }) => r.body.items.map((e) => e.id);
      expect(idsOf(await list(token, `?organizationId=${w.org.A}`).expect(200)).sort()).toEqual(
        [ids.a1, ids.a2].sort(),
      );
      expect(idsOf(await list(token, `?subtreeOf=${w.org.A}&sort=occurredOn&order=asc`).expect(200))).toEqual([
        ids.a1,
        ids.child,
        ids.a2,
      ]);
      expect(idsOf(await list(token, '?type=LEAFLET&order=asc').expect(200))).toEqual([ids.child, ids.a2]);
      expect(idsOf(await list(token, '?from=2026-11-05&to=2026-11-07&order=asc').expect(200))).toEqual([
        ids.child,
        ids.b,
      ]);
      expect(idsOf(await list(token, `?taskId=${ids.task}`).expect(200))).toEqual([ids.a2]);
      const byCreation = idsOf(await list(token, '?sort=createdAt&order=asc').expect(200));
      expect(byCreation).toEqual([ids.a1, ids.a2, ids.child, ids.b]);
      const page2 = await list(token, '?pageSize=3&page=2&order=asc').expect(200);
      expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(idsOf(page2)).toEqual([ids.a2]);
    });

    it('refuses bad filters with 400 and out-of-scope filters or campaigns with 404', async () => {
      for (const q of [
        '?pageSize=201',
        '?page=0',
        '?type=PARADE',
        '?from=2026-13-01',
        '?from=2026-11-10&to=2026-11-01',
        '?sort=title',
        '?order=up',
        '?foo=1',
        '?organizationId=x',
      ]) {
        const res = await list(w.reporterR.token, q);
        expect({ q, status: res.status }).toEqual({ q, status: 400 });
      }
      await list(w.reporterA1.token, `?organizationId=${w.org.A}`).expect(404);
      await list(w.reporterA1.token, `?subtreeOf=${w.org.A}`).expect(404);
      await list(w.other.reporter.token).expect(404);
      await t.http.get(`/api/v1/campaigns/${randomUUID()}/events`).set(bearer(w.reporterR.token)).expect(404);
    });
  });

  describe('GET|PATCH|DELETE /events/:id', () => {
    let id: string;
    beforeEach(async () => {
      const res = await t.http.post(url()).set(bearer(w.reporterA.token)).send(body(w)).expect(201);
      id = res.body.id;
    });

    it('reads an event in scope, 404 for everyone else', async () => {
      await t.http.get(`/api/v1/events/${id}`).set(bearer(w.reporterR.token)).expect(200);
      await t.http.get(`/api/v1/events/${id}`).set(bearer(w.viewerA.token)).expect(200);
      await t.http.get(`/api/v1/events/${id}`).set(bearer(w.reporterA1.token)).expect(404);
      await t.http.get(`/api/v1/events/${id}`).set(bearer(w.reporterB.token)).expect(404);
      await t.http.get(`/api/v1/events/${id}`).set(bearer(w.other.reporter.token)).expect(404);
      await t.http.get(`/api/v1/events/${randomUUID()}`).set(bearer(w.reporterA.token)).expect(404);
      await t.http.get('/api/v1/events/nope').set(bearer(w.reporterA.token)).expect(404);
    });

    it('edits fields, clears optional ones with null, replaces all metric values, and audits before/after', async () => {
      const res = await t.http
        .patch(`/api/v1/events/${id}`)
        .set(bearer(w.reporterA.token))
        .send({
          title: '集市日宣传',
          location: null,
          occurredOn: '2026-11-08',
          metrics: { posters: 12, lossesAvoided: '0.05' },
        })
        .expect(200);
      expect(res.body).toMatchObject({
        id,
        title: '集市日宣传',
        location: null,
        occurredOn: '2026-11-08',
        description: body(w).description,
        metrics: { posters: '12', lossesAvoided: '0.05' },
        photos: [],
      });
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThan(new Date(res.body.createdAt).getTime() - 1);
      const rows = await sql(`SELECT count(*)::int AS n FROM event_metric_value WHERE event_id = $1`, [id]);
      expect(rows[0]!.n).toBe(2);
      const [audit] = await sql<{ changes: { before: Record<string, unknown>; after: Record<string, unknown> } }>(
        `SELECT changes FROM audit_entry WHERE entity_id = $1 AND action = 'event.update'`,
        [id],
      );
      expect(audit!.changes.before).toMatchObject({
        title: '集市日发放反诈宣传单',
        occurredOn: '2026-11-06',
        metrics: { audience: '800.00', leaflets: '3000.00' },
      });
      expect(audit!.changes.after).toMatchObject({ title: '集市日宣传', location: null, metrics: { posters: '12' } });
      const cleared = await t.http
        .patch(`/api/v1/events/${id}`)
        .set(bearer(w.reporterR.token))
        .send({ metrics: {} })
        .expect(200);
      expect(cleared.body.metrics).toEqual({});
    });

    it('refuses bad edits with 400, other units with 404, readers with 403', async () => {
      for (const [patch, field] of [
        [{ title: null }, 'title'],
        [{ type: null }, 'type'],
        [{ occurredOn: '2026-12-01' }, 'occurredOn'],
        [{ metrics: { nope: 1 } }, 'metrics.nope'],
        [{ metrics: null }, 'metrics'],
        [{ organizationId: w.org.B }, 'organizationId'],
        [{ taskId: randomUUID() }, 'taskId'],
      ] as [Record<string, unknown>, string][]) {
        const res = await t.http.patch(`/api/v1/events/${id}`).set(bearer(w.reporterA.token)).send(patch);
        expect({ patch, status: res.status }).toEqual({ patch, status: 400 });
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      await t.http.patch(`/api/v1/events/${id}`).set(bearer(w.reporterB.token)).send({ title: 'x' }).expect(404);
      await t.http.patch(`/api/v1/events/${id}`).set(bearer(w.reporterA1.token)).send({ title: 'x' }).expect(404);
      await t.http.patch(`/api/v1/events/${id}`).set(bearer(w.other.reporter.token)).send({ title: 'x' }).expect(404);
      await t.http.patch(`/api/v1/events/${id}`).set(bearer(w.viewerA.token)).send({ title: 'x' }).expect(403);
      await t.http.delete(`/api/v1/events/${id}`).set(bearer(w.reporterB.token)).expect(404);
      await t.http.delete(`/api/v1/events/${id}`).set(bearer(w.viewerA.token)).expect(403);
      const got = await t.http.get(`/api/v1/events/${id}`).set(bearer(w.reporterA.token)).expect(200);
      expect(got.body.title).toBe('集市日发放反诈宣传单');
    });

    it('deletes an event with its values, audited; a second delete is 404', async () => {
      await t.http.delete(`/api/v1/events/${id}`).set(bearer(w.reporterA.token)).expect(204);
      expect(await sql(`SELECT 1 FROM publicity_event WHERE id = $1`, [id])).toHaveLength(0);
      expect(await sql(`SELECT 1 FROM event_metric_value WHERE event_id = $1`, [id])).toHaveLength(0);
      expect(
        await sql(`SELECT 1 FROM audit_entry WHERE entity_id = $1 AND action = 'event.delete'`, [id]),
      ).toHaveLength(1);
      await t.http.delete(`/api/v1/events/${id}`).set(bearer(w.reporterA.token)).expect(404);
    });
  });

  describe('locking', () => {
    it('makes a unit’s events read-only once its summary is approved, until it is returned', async () => {
      const camp = await insertCampaign({
        tenantId: w.tenant.tenantId,
        organizerOrgId: w.org.R,
        participants: [w.org.A, w.org.B],
      });
      const base = `/api/v1/campaigns/${camp.id}/events`;
      const created = await t.http.post(base).set(bearer(w.reporterA.token)).send(body(w)).expect(201);
      const id = created.body.id;
      await addSummaryVersion(w.tenant.tenantId, camp.id, w.org.A, 'SUBMITTED');
      await t.http
        .patch(`/api/v1/events/${id}`)
        .set(bearer(w.reporterA.token))
        .send({ title: '提交后仍可改' })
        .expect(200);
      await addSummaryVersion(w.tenant.tenantId, camp.id, w.org.A, 'APPROVED');

      const create = await t.http.post(base).set(bearer(w.reporterA.token)).send(body(w)).expect(422);
      expect(create.body.message).toMatch(/approved/);
      await t.http.patch(`/api/v1/events/${id}`).set(bearer(w.reporterR.token)).send({ title: '改' }).expect(422);
      await t.http.delete(`/api/v1/events/${id}`).set(bearer(w.reporterA.token)).expect(422);
      await t.http.get(`/api/v1/events/${id}`).set(bearer(w.reporterA.token)).expect(200);
      // another unit of the same campaign is not locked
      await t.http
        .post(base)
        .set(bearer(w.reporterB.token))
        .send(body(w, { organizationId: w.org.B }))
        .expect(201);
      // an out-of-scope caller still gets 404, not 422
      await t.http.patch(`/api/v1/events/${id}`).set(bearer(w.reporterB.token)).send({ title: '改' }).expect(404);

      await addSummaryVersion(w.tenant.tenantId, camp.id, w.org.A, 'RETURNED');
      await t.http
        .patch(`/api/v1/events/${id}`)
        .set(bearer(w.reporterA.token))
        .send({ title: '退回后修改' })
        .expect(200);
      await t.http.post(base).set(bearer(w.reporterA.token)).send(body(w)).expect(201);
      await t.http.delete(`/api/v1/events/${id}`).set(bearer(w.reporterA.token)).expect(204);
    });

    it('refuses edits and deletes once the campaign is closed', async () => {
      const camp = await insertCampaign({
        tenantId: w.tenant.tenantId,
        organizerOrgId: w.org.R,
        participants: [w.org.A],
      });
      const created = await t.http
        .post(`/api/v1/campaigns/${camp.id}/events`)
        .set(bearer(w.reporterA.token))
        .send(body(w))
        .expect(201);
      await setCampaignStatus(camp.id, 'CLOSED');
      await t.http
        .patch(`/api/v1/events/${created.body.id}`)
        .set(bearer(w.reporterA.token))
        .send({ title: '改' })
        .expect(422);
      await t.http.delete(`/api/v1/events/${created.body.id}`).set(bearer(w.reporterA.token)).expect(422);
    });
  });
});
