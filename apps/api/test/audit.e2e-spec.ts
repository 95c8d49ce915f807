// GET /audit (操作日志): filters, pages, and scope — a branch admin sees its branch's history only, the
// tenant's admin everything of the tenant including tenant-wide entries, nobody another tenant's.
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import { buildEventsWorld, type EventsWorld } from './support/events-fixtures.js';
import { bearer, createOrg, createUser, registerTenant, type Tenant, uniquePhone } from './support/fixtures.js';

interface Entry {
  id: string;
  createdAt: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { id: string; name: string } | null;
  organization: { id: string; name: string } | null;
  changes: unknown;
}

describe('audit log', () => {
  let t: TestApp;
  let w: EventsWorld;
  let branchAdmin: { id: string; token: string };
  let sibling: string;
  let other: Tenant;
  const ids: Record<string, string> = {};

  const audit = (token: string, query = '') =>
    t.http.get(`/api/v1/audit?pageSize=200${query ? `&${query}` : ''}`).set(bearer(token));
  const entries = async (token: string, query = ''): Promise<Entry[]> => {
    const res = await audit(token, query);
    expect(res.status).toBe(200);
    return res.body.items;
  };

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '100000' });
    w = await buildEventsWorld(t.http);
    const admin = w.tenant.adminToken;
    branchAdmin = await createUser(t.http, admin, [{ organizationId: w.org.A, role: 'ADMIN' }], 'branch-admin');
    // writes in the branch (A and below), by the tenant admin and by the branch admin
    ids.renamed = w.org.A;
    await t.http
      .patch(`/api/v1/organizations/${w.org.A}`)
      .set(bearer(admin))
      .send({ name: '城关派出所（新）' })
      .expect(200);
    ids.station = await createOrg(t.http, branchAdmin.token, w.org.A1, '城关警务点', 'POLICE');
    const user = await t.http
      .post('/api/v1/users')
      .set(bearer(branchAdmin.token))
      .send({
        name: '警务点民警',
        phone: uniquePhone(),
        memberships: [{ organizationId: ids.station, role: 'REPORTER' }],
      })
      .expect(201);
    ids.user = user.body.id;
    await t.http.post(`/api/v1/users/${ids.user}/invitation`).set(bearer(branchAdmin.token)).expect(201);
    // an event logged through the hot path (one statement writes the event and its audit entry)
    const event = await t.http
      .post(`/api/v1/campaigns/${w.campaign.id}/events`)
      .set(bearer(w.reporterA.token))
      .send({
        organizationId: w.org.A,
        type: 'LEAFLET',
        title: '集市日发放宣传单',
        occurredOn: '2026-11-06',
        metrics: {},
      })
      .expect(201);
    ids.event = event.body.id;
    // writes outside the branch: a sibling, and the root
    sibling = await createOrg(t.http, admin, w.org.R, '西城派出所', 'POLICE');
    await t.http
      .post(`/api/v1/campaigns/${w.campaign.id}/events`)
      .set(bearer(w.reporterB.token))
      .send({ organizationId: w.org.B, type: 'POSTER', title: '张贴海报', occurredOn: '2026-11-07', metrics: {} })
      .expect(201);
    other = await registerTenant(t.http, '另一城市公安局', 'POLICE');
    await createOrg(t.http, other.adminToken, other.rootId, '别人的派出所', 'POLICE');
  }, 60_000);
  afterAll(() => t.close());

  it('binds the writes to their units, the hot-path event create included', async () => {
    const rows = await sql<{ action: string; entity_id: string; organization_id: string | null }>(
      `SELECT action, entity_id, organization_id FROM audit_entry WHERE tenant_id = $1`,
      [w.tenant.tenantId],
    );
    const of = (action: string, entityId: string) =>
      rows.find((r) => r.action === action && r.entity_id === entityId)?.organization_id;
    expect(of('organization.update', w.org.A)).toBe(w.org.A);
    expect(of('organization.create', ids.station)).toBe(ids.station);
    expect(of('user.create', ids.user)).toBe(ids.station);
    expect(of('user.invite', ids.user)).toBe(ids.station);
    expect(of('event.create', ids.event)).toBe(w.org.A);
    expect(rows.filter((r) => r.action === 'auth.login').every((r) => r.organization_id === null)).toBe(true);
  });

  it('the tenant admin sees the tenant, tenant-wide entries included, never another tenant', async () => {
    const all = await entries(w.tenant.adminToken);
    const actions = new Set(all.map((e) => e.action));
    for (const a of ['tenant.register', 'auth.login', 'organization.create', 'user.create', 'event.create'])
      expect(actions).toContain(a);
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry WHERE tenant_id = $1`, [
      w.tenant.tenantId,
    ]);
    expect((await audit(w.tenant.adminToken)).body.total).toBe(count!.n);
    expect(all.some((e) => e.organization?.name === '别人的派出所')).toBe(false);
    const theirs = await entries(other.adminToken);
    expect(theirs.map((e) => e.action).sort()).toEqual(
      (await sql<{ action: string }>(`SELECT action FROM audit_entry WHERE tenant_id = $1`, [other.tenantId]))
        .map((r) => r.action)
        .sort(),
    );
  });

  it('a branch admin sees its branch only: not the root, not a sibling, not tenant-wide entries', async () => {
    const mine = await entries(branchAdmin.token);
    const inBranch = new Set([w.org.A, w.org.A1, ids.station]);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    for (const e of mine) expect(inBranch.has(e.organization?.id ?? 'none')).toBe(true);
    const keys = mine.map((e) => `${e.action} ${e.entityId}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        `organization.update ${w.org.A}`,
        `organization.create ${ids.station}`,
        `user.create ${ids.user}`,
        `user.invite ${ids.user}`,
        `event.create ${ids.event}`,
      ]),
    );
    expect(keys).not.toContain(`organization.create ${sibling}`);
    expect(mine.some((e) => e.action === 'tenant.register' || e.action.startsWith('auth.'))).toBe(false);
    // the entry names who did it and where
    const renamed = mine.find((e) => e.action === 'organization.update')!;
    expect(renamed.actor).toEqual({ id: w.tenant.adminId, name: '管理员' });
    expect(renamed.organization).toEqual({ id: w.org.A, name: '城关派出所（新）' });
    const invite = mine.find((e) => e.action === 'user.invite')!;
    expect(JSON.stringify(invite.changes)).not.toMatch(/token/i);
  });

  it('non-admins get 403; a unit outside the scope is 404', async () => {
    await audit(w.reporterA.token).expect(403);
    await audit(w.organizerR.token).expect(403);
    await audit(w.viewerA.token).expect(403);
    await audit(branchAdmin.token, `organizationId=${w.org.B}`).expect(404);
    await audit(branchAdmin.token, `organizationId=${w.org.R}`).expect(404);
    await audit(w.tenant.adminToken, `organizationId=${other.rootId}`).expect(404);
  });

  it('filters by action, entity, actor and unit (or subtree)', async () => {
    const admin = w.tenant.adminToken;
    const created = await entries(admin, 'action=organization.create');
    expect(created.length).toBeGreaterThan(3);
    expect(created.every((e) => e.action === 'organization.create')).toBe(true);
    const users = await entries(admin, 'entityType=User&action=user.create');
    expect(users.every((e) => e.entityType === 'User' && e.action === 'user.create')).toBe(true);
    const one = await entries(admin, `entityId=${ids.user}`);
    expect(one.map((e) => e.action).sort()).toEqual(['user.create', 'user.invite']);
    const byBranchAdmin = await entries(admin, `actorId=${branchAdmin.id}`);
    expect(byBranchAdmin.map((e) => e.action).sort()).toEqual(
      expect.arrayContaining(['organization.create', 'user.create', 'user.invite']),
    );
    expect(byBranchAdmin.every((e) => e.actor?.id === branchAdmin.id)).toBe(true);
    const atA = await entries(branchAdmin.token, `organizationId=${w.org.A}`);
    expect(atA.every((e) => e.organization?.id === w.org.A)).toBe(true);
    expect(atA.map((e) => e.action)).toEqual(expect.arrayContaining(['organization.update', 'event.create']));
    const subtree = await entries(branchAdmin.token, `organizationId=${w.org.A}&subtree=true`);
    expect(subtree.map((e) => e.organization?.id)).toEqual(expect.arrayContaining([w.org.A, ids.station]));
    expect(subtree.length).toBe((await entries(branchAdmin.token)).length);
  });

  it('filters by calendar day in the tenant time zone (Asia/Shanghai) and by instant', async () => {
    const admin = w.tenant.adminToken;
    const [a, b, c] = (await entries(admin, 'action=organization.create')).map((e) => e.id);
    // 2020-01-05 23:30 and 2020-01-06 00:30 in Shanghai
    await sql(`UPDATE audit_entry SET created_at = '2020-01-05T15:30:00Z' WHERE id = $1`, [a]);
    await sql(`UPDATE audit_entry SET created_at = '2020-01-05T16:30:00Z' WHERE id = $1`, [b]);
    await sql(`UPDATE audit_entry SET created_at = '2019-12-31T15:59:00Z' WHERE id = $1`, [c]);
    const idsOf = async (query: string) => (await entries(admin, query)).map((e) => e.id).sort();
    expect(await idsOf('from=2020-01-05&to=2020-01-05')).toEqual([a].sort());
    expect(await idsOf('from=2020-01-01&to=2020-01-31')).toEqual([a, b].sort());
    expect(await idsOf('from=2020-01-06&to=2020-01-06')).toEqual([b]);
    expect(await idsOf('to=2019-12-31')).toEqual([c]);
    expect(await idsOf('from=2020-01-05T15:00:00Z&to=2020-01-05T16:00:00Z')).toEqual([a]);
    expect(await idsOf('from=2020-01-06T00:00:00%2B08:00&to=2020-01-06')).toEqual([b]);
  });

  it('refuses bad filters with field-level 400', async () => {
    const admin = w.tenant.adminToken;
    const field = async (query: string) => {
      const res = await audit(admin, query).expect(400);
      return res.body.details.map((d: { field: string }) => d.field);
    };
    expect(await field('actorId=nobody')).toEqual(['actorId']);
    expect(await field('organizationId=1')).toEqual(['organizationId']);
    expect(await field('from=2020-13-01')).toEqual(['from']);
    expect(await field('to=yesterday')).toEqual(['to']);
    expect(await field('from=2020-01-06T00:00:00')).toEqual(['from']); // an instant needs its offset
    expect(await field(`action=${'a'.repeat(65)}`)).toEqual(['action']);
    expect(await field('entityType=User%27%20OR%201%3D1')).toEqual(['entityType']);
    expect(await field('from=2020-02-01&to=2020-01-01')).toEqual(['from']);
    expect(await field('page=0')).toEqual(['page']);
    expect(await field('subtree=1')).toEqual(['subtree']);
  });

  it('pages newest first without gaps or repeats', async () => {
    const admin = w.tenant.adminToken;
    const all = await entries(admin);
    for (let i = 1; i < all.length; i++)
      expect(Date.parse(all[i - 1]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(all[i]!.createdAt));
    const pages: Entry[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 3); page++) {
      const res = await t.http.get(`/api/v1/audit?page=${page}&pageSize=3`).set(bearer(admin)).expect(200);
      expect(res.body).toMatchObject({ page, pageSize: 3, total: all.length });
      pages.push(...res.body.items);
    }
    expect(pages.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const beyond = await t.http.get('/api/v1/audit?page=1000&pageSize=3').set(bearer(admin)).expect(200);
    expect(beyond.body).toMatchObject({ items: [], total: all.length });
  });
});
