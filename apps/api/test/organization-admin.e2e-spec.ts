// 单位管理 (issue 16): move with the subtree, 单位编码, archive that keeps history, restore, duplicate names.
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import { addSummaryVersion, insertCampaign, insertEvent, insertTask } from './support/events-fixtures.js';
import { bearer, createOrg, createUser, registerTenant, type Tenant } from './support/fixtures.js';

const V1 = '/api/v1';

describe('organization administration', () => {
  let t: TestApp;
  let tenant: Tenant;
  let admin: Record<string, string>;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    tenant = await registerTenant(t.http, '滨江区教育局', 'EDUCATION_BUREAU');
    admin = bearer(tenant.adminToken);
  }, 60_000);
  afterAll(() => t.close());

  const org = async (id: string) =>
    (
      await sql<{ path: string; depth: number; parent_id: string | null }>(
        'SELECT path, depth, parent_id FROM organization WHERE id = $1',
        [id],
      )
    )[0]!;

  describe('POST /organizations/:id/move', () => {
    it('moves the whole subtree: paths and depths of every descendant follow', async () => {
      const a = await createOrg(t.http, tenant.adminToken, tenant.rootId, '甲片区');
      const b = await createOrg(t.http, tenant.adminToken, tenant.rootId, '乙片区');
      const a1 = await createOrg(t.http, tenant.adminToken, a, '甲一校');
      const a11 = await createOrg(t.http, tenant.adminToken, a1, '甲一校分校');
      const res = await t.http.post(`${V1}/organizations/${a1}/move`).set(admin).send({ parentId: b }).expect(200);
      expect(res.body).toMatchObject({ id: a1, parentId: b, depth: 2, code: null });
      const bRow = await org(b);
      expect(await org(a1)).toEqual({ path: `${bRow.path}${a1}/`, depth: 2, parent_id: b });
      expect(await org(a11)).toEqual({ path: `${bRow.path}${a1}/${a11}/`, depth: 3, parent_id: a1 });
      // moved up a level: depths shrink
      await t.http.post(`${V1}/organizations/${a1}/move`).set(admin).send({ parentId: tenant.rootId }).expect(200);
      expect((await org(a11)).depth).toBe(2);
      const tree = await t.http.get(`${V1}/organizations/${tenant.rootId}/tree`).set(admin).expect(200);
      const node = tree.body.children.find((c: { id: string }) => c.id === a1);
      expect(node.children.map((c: { id: string }) => c.id)).toEqual([a11]);
    });

    it('refuses a cycle, the root, and an archived parent with 422', async () => {
      const p = await createOrg(t.http, tenant.adminToken, tenant.rootId, '丙片区');
      const c = await createOrg(t.http, tenant.adminToken, p, '丙一校');
      await t.http.post(`${V1}/organizations/${p}/move`).set(admin).send({ parentId: c }).expect(422);
      await t.http.post(`${V1}/organizations/${p}/move`).set(admin).send({ parentId: p }).expect(422);
      await t.http.post(`${V1}/organizations/${tenant.rootId}/move`).set(admin).send({ parentId: c }).expect(422);
      const gone = await createOrg(t.http, tenant.adminToken, tenant.rootId, '已撤销片区');
      await t.http.patch(`${V1}/organizations/${gone}`).set(admin).send({ archived: true }).expect(200);
      await t.http.post(`${V1}/organizations/${c}/move`).set(admin).send({ parentId: gone }).expect(422);
      expect((await org(c)).parent_id).toBe(p);
    });

    it('answers 404 when either end lies outside the caller’s scope, and 400 for a bad body', async () => {
      const left = await createOrg(t.http, tenant.adminToken, tenant.rootId, '东片区');
      const right = await createOrg(t.http, tenant.adminToken, tenant.rootId, '西片区');
      const leftChild = await createOrg(t.http, tenant.adminToken, left, '东一校');
      const branchAdmin = await createUser(
        t.http,
        tenant.adminToken,
        [{ organizationId: left, role: 'ADMIN' }],
        'east',
      );
      const h = bearer(branchAdmin.token);
      await t.http.post(`${V1}/organizations/${leftChild}/move`).set(h).send({ parentId: right }).expect(404);
      await t.http.post(`${V1}/organizations/${right}/move`).set(h).send({ parentId: left }).expect(404);
      await t.http.post(`${V1}/organizations/${leftChild}/move`).set(h).send({ parentId: 'x' }).expect(400);
      const other = await registerTenant(t.http, '别的局');
      await t.http
        .post(`${V1}/organizations/${leftChild}/move`)
        .set(admin)
        .send({ parentId: other.rootId })
        .expect(404);
      expect((await org(leftChild)).parent_id).toBe(left);
    });

    it('refuses a move that would put two units of one name under one parent (409); PATCH parentId moves too', async () => {
      const x = await createOrg(t.http, tenant.adminToken, tenant.rootId, '南片区');
      const y = await createOrg(t.http, tenant.adminToken, tenant.rootId, '北片区');
      const x1 = await createOrg(t.http, tenant.adminToken, x, '中心小学');
      await createOrg(t.http, tenant.adminToken, y, '中心小学');
      await t.http.post(`${V1}/organizations/${x1}/move`).set(admin).send({ parentId: y }).expect(409);
      const z = await createOrg(t.http, tenant.adminToken, tenant.rootId, '中片区');
      const res = await t.http.patch(`${V1}/organizations/${x1}`).set(admin).send({ parentId: z }).expect(200);
      expect(res.body.parentId).toBe(z);
    });
  });

  describe('单位编码 and names', () => {
    it('create and PATCH take a code, unique in the tenant (409); empty clears it; list q matches it', async () => {
      const created = await t.http
        .post(`${V1}/organizations`)
        .set(admin)
        .send({ parentId: tenant.rootId, name: '编码一校', kind: 'SCHOOL', code: ' JY-001 ' })
        .expect(201);
      expect(created.body.code).toBe('JY-001');
      await t.http
        .post(`${V1}/organizations`)
        .set(admin)
        .send({ parentId: tenant.rootId, name: '编码二校', kind: 'SCHOOL', code: 'JY-001' })
        .expect(409);
      const second = await createOrg(t.http, tenant.adminToken, tenant.rootId, '编码二校');
      await t.http.patch(`${V1}/organizations/${second}`).set(admin).send({ code: 'JY-001' }).expect(409);
      const found = await t.http.get(`${V1}/organizations?q=jy-00`).set(admin).expect(200);
      expect(found.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
      await t.http.patch(`${V1}/organizations/${created.body.id}`).set(admin).send({ code: '' }).expect(200);
      const ok = await t.http.patch(`${V1}/organizations/${second}`).set(admin).send({ code: 'JY-001' }).expect(200);
      expect(ok.body.code).toBe('JY-001');
      const cleared = await t.http.patch(`${V1}/organizations/${second}`).set(admin).send({ code: null }).expect(200);
      expect(cleared.body.code).toBeNull();
      // another tenant may use the same code
      const other = await registerTenant(t.http, '另一个局');
      await t.http
        .post(`${V1}/organizations`)
        .set(bearer(other.adminToken))
        .send({ parentId: other.rootId, name: '编码一校', kind: 'SCHOOL', code: 'JY-001' })
        .expect(201);
    });

    it('refuses a second active unit of the same name under one parent on create and rename (409)', async () => {
      const p = await createOrg(t.http, tenant.adminToken, tenant.rootId, '重名测试片区');
      await createOrg(t.http, tenant.adminToken, p, '实验小学');
      const dup = await t.http
        .post(`${V1}/organizations`)
        .set(admin)
        .send({ parentId: p, name: '实验小学', kind: 'SCHOOL' })
        .expect(409);
      expect(dup.body.statusCode).toBe(409);
      const other = await createOrg(t.http, tenant.adminToken, p, '实验中学');
      await t.http.patch(`${V1}/organizations/${other}`).set(admin).send({ name: '实验小学' }).expect(409);
      // the same name under another parent is fine
      await createOrg(t.http, tenant.adminToken, tenant.rootId, '实验小学');
    });

    it('parallel creates of one name under one parent create it once', async () => {
      const p = await createOrg(t.http, tenant.adminToken, tenant.rootId, '并发片区');
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          t.http.post(`${V1}/organizations`).set(admin).send({ parentId: p, name: '并发小学', kind: 'SCHOOL' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const [n] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM organization WHERE parent_id = $1`, [p]);
      expect(n!.n).toBe(1);
    });
  });

  describe('archive and restore', () => {
    it('archives (never deletes) a unit that tasks, summaries, events point to; its history stays readable', async () => {
      const unit = await createOrg(t.http, tenant.adminToken, tenant.rootId, '撤并小学', 'SCHOOL');
      const tasked = await createOrg(t.http, tenant.adminToken, tenant.rootId, '只有任务的小学', 'SCHOOL');
      const summarized = await createOrg(t.http, tenant.adminToken, tenant.rootId, '只有总结的小学', 'SCHOOL');
      const grouped = await createOrg(t.http, tenant.adminToken, tenant.rootId, '只有领导小组的小学', 'SCHOOL');
      const camp = await insertCampaign({
        tenantId: tenant.tenantId,
        organizerOrgId: tenant.rootId,
        participants: [unit],
      });
      const event = await insertEvent({ tenantId: tenant.tenantId, campaignId: camp.id, organizationId: unit });
      await addSummaryVersion(tenant.tenantId, camp.id, unit, 'SUBMITTED');
      // rows that only a task, a summary or a leading group refer to (no participation, no membership)
      await insertTask(tenant.tenantId, camp.id, tasked);
      await addSummaryVersion(tenant.tenantId, camp.id, summarized, 'DRAFT');
      await sql(
        `INSERT INTO leading_group (tenant_id, campaign_id, organization_id, updated_at) VALUES ($1, $2, $3, now())`,
        [tenant.tenantId, camp.id, grouped],
      );
      for (const id of [unit, tasked, summarized, grouped]) {
        const res = await t.http.delete(`${V1}/organizations/${id}`).set(admin).expect(200);
        expect(res.body).toEqual({ id, deleted: false, archived: true });
      }
      const list = await t.http.get(`${V1}/organizations?pageSize=200`).set(admin).expect(200);
      const ids = list.body.items.map((o: { id: string }) => o.id);
      for (const id of [unit, tasked, summarized, grouped]) expect(ids).not.toContain(id);
      const all = await t.http.get(`${V1}/organizations?pageSize=200&includeArchived=true`).set(admin).expect(200);
      expect(all.body.items.find((o: { id: string }) => o.id === unit)).toMatchObject({ archived: true });
      const tree = await t.http.get(`${V1}/organizations/${tenant.rootId}/tree`).set(admin).expect(200);
      expect(JSON.stringify(tree.body)).not.toContain(unit);
      // history: the event and the summary are still there and readable
      const ev = await t.http.get(`${V1}/events/${event}`).set(admin).expect(200);
      expect(ev.body.organizationId).toBe(unit);
      const events = await t.http.get(`${V1}/campaigns/${camp.id}/events`).set(admin).expect(200);
      expect(events.body.items.map((e: { id: string }) => e.id)).toContain(event);
      const reports = await sql(`SELECT 1 FROM summary_report WHERE organization_id = ANY($1::uuid[])`, [
        [unit, summarized],
      ]);
      expect(reports).toHaveLength(2);
      const [n] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM organization WHERE id = ANY($1::uuid[])`, [
        [unit, tasked, summarized, grouped],
      ]);
      expect(n!.n).toBe(4);
    });

    it('deletes an unused leaf', async () => {
      const leaf = await createOrg(t.http, tenant.adminToken, tenant.rootId, '空单位');
      const res = await t.http.delete(`${V1}/organizations/${leaf}`).set(admin).expect(200);
      expect(res.body).toEqual({ id: leaf, deleted: true, archived: false });
    });

    it('restores with PATCH {archived:false}, not under an archived parent (422) nor beside a new namesake (409)', async () => {
      const p = await createOrg(t.http, tenant.adminToken, tenant.rootId, '恢复片区');
      const c = await createOrg(t.http, tenant.adminToken, p, '恢复小学');
      await createUser(t.http, tenant.adminToken, [{ organizationId: c, role: 'REPORTER' }], 'restore');
      await t.http.delete(`${V1}/organizations/${c}`).set(admin).expect(200);
      await t.http.patch(`${V1}/organizations/${p}`).set(admin).send({ archived: true }).expect(200);
      await t.http.patch(`${V1}/organizations/${c}`).set(admin).send({ archived: false }).expect(422);
      const parent = await t.http.patch(`${V1}/organizations/${p}`).set(admin).send({ archived: false }).expect(200);
      expect(parent.body.archived).toBe(false);
      const namesake = await createOrg(t.http, tenant.adminToken, p, '恢复小学');
      await t.http.patch(`${V1}/organizations/${c}`).set(admin).send({ archived: false }).expect(409);
      await t.http.delete(`${V1}/organizations/${namesake}`).set(admin).expect(200);
      const back = await t.http.patch(`${V1}/organizations/${c}`).set(admin).send({ archived: false }).expect(200);
      expect(back.body.archived).toBe(false);
      const list = await t.http.get(`${V1}/organizations?parentId=${p}`).set(admin).expect(200);
      expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([c]);
    });
  });
});
