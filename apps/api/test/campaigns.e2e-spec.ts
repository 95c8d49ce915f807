// Campaigns: templates, create / list / read / edit, launch and close, participants, progress, stats.
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import { bearer, createOrg } from './support/fixtures.js';
import {
  type Bureau,
  createCampaign,
  day,
  educationBureau,
  insertEvent,
  insertSummary,
  launch,
  leader,
} from './support/planning-fixtures.js';

const count = async (table: string, tenantId: string) =>
  (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))[0]!.n;
const fields = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];

describe('campaigns', () => {
  let t: TestApp;
  let w: Bureau;
  let other: Bureau;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    w = await educationBureau(t.http);
    other = await educationBureau(t.http, '另一教育局');
  }, 120_000);
  afterAll(() => t.close());

  describe('GET /campaign-templates', () => {
    it('lists the three months with metrics, event types, leading-group shape and suggested tasks', async () => {
      const res = await t.http.get('/api/v1/campaign-templates').set(bearer(w.reporter1.token)).expect(200);
      const names = res.body.items.map((x: { name: string }) => x.name);
      expect(names).toEqual(
        expect.arrayContaining([
          '全民反诈在行动集中宣传月',
          '打击欺诈骗保维护基金安全集中宣传月',
          '防范通讯网络新型违法犯罪宣传月',
        ]),
      );
      const fraud = res.body.items.find((x: { key: string }) => x.key === 'anti-fraud');
      expect(fraud.metrics).toEqual(
        expect.arrayContaining([
          { key: 'audience', label: '受众人次', unit: '人次', kind: 'COUNT' },
          { key: 'lossesAvoided', label: '避免损失', unit: '元', kind: 'MONEY' },
          { key: 'interceptedTransactions', label: '阻止可疑交易', unit: '笔', kind: 'COUNT' },
        ]),
      );
      expect(fraud.suggestedEventTypes).toContain('COUNTER_REMINDER');
      expect(fraud.leadingGroupShape.filter((s: { role: string }) => s.role === 'LEADER')).toHaveLength(1);
      expect(fraud.suggestedTasks.length).toBeGreaterThan(0);
      expect(fraud.purpose).toBeTruthy();
    });

    it('needs a token', async () => {
      await t.http.get('/api/v1/campaign-templates').expect(401);
    });

    it('pages like every list and refuses bad paging with a field-level 400', async () => {
      const second = await t.http
        .get('/api/v1/campaign-templates')
        .query({ page: 2, pageSize: 2 })
        .set(bearer(w.reporter1.token))
        .expect(200);
      expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(second.body.items).toHaveLength(1);
      const bad = await t.http
        .get('/api/v1/campaign-templates')
        .query({ page: -1, pageSize: 100000 })
        .set(bearer(w.reporter1.token))
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['page', 'pageSize']);
    });
  });

  describe('POST /campaigns', () => {
    it('creates a DRAFT from a template: title, purpose, goals, metrics and event types from it', async () => {
      const res = await t.http
        .post('/api/v1/campaigns')
        .set(bearer(w.organizer.token))
        .send({
          templateKey: 'telecom-crime',
          startsOn: '2026-11-01',
          endsOn: '2026-11-30',
          reportDueOn: '2026-12-05',
          directiveNumber: '江教〔2026〕7号',
        })
        .expect(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          title: '2026年防范通讯网络新型违法犯罪宣传月',
          templateKey: 'telecom-crime',
          status: 'DRAFT',
          organizer: { id: w.bureau, name: '江城县教育局' },
          startsOn: '2026-11-01',
          endsOn: '2026-11-30',
          reportDueOn: '2026-12-05',
          directiveNumber: '江教〔2026〕7号',
          participantCount: 0,
          canManage: true,
        }),
      );
      expect(res.body.purpose).toContain('防范通讯网络新型违法犯罪');
      expect(res.body.suggestedEventTypes).toContain('FLAG_CEREMONY');
      expect(res.body.metrics.map((m: { key: string }) => m.key)).toEqual([
        'audience',
        'leaflets',
        'posters',
        'messages',
        'parentsReached',
      ]);
      const audit = await sql(`SELECT action FROM audit_entry WHERE entity_id = $1`, [res.body.id]);
      expect(audit.map((a) => a.action)).toEqual(['campaign.create']);
    });

    it('creates a blank campaign with its own metrics and its participants in one call', async () => {
      const res = await t.http
        .post('/api/v1/campaigns')
        .set(bearer(w.organizer.token))
        .send({
          title: '校园安全宣传月',
          organizerOrgId: w.bureau,
          startsOn: day(0),
          endsOn: day(10),
          reportDueOn: day(12),
          metrics: [{ key: 'audience', label: '受众人次', unit: '人次', kind: 'COUNT' }],
          participants: { subtreeOf: w.bureau, kinds: ['SCHOOL'] },
        })
        .expect(201);
      expect(res.body.templateKey).toBeNull();
      expect(res.body.metrics).toHaveLength(1);
      expect(res.body.participantCount).toBe(3);
    });

    it('refuses a blank campaign without a title and an unknown template, writing nothing', async () => {
      const before = await count('campaign', w.tenant.tenantId);
      const noTitle = await t.http
        .post('/api/v1/campaigns')
        .set(bearer(w.organizer.token))
        .send({ startsOn: day(0), endsOn: day(1), reportDueOn: day(2) })
        .expect(400);
      expect(fields(noTitle.body)).toEqual(['title']);
      const unknown = await t.http
        .post('/api/v1/campaigns')
        .set(bearer(w.organizer.token))
        .send({ templateKey: 'castle-month', startsOn: day(0), endsOn: day(1), reportDueOn: day(2) })
        .expect(400);
      expect(fields(unknown.body)).toEqual(['templateKey']);
      expect(await count('campaign', w.tenant.tenantId)).toBe(before);
    });

    it('refuses dates out of order, impossible days, duplicate metric keys and unknown fields with the field named', async () => {
      const send = (body: object) =>
        t.http
          .post('/api/v1/campaigns')
          .set(bearer(w.organizer.token))
          .send({ templateKey: 'anti-fraud', ...body });
      expect(
        fields(
          (await send({ startsOn: '2026-11-30', endsOn: '2026-11-01', reportDueOn: '2026-12-05' }).expect(400)).body,
        ),
      ).toEqual(['endsOn']);
      expect(
        fields(
          (await send({ startsOn: '2026-11-01', endsOn: '2026-11-30', reportDueOn: '2026-11-20' }).expect(400)).body,
        ),
      ).toEqual(['reportDueOn']);
      expect(
        fields(
          (await send({ startsOn: '2026-02-30', endsOn: '2026-11-30', reportDueOn: '2026-12-05' }).expect(400)).body,
        ),
      ).toEqual(['startsOn']);
      expect(
        fields(
          (await send({ startsOn: '2026-11-01', endsOn: '2026-11-30', reportDueOn: '2026/12/05' }).expect(400)).body,
        ),
      ).toEqual(['reportDueOn']);
      const dup = { key: 'audience', label: '受众', unit: '人次', kind: 'COUNT' };
      expect(
        fields(
          (
            await send({
              startsOn: '2026-11-01',
              endsOn: '2026-11-30',
              reportDueOn: '2026-12-05',
              metrics: [dup, dup],
            }).expect(400)
          ).body,
        ),
      ).toEqual(['metrics.1.key']);
      const badMetric = await send({
        startsOn: '2026-11-01',
        endsOn: '2026-11-30',
        reportDueOn: '2026-12-05',
        metrics: [{ ...dup, key: 'Bad Key', kind: 'WEIGHT' }],
      }).expect(400);
      expect(fields(badMetric.body)).toEqual(expect.arrayContaining(['metrics.0.key', 'metrics.0.kind']));
      expect(
        fields(
          (
            await send({
              startsOn: '2026-11-01',
              endsOn: '2026-11-30',
              reportDueOn: '2026-12-05',
              status: 'ACTIVE',
            }).expect(400)
          ).body,
        ),
      ).toEqual(['status']);
      const long = await send({
        startsOn: '2026-11-01',
        endsOn: '2026-11-30',
        reportDueOn: '2026-12-05',
        title: 'x'.repeat(201),
      }).expect(400);
      expect(fields(long.body)).toEqual(['title']);
    });

    it('answers 404 for an organizer unit outside your scope and 403 for a role that cannot write campaigns', async () => {
      await t.http
        .post('/api/v1/campaigns')
        .set(bearer(w.districtOrganizer.token))
        .send({
          templateKey: 'anti-fraud',
          organizerOrgId: w.bureau,
          startsOn: day(0),
          endsOn: day(1),
          reportDueOn: day(2),
        })
        .expect(404);
      await t.http
        .post('/api/v1/campaigns')
        .set(bearer(other.organizer.token))
        .send({
          templateKey: 'anti-fraud',
          organizerOrgId: w.bureau,
          startsOn: day(0),
          endsOn: day(1),
          reportDueOn: day(2),
        })
        .expect(404);
      await t.http
        .post('/api/v1/campaigns')
        .set(bearer(w.reporter1.token))
        .send({ templateKey: 'anti-fraud', startsOn: day(0), endsOn: day(1), reportDueOn: day(2) })
        .expect(403);
    });

    it('refuses participants outside the organizer subtree (400 naming the field) and writes nothing', async () => {
      const before = await count('campaign', w.tenant.tenantId);
      const res = await t.http
        .post('/api/v1/campaigns')
        .set(bearer(w.organizer.token))
        .send({
          templateKey: 'telecom-crime',
          organizerOrgId: w.district,
          startsOn: day(0),
          endsOn: day(1),
          reportDueOn: day(2),
          participants: { organizationIds: [w.schools.s3, w.schools.s1] },
        })
        .expect(400);
      expect(fields(res.body)).toEqual(['participants.organizationIds.1']);
      expect(await count('campaign', w.tenant.tenantId)).toBe(before);
    });
  });

  describe('GET /campaigns and GET /campaigns/:id', () => {
    let districtCampaign: string;
    beforeAll(async () => {
      districtCampaign = (
        await createCampaign(t.http, w.districtOrganizer.token, {
          title: '学区宣传月',
          participants: { organizationIds: [w.schools.s3] },
        })
      ).id;
    });

    it('lists campaigns organized in your scope or with a participant in it, filtered by status and title', async () => {
      const bureauView = await t.http.get('/api/v1/campaigns').set(bearer(w.organizer.token)).expect(200);
      expect(bureauView.body.items.map((c: { id: string }) => c.id)).toContain(districtCampaign);
      expect(bureauView.body).toEqual(expect.objectContaining({ page: 1, pageSize: 20 }));
      const s1 = await t.http.get('/api/v1/campaigns').set(bearer(w.reporter1.token)).expect(200);
      expect(s1.body.items.map((c: { id: string }) => c.id)).not.toContain(districtCampaign);
      expect(s1.body.items.every((c: { canManage: boolean }) => c.canManage === false)).toBe(true);
      const titled = await t.http
        .get('/api/v1/campaigns')
        .query({ q: '学区' })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(titled.body.items.map((c: { title: string }) => c.title)).toEqual(['学区宣传月']);
      const active = await t.http
        .get('/api/v1/campaigns')
        .query({ status: 'ACTIVE' })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(active.body.items.every((c: { status: string }) => c.status === 'ACTIVE')).toBe(true);
      const otherTenant = await t.http.get('/api/v1/campaigns').set(bearer(other.organizer.token)).expect(200);
      expect(otherTenant.body.items.map((c: { id: string }) => c.id)).not.toContain(districtCampaign);
    });

    it('refuses bad list filters with 400', async () => {
      await t.http.get('/api/v1/campaigns').query({ status: 'OPEN' }).set(bearer(w.organizer.token)).expect(400);
      await t.http.get('/api/v1/campaigns').query({ pageSize: 500 }).set(bearer(w.organizer.token)).expect(400);
    });

    it('reads a campaign from the organizer side and from a participating unit; elsewhere 404', async () => {
      const bureau = await t.http
        .get(`/api/v1/campaigns/${districtCampaign}`)
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(bureau.body.canManage).toBe(true);
      expect(bureau.body.participantCount).toBe(1);
      await t.http.get(`/api/v1/campaigns/${districtCampaign}`).set(bearer(w.reporter1.token)).expect(404);
      await t.http.get(`/api/v1/campaigns/${districtCampaign}`).set(bearer(other.organizer.token)).expect(404);
      await t.http.get('/api/v1/campaigns/not-a-uuid').set(bearer(w.organizer.token)).expect(404);
      await t.http
        .get('/api/v1/campaigns/00000000-0000-4000-8000-000000000000')
        .set(bearer(w.organizer.token))
        .expect(404);
    });
  });

  describe('PATCH, launch and close', () => {
    it('edits a DRAFT, launches it, closes it, and refuses every other transition with 422', async () => {
      const { id } = await createCampaign(t.http, w.organizer.token, {});
      const edited = await t.http
        .patch(`/api/v1/campaigns/${id}`)
        .set(bearer(w.organizer.token))
        .send({ title: '2026年防范通讯网络新型违法犯罪宣传月(修订)', goals: '全覆盖', directiveNumber: null })
        .expect(200);
      expect(edited.body).toEqual(
        expect.objectContaining({
          title: '2026年防范通讯网络新型违法犯罪宣传月(修订)',
          goals: '全覆盖',
          directiveNumber: null,
        }),
      );
      await t.http.post(`/api/v1/campaigns/${id}/close`).set(bearer(w.organizer.token)).expect(422);
      const launched = await t.http.post(`/api/v1/campaigns/${id}/launch`).set(bearer(w.organizer.token)).expect(200);
      expect(launched.body.status).toBe('ACTIVE');
      expect(launched.body.launchedAt).toBeTruthy();
      const again = await t.http.post(`/api/v1/campaigns/${id}/launch`).set(bearer(w.organizer.token)).expect(422);
      expect(again.body.details).toEqual({ from: 'ACTIVE', to: 'ACTIVE' });
      await t.http
        .patch(`/api/v1/campaigns/${id}`)
        .set(bearer(w.organizer.token))
        .send({ goals: '进行中也可修改' })
        .expect(200);
      const closed = await t.http.post(`/api/v1/campaigns/${id}/close`).set(bearer(w.organizer.token)).expect(200);
      expect(closed.body.status).toBe('CLOSED');
      await t.http.post(`/api/v1/campaigns/${id}/close`).set(bearer(w.organizer.token)).expect(422);
      await t.http.post(`/api/v1/campaigns/${id}/launch`).set(bearer(w.organizer.token)).expect(422);
      const frozen = await t.http
        .patch(`/api/v1/campaigns/${id}`)
        .set(bearer(w.organizer.token))
        .send({ goals: '关闭后' })
        .expect(422);
      expect(frozen.body.error).toBe('Unprocessable Entity');
      const audit = await sql(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id`, [id]);
      expect(audit.map((a) => a.action)).toEqual([
        'campaign.create',
        'campaign.update',
        'campaign.launch',
        'campaign.update',
        'campaign.close',
      ]);
    });

    it('checks merged dates, tasks past a new report deadline and metric edits', async () => {
      const { id } = await createCampaign(t.http, w.organizer.token, {
        participants: { organizationIds: [w.schools.s1] },
      });
      const bad = await t.http
        .patch(`/api/v1/campaigns/${id}`)
        .set(bearer(w.organizer.token))
        .send({ endsOn: day(30) })
        .expect(400);
      expect(fields(bad.body)).toEqual(['reportDueOn']);
      await t.http
        .post(`/api/v1/campaigns/${id}/tasks`)
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.schools.s1, title: '国旗下宣讲', dueOn: day(24) })
        .expect(201);
      const late = await t.http
        .patch(`/api/v1/campaigns/${id}`)
        .set(bearer(w.organizer.token))
        .send({ endsOn: day(20), reportDueOn: day(22) })
        .expect(400);
      expect(fields(late.body)).toEqual(['reportDueOn']);
      await t.http.patch(`/api/v1/campaigns/${id}`).set(bearer(w.organizer.token)).send({ title: null }).expect(400);

      // metrics: labels edited in place, one added, one dropped; a metric events already count stays (409)
      const edited = await t.http
        .patch(`/api/v1/campaigns/${id}`)
        .set(bearer(w.organizer.token))
        .send({
          metrics: [
            { key: 'leaflets', label: '发放《致家长的一封信》', unit: '份', kind: 'COUNT' },
            { key: 'audience', label: '受众人次', unit: '人次', kind: 'COUNT' },
            { key: 'videos', label: '播放宣传片', unit: '次', kind: 'COUNT' },
          ],
        })
        .expect(200);
      expect(edited.body.metrics.map((m: { key: string; label: string }) => `${m.key}:${m.label}`)).toEqual([
        'leaflets:发放《致家长的一封信》',
        'audience:受众人次',
        'videos:播放宣传片',
      ]);
      await insertEvent(
        {
          tenantId: w.tenant.tenantId,
          campaignId: id,
          organizationId: w.schools.s1,
          type: 'LEAFLET',
          occurredOn: day(0),
        },
        { videos: 2 },
      );
      const used = await t.http
        .patch(`/api/v1/campaigns/${id}`)
        .set(bearer(w.organizer.token))
        .send({ metrics: [{ key: 'audience', label: '受众人次', unit: '人次', kind: 'COUNT' }] })
        .expect(409);
      expect(used.body.details).toEqual({ field: 'metrics', keys: ['videos'] });
      const after = await t.http.get(`/api/v1/campaigns/${id}`).set(bearer(w.organizer.token)).expect(200);
      expect(after.body.metrics).toHaveLength(3);
    });

    it('only the organizer side edits: a participant or another branch gets 404, a reporter 403', async () => {
      const { id } = await createCampaign(t.http, w.organizer.token, {
        participants: { organizationIds: [w.schools.s3] },
      });
      await t.http
        .patch(`/api/v1/campaigns/${id}`)
        .set(bearer(w.districtOrganizer.token))
        .send({ goals: 'x' })
        .expect(404);
      await t.http.post(`/api/v1/campaigns/${id}/launch`).set(bearer(w.districtOrganizer.token)).expect(404);
      await t.http.post(`/api/v1/campaigns/${id}/close`).set(bearer(other.organizer.token)).expect(404);
      await t.http.patch(`/api/v1/campaigns/${id}`).set(bearer(w.reporter1.token)).send({ goals: 'x' }).expect(403);
    });
  });

  describe('participants', () => {
    it('adds one by one (idempotent) and a whole subtree, the organizer itself left out unless named', async () => {
      const { id } = await createCampaign(t.http, w.organizer.token, {});
      const one = await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.organizer.token))
        .send({ organizationIds: [w.schools.s1] })
        .expect(201);
      expect(one.body).toEqual({ added: 1, total: 1 });
      const again = await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.organizer.token))
        .send({ organizationIds: [w.schools.s1] })
        .expect(201);
      expect(again.body).toEqual({ added: 0, total: 1 });
      const tree = await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.organizer.token))
        .send({ subtreeOf: w.bureau })
        .expect(201);
      expect(tree.body).toEqual({ added: 4, total: 5 }); // s2, district, s3, office (s1 already in; bureau is the organizer)
      const list = await t.http.get(`/api/v1/campaigns/${id}/participants`).set(bearer(w.organizer.token)).expect(200);
      expect(list.body.total).toBe(5);
      expect(list.body.items.map((p: { organizationId: string }) => p.organizationId)).not.toContain(w.bureau);
      const schools = await t.http
        .get(`/api/v1/campaigns/${id}/participants`)
        .query({ kind: 'SCHOOL' })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(schools.body.total).toBe(3);
      const named = await t.http
        .get(`/api/v1/campaigns/${id}/participants`)
        .query({ q: '城关' })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(named.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['城关学区', '城关小学']);
    });

    it('a subtree below the organizer includes its root; kinds filter it', async () => {
      const { id } = await createCampaign(t.http, w.organizer.token, {});
      const res = await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.organizer.token))
        .send({ subtreeOf: w.district })
        .expect(201);
      expect(res.body).toEqual({ added: 3, total: 3 });
      const { id: id2 } = await createCampaign(t.http, w.organizer.token, {});
      const kinds = await t.http
        .post(`/api/v1/campaigns/${id2}/participants`)
        .set(bearer(w.organizer.token))
        .send({ subtreeOf: w.bureau, kinds: ['SCHOOL'] })
        .expect(201);
      expect(kinds.body).toEqual({ added: 3, total: 3 });
    });

    it('skips archived units of a subtree and refuses a named archived one', async () => {
      const { id } = await createCampaign(t.http, w.organizer.token, {});
      const closedSchool = await createOrg(t.http, w.admin, w.district, '已撤并小学', 'SCHOOL');
      await sql(`UPDATE organization SET archived_at = now() WHERE id = $1`, [closedSchool]);
      const res = await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.organizer.token))
        .send({ subtreeOf: w.district })
        .expect(201);
      expect(res.body.added).toBe(3);
      const named = await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.organizer.token))
        .send({ organizationIds: [closedSchool] })
        .expect(400);
      expect(fields(named.body)).toEqual(['organizationIds.0']);
    });

    it('refuses bad input with the field named and writes nothing', async () => {
      const { id } = await createCampaign(t.http, w.districtOrganizer.token, {});
      const post = (body: object, token = w.organizer.token) =>
        t.http.post(`/api/v1/campaigns/${id}/participants`).set(bearer(token)).send(body);
      expect(fields((await post({}).expect(400)).body)).toEqual(['organizationIds']);
      expect(fields((await post({ kinds: ['SCHOOL'] }).expect(400)).body)).toEqual(['kinds']);
      expect(fields((await post({ subtreeOf: w.district, kinds: ['CASTLE'] }).expect(400)).body)).toEqual(['kinds']);
      expect(fields((await post({ organizationIds: ['nope'] }).expect(400)).body)).toEqual(['organizationIds']);
      expect(fields((await post({ organizationIds: [w.schools.s3, w.schools.s3] }).expect(400)).body)).toEqual([
        'organizationIds.1',
      ]);
      // s1 is in the bureau organizer's scope but outside the district (the campaign's organizer)
      expect(fields((await post({ organizationIds: [w.schools.s3, w.schools.s1] }).expect(400)).body)).toEqual([
        'organizationIds.1',
      ]);
      expect(fields((await post({ subtreeOf: w.bureau }).expect(400)).body)).toEqual(['subtreeOf']);
      expect(await sql(`SELECT 1 FROM participant WHERE campaign_id = $1`, [id])).toHaveLength(0);
    });

    it('answers 404 for units or campaigns outside your scope, 403 for roles that cannot add, 422 once closed', async () => {
      const { id } = await createCampaign(t.http, w.organizer.token, {
        participants: { organizationIds: [w.schools.s3] },
      });
      // the district organizer sees the campaign through s3 and may add its own units, not the bureau's
      await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.districtOrganizer.token))
        .send({ organizationIds: [w.office] })
        .expect(201);
      await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.districtOrganizer.token))
        .send({ organizationIds: [w.schools.s1] })
        .expect(404);
      await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(other.organizer.token))
        .send({ organizationIds: [other.schools.s1] })
        .expect(404);
      await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.reporter1.token))
        .send({ organizationIds: [w.schools.s1] })
        .expect(403);
      await t.http.get(`/api/v1/campaigns/${id}/participants`).set(bearer(w.reporter1.token)).expect(404);
      await launch(t.http, w.organizer.token, id);
      await t.http.post(`/api/v1/campaigns/${id}/close`).set(bearer(w.organizer.token)).expect(200);
      await t.http
        .post(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.organizer.token))
        .send({ organizationIds: [w.schools.s1] })
        .expect(422);
      await t.http
        .delete(`/api/v1/campaigns/${id}/participants/${w.office}`)
        .set(bearer(w.organizer.token))
        .expect(422);
    });

    it('lists only the participants inside your scope', async () => {
      const { id } = await createCampaign(t.http, w.organizer.token, { participants: { subtreeOf: w.bureau } });
      const s1 = await t.http.get(`/api/v1/campaigns/${id}/participants`).set(bearer(w.reporter1.token)).expect(200);
      expect(s1.body.items.map((p: { organizationId: string }) => p.organizationId)).toEqual([w.schools.s1]);
      const district = await t.http
        .get(`/api/v1/campaigns/${id}/participants`)
        .set(bearer(w.districtOrganizer.token))
        .expect(200);
      expect(district.body.total).toBe(3);
    });

    it('removes a unit with its tasks and leading group; refuses one with events (409); 404 elsewhere', async () => {
      const { id } = await createCampaign(t.http, w.organizer.token, {
        participants: { organizationIds: [w.schools.s1, w.schools.s2, w.schools.s3] },
      });
      await t.http
        .post(`/api/v1/campaigns/${id}/tasks`)
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.schools.s1, title: '国旗下宣讲' })
        .expect(201);
      await t.http
        .put(`/api/v1/campaigns/${id}/organizations/${w.schools.s1}/leading-group`)
        .set(bearer(w.reporter1.token))
        .send({ members: [leader()] })
        .expect(200);
      const res = await t.http
        .delete(`/api/v1/campaigns/${id}/participants/${w.schools.s1}`)
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(res.body).toEqual({
        campaignId: id,
        organizationId: w.schools.s1,
        tasksRemoved: 1,
        leadingGroupRemoved: true,
      });
      expect(await sql(`SELECT 1 FROM task WHERE campaign_id = $1`, [id])).toHaveLength(0);
      await t.http
        .delete(`/api/v1/campaigns/${id}/participants/${w.schools.s1}`)
        .set(bearer(w.organizer.token))
        .expect(404);

      await insertEvent({
        tenantId: w.tenant.tenantId,
        campaignId: id,
        organizationId: w.schools.s2,
        type: 'POSTER',
        occurredOn: day(0),
      });
      const kept = await t.http
        .delete(`/api/v1/campaigns/${id}/participants/${w.schools.s2}`)
        .set(bearer(w.organizer.token))
        .expect(409);
      expect(kept.body.details).toEqual({ events: 1, reports: 0 });

      await t.http
        .delete(`/api/v1/campaigns/${id}/participants/${w.schools.s3}`)
        .set(bearer(other.organizer.token))
        .expect(404);
      await t.http
        .delete(`/api/v1/campaigns/${id}/participants/${w.schools.s2}`)
        .set(bearer(w.districtOrganizer.token))
        .expect(404);
      await t.http
        .delete(`/api/v1/campaigns/${id}/participants/${w.schools.s3}`)
        .set(bearer(w.reporter1.token))
        .expect(403);
      await t.http
        .delete(`/api/v1/campaigns/${id}/participants/${w.schools.s3}`)
        .set(bearer(w.districtOrganizer.token))
        .expect(200);
    });
  });

  describe('GET /campaigns/:id/progress', () => {
    let id: string;
    beforeAll(async () => {
      id = (
        await createCampaign(t.http, w.organizer.token, {
          startsOn: day(-10),
          endsOn: day(20),
          reportDueOn: day(25),
          participants: { subtreeOf: w.bureau },
        })
      ).id;
      await launch(t.http, w.organizer.token, id);
      const task = (organizationId: string, dueOn: string, title = '任务') =>
        t.http
          .post(`/api/v1/campaigns/${id}/tasks`)
          .set(bearer(w.organizer.token))
          .send({ organizationId, title, dueOn })
          .expect(201);
      // s1: one done, one due in 10 days → GREEN; s2: one overdue → RED; s3: due in 2 days → YELLOW
      const done = await task(w.schools.s1, day(-1));
      await task(w.schools.s1, day(10));
      await t.http
        .patch(`/api/v1/tasks/${done.body.id}`)
        .set(bearer(w.reporter1.token))
        .send({ status: 'DONE' })
        .expect(200);
      await task(w.schools.s2, day(-1));
      await task(w.schools.s3, day(2));
      await t.http
        .put(`/api/v1/campaigns/${id}/organizations/${w.schools.s1}/leading-group`)
        .set(bearer(w.reporter1.token))
        .send({ members: [leader('张华')] })
        .expect(200);
      await insertEvent({
        tenantId: w.tenant.tenantId,
        campaignId: id,
        organizationId: w.schools.s1,
        type: 'FLAG_CEREMONY',
        occurredOn: day(-2),
      });
      await insertEvent({
        tenantId: w.tenant.tenantId,
        campaignId: id,
        organizationId: w.schools.s1,
        type: 'POSTER',
        occurredOn: day(-1),
      });
      await insertSummary(w.tenant.tenantId, id, w.schools.s1, 'RETURNED', 1);
      await insertSummary(w.tenant.tenantId, id, w.schools.s1, 'SUBMITTED', 2);
    });

    it('gives each participating unit its group, tasks, events, summary and light', async () => {
      const res = await t.http.get(`/api/v1/campaigns/${id}/progress`).set(bearer(w.organizer.token)).expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          total: 5,
          page: 1,
          pageSize: 20,
          today: day(0),
          lights: { GREEN: 3, YELLOW: 1, RED: 1 },
        }),
      );
      const by = Object.fromEntries(res.body.items.map((u: { organizationId: string }) => [u.organizationId, u]));
      expect(by[w.schools.s1]).toEqual({
        organizationId: w.schools.s1,
        name: '江城县第一中学',
        kind: 'SCHOOL',
        parentId: w.bureau,
        depth: 1,
        leadingGroupSet: true,
        leaderName: '张华',
        tasks: { total: 2, done: 1, overdue: 0, dueSoon: 0 },
        eventCount: 2,
        lastEventOn: day(-1),
        summaryStatus: 'SUBMITTED',
        light: 'GREEN',
      });
      expect(by[w.schools.s2]).toEqual(
        expect.objectContaining({
          leadingGroupSet: false,
          leaderName: null,
          tasks: { total: 1, done: 0, overdue: 1, dueSoon: 0 },
          eventCount: 0,
          summaryStatus: null,
          light: 'RED',
        }),
      );
      expect(by[w.schools.s3]).toEqual(
        expect.objectContaining({ tasks: { total: 1, done: 0, overdue: 0, dueSoon: 1 }, light: 'YELLOW' }),
      );
      expect(by[w.office]).toEqual(
        expect.objectContaining({ tasks: { total: 0, done: 0, overdue: 0, dueSoon: 0 }, light: 'GREEN' }),
      );
      // tree order: depth, then name
      expect(res.body.items.map((u: { depth: number }) => u.depth)).toEqual([1, 1, 1, 2, 2]);
    });

    it('filters by light, subtree and name, sorts red first, and pages', async () => {
      const red = await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ light: 'RED' })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(red.body.items.map((u: { organizationId: string }) => u.organizationId)).toEqual([w.schools.s2]);
      expect(red.body.total).toBe(1);
      expect(red.body.lights).toEqual({ GREEN: 3, YELLOW: 1, RED: 1 });
      const sorted = await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ sort: 'light' })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(sorted.body.items.slice(0, 2).map((u: { light: string }) => u.light)).toEqual(['RED', 'YELLOW']);
      const district = await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ organizationId: w.district })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(district.body.total).toBe(3);
      const named = await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ q: '第二' })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(named.body.items.map((u: { name: string }) => u.name)).toEqual(['江城县第二中学']);
      const literal = await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ q: '%' })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(literal.body.total).toBe(0);
      const p2 = await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ page: 2, pageSize: 2 })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(p2.body).toEqual(expect.objectContaining({ total: 5, page: 2, pageSize: 2 }));
      expect(p2.body.items).toHaveLength(2);
      const beyond = await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ page: 9 })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(beyond.body).toEqual(
        expect.objectContaining({ items: [], total: 5, lights: { GREEN: 3, YELLOW: 1, RED: 1 } }),
      );
    });

    it("shows a unit's own people only their units", async () => {
      const s1 = await t.http.get(`/api/v1/campaigns/${id}/progress`).set(bearer(w.viewer1.token)).expect(200);
      expect(s1.body.items.map((u: { organizationId: string }) => u.organizationId)).toEqual([w.schools.s1]);
      expect(s1.body.lights).toEqual({ GREEN: 1, YELLOW: 0, RED: 0 });
      const district = await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .set(bearer(w.districtOrganizer.token))
        .expect(200);
      expect(district.body.total).toBe(3);
    });

    it('turns yellow then red as the summary deadline nears and passes, unless handed in', async () => {
      const { id: soon } = await createCampaign(t.http, w.organizer.token, {
        startsOn: day(-20),
        endsOn: day(0),
        reportDueOn: day(1),
        participants: { organizationIds: [w.schools.s1, w.schools.s2] },
      });
      await insertSummary(w.tenant.tenantId, soon, w.schools.s1, 'APPROVED');
      const res = await t.http.get(`/api/v1/campaigns/${soon}/progress`).set(bearer(w.organizer.token)).expect(200);
      const light = Object.fromEntries(
        res.body.items.map((u: { organizationId: string; light: string }) => [u.organizationId, u.light]),
      );
      expect(light).toEqual({ [w.schools.s1]: 'GREEN', [w.schools.s2]: 'YELLOW' });
      const { id: past } = await createCampaign(t.http, w.organizer.token, {
        startsOn: day(-20),
        endsOn: day(-5),
        reportDueOn: day(-1),
        participants: { organizationIds: [w.schools.s2] },
      });
      const late = await t.http.get(`/api/v1/campaigns/${past}/progress`).set(bearer(w.organizer.token)).expect(200);
      expect(late.body.items[0].light).toBe('RED');
    });

    it('refuses bad queries with 400 and answers 404 outside the scope', async () => {
      await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ light: 'BLUE' })
        .set(bearer(w.organizer.token))
        .expect(400);
      await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ pageSize: 201 })
        .set(bearer(w.organizer.token))
        .expect(400);
      await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ sort: 'random' })
        .set(bearer(w.organizer.token))
        .expect(400);
      await t.http
        .get(`/api/v1/campaigns/${id}/progress`)
        .query({ organizationId: w.schools.s2 })
        .set(bearer(w.reporter1.token))
        .expect(404);
      await t.http.get(`/api/v1/campaigns/${id}/progress`).set(bearer(other.organizer.token)).expect(404);
    });
  });

  describe('GET /campaigns/:id/stats', () => {
    let id: string;
    beforeAll(async () => {
      id = (
        await createCampaign(t.http, w.organizer.token, {
          templateKey: 'anti-fraud',
          participants: { subtreeOf: w.bureau },
        })
      ).id;
      const ev = (organizationId: string, type: string, occurredOn: string, values: Record<string, number | string>) =>
        insertEvent({ tenantId: w.tenant.tenantId, campaignId: id, organizationId, type, occurredOn }, values);
      await ev(w.schools.s1, 'LEAFLET', day(-3), { leaflets: 3000, audience: 500 });
      await ev(w.schools.s1, 'LEAFLET', day(-2), { leaflets: 1500, audience: 300 });
      await ev(w.schools.s1, 'FLAG_CEREMONY', day(-2), { audience: 1800 });
      await ev(w.schools.s3, 'COUNTER_REMINDER', day(-1), { interceptedTransactions: 14, lossesAvoided: '812300.50' });
      await ev(w.schools.s2, 'POSTER', day(-1), { posters: 120 });
    });

    it('sums events by type, day and unit and the metrics over the whole scope', async () => {
      const res = await t.http.get(`/api/v1/campaigns/${id}/stats`).set(bearer(w.organizer.token)).expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({ campaignId: id, organizationId: null, eventCount: 5, unitsWithEvents: 3 }),
      );
      const total = Object.fromEntries(res.body.metrics.map((m: { key: string; total: string }) => [m.key, m.total]));
      expect(total).toEqual(
        expect.objectContaining({
          leaflets: '4500.00',
          audience: '2600.00',
          posters: '120.00',
          interceptedTransactions: '14.00',
          lossesAvoided: '812300.50',
          messages: '0',
        }),
      );
      expect(res.body.byType[0]).toEqual({
        type: 'LEAFLET',
        count: 2,
        metricSums: { leaflets: '4500.00', audience: '800.00' },
      });
      expect(res.body.byDay).toEqual([
        { day: day(-3), count: 1 },
        { day: day(-2), count: 2 },
        { day: day(-1), count: 2 },
      ]);
      expect(res.body.byUnit[0]).toEqual({
        organizationId: w.schools.s1,
        name: '江城县第一中学',
        count: 3,
        metricSums: { leaflets: '4500.00', audience: '2600.00' },
      });
      expect(res.body.byUnit).toHaveLength(3);
    });

    it('covers only the caller subtree, or a subtree asked for, and cuts byUnit to unitLimit', async () => {
      const s1 = await t.http.get(`/api/v1/campaigns/${id}/stats`).set(bearer(w.reporter1.token)).expect(200);
      expect(s1.body.eventCount).toBe(3);
      expect(s1.body.byUnit.map((u: { organizationId: string }) => u.organizationId)).toEqual([w.schools.s1]);
      const district = await t.http
        .get(`/api/v1/campaigns/${id}/stats`)
        .query({ organizationId: w.district })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(district.body).toEqual(expect.objectContaining({ organizationId: w.district, eventCount: 1 }));
      expect(district.body.metrics.find((m: { key: string }) => m.key === 'lossesAvoided').total).toBe('812300.50');
      const top = await t.http
        .get(`/api/v1/campaigns/${id}/stats`)
        .query({ unitLimit: 1 })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(top.body.byUnit).toHaveLength(1);
      expect(top.body.unitsWithEvents).toBe(3);
    });

    it('refuses bad queries with 400 and answers 404 outside the scope', async () => {
      await t.http
        .get(`/api/v1/campaigns/${id}/stats`)
        .query({ unitLimit: 0 })
        .set(bearer(w.organizer.token))
        .expect(400);
      await t.http
        .get(`/api/v1/campaigns/${id}/stats`)
        .query({ organizationId: 'x' })
        .set(bearer(w.organizer.token))
        .expect(400);
      await t.http
        .get(`/api/v1/campaigns/${id}/stats`)
        .query({ organizationId: w.schools.s2 })
        .set(bearer(w.reporter1.token))
        .expect(404);
      await t.http.get(`/api/v1/campaigns/${id}/stats`).set(bearer(other.organizer.token)).expect(404);
    });
  });
});
