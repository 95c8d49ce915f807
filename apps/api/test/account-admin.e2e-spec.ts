// Account administration (issue 16): users created without a password, e-mail/手机号 uniqueness, the user
// list's filters, GET /users/:id, and changing one's own password (every other session ends at once).
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import {
  bearer,
  createOrg,
  createUser,
  PASSWORD,
  registerTenant,
  type Tenant,
  uniqueEmail,
  uniquePhone,
} from './support/fixtures.js';

describe('account administration', () => {
  let t: TestApp;
  let tenant: Tenant;
  let A: string;
  let A1: string;
  let B: string;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_EMAIL: '3', LOGIN_MAX_PER_ADDRESS: '100000' });
    tenant = await registerTenant(t.http, '滨江市公安局', 'POLICE');
    A = await createOrg(t.http, tenant.adminToken, tenant.rootId, '城关派出所', 'POLICE');
    A1 = await createOrg(t.http, tenant.adminToken, A, '城关社区警务室', 'POLICE');
    B = await createOrg(t.http, tenant.adminToken, tenant.rootId, '东城派出所', 'POLICE');
  }, 60_000);
  afterAll(() => t.close());

  const post = (body: object, token = tenant.adminToken) => t.http.post('/api/v1/users').set(bearer(token)).send(body);

  describe('POST /users', () => {
    it('creates a user without a password, who cannot log in until invited (401)', async () => {
      const email = uniqueEmail('pending');
      const phone = uniquePhone();
      const res = await post({ name: '赵警官', email, phone, memberships: [{ organizationId: A, role: 'REPORTER' }] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ email, phone, hasPassword: false, isActive: true, lastLoginAt: null });
      for (const login of [email, phone])
        await t.http.post('/api/v1/auth/login').send({ login, password: PASSWORD }).expect(401);
      const [entry] = await sql<{ organization_id: string }>(
        `SELECT organization_id FROM audit_entry WHERE action = 'user.create' AND entity_id = $1`,
        [res.body.id],
      );
      expect(entry!.organization_id).toBe(A);
    });

    it('normalises the 手机号 and needs an e-mail or a 手机号 (field-level 400)', async () => {
      const digits = uniquePhone();
      const typed = `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
      const res = await post({ name: '钱', phone: typed, memberships: [{ organizationId: A, role: 'VIEWER' }] });
      expect(res.status).toBe(201);
      expect(res.body.phone).toBe(digits);
      expect(res.body.email).toBeNull();

      const neither = await post({ name: '孙', memberships: [{ organizationId: A, role: 'VIEWER' }] }).expect(400);
      expect(neither.body.details.map((d: { field: string }) => d.field)).toEqual(['email']);
      const badPhone = await post({ name: '孙', phone: '12345', memberships: [{ organizationId: A, role: 'VIEWER' }] });
      expect(badPhone.status).toBe(400);
      expect(badPhone.body.details.map((d: { field: string }) => d.field)).toEqual(['phone']);
      const shortPassword = await post({
        name: '孙',
        email: uniqueEmail(),
        password: 'short',
        memberships: [{ organizationId: A, role: 'VIEWER' }],
      }).expect(400);
      expect(shortPassword.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
    });

    it('still takes a password from API clients: that user logs in at once', async () => {
      const email = uniqueEmail('api');
      const res = await post({
        name: '周',
        email,
        password: PASSWORD,
        memberships: [{ organizationId: A, role: 'VIEWER' }],
      });
      expect(res.body.hasPassword).toBe(true);
      await t.http.post('/api/v1/auth/login').send({ login: email, password: PASSWORD }).expect(200);
    });

    it('answers 409 for a 手机号 or e-mail already taken, also in another tenant, without naming it', async () => {
      const phone = uniquePhone();
      await post({ name: '吴', phone, memberships: [{ organizationId: A, role: 'VIEWER' }] }).expect(201);
      const again = await post({ name: '郑', phone, memberships: [{ organizationId: B, role: 'VIEWER' }] }).expect(409);
      expect(again.body.details).toEqual({ field: 'phone' });

      const other = await registerTenant(t.http, '别的客户单位', 'OTHER');
      const elsewhere = await post(
        { name: '王', phone, memberships: [{ organizationId: other.rootId, role: 'VIEWER' }] },
        other.adminToken,
      ).expect(409);
      expect(JSON.stringify(elsewhere.body)).not.toContain('滨江');
      const emailTaken = await post(
        {
          name: '王',
          email: tenant.adminEmail.toUpperCase(),
          memberships: [{ organizationId: other.rootId, role: 'VIEWER' }],
        },
        other.adminToken,
      ).expect(409);
      expect(emailTaken.body.details).toEqual({ field: 'email' });
      const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE phone = $1`, [phone]);
      expect(row!.n).toBe(1);
    });
  });

  describe('PATCH /users/:id e-mail and 手机号', () => {
    it('changes and removes them, keeps at least one, and refuses one taken (409)', async () => {
      const u = await post({ name: '冯', email: uniqueEmail(), memberships: [{ organizationId: A, role: 'VIEWER' }] });
      const phone = uniquePhone();
      const patch = (body: object) =>
        t.http.patch(`/api/v1/users/${u.body.id}`).set(bearer(tenant.adminToken)).send(body);
      const withPhone = await patch({ phone }).expect(200);
      expect(withPhone.body.phone).toBe(phone);
      const onlyPhone = await patch({ email: null }).expect(200);
      expect(onlyPhone.body.email).toBeNull();
      const none = await patch({ phone: null }).expect(400);
      expect(none.body.details[0].field).toBe('phone');
      const taken = await patch({ email: tenant.adminEmail }).expect(409);
      expect(taken.body.details).toEqual({ field: 'email' });
      await patch({ phone: 'not-a-phone' }).expect(400);
      const got = await t.http.get(`/api/v1/users/${u.body.id}`).set(bearer(tenant.adminToken)).expect(200);
      expect(got.body).toMatchObject({ email: null, phone });
    });
  });

  describe('GET /users/:id', () => {
    it('answers users inside the scope; 404 outside it or in another tenant; 403 without user:read', async () => {
      const branchAdmin = await createUser(t.http, tenant.adminToken, [{ organizationId: A, role: 'ADMIN' }], 'ba');
      const atA1 = await createUser(t.http, tenant.adminToken, [{ organizationId: A1, role: 'VIEWER' }], 'a1');
      const atB = await createUser(t.http, tenant.adminToken, [{ organizationId: B, role: 'VIEWER' }], 'b');
      const reporter = await createUser(t.http, tenant.adminToken, [{ organizationId: A, role: 'REPORTER' }], 'rp');
      const got = await t.http.get(`/api/v1/users/${atA1.id}`).set(bearer(branchAdmin.token)).expect(200);
      expect(got.body).toMatchObject({ id: atA1.id, memberships: [expect.objectContaining({ organizationId: A1 })] });
      await t.http.get(`/api/v1/users/${atB.id}`).set(bearer(branchAdmin.token)).expect(404);
      await t.http.get(`/api/v1/users/${atA1.id}`).set(bearer(reporter.token)).expect(403);
      const other = await registerTenant(t.http);
      await t.http.get(`/api/v1/users/${atA1.id}`).set(bearer(other.adminToken)).expect(404);
      await t.http.get('/api/v1/users/not-a-uuid').set(bearer(tenant.adminToken)).expect(404);
    });
  });

  describe('GET /users filters', () => {
    let world: { branchAdmin: string; ids: Record<string, string> };
    beforeAll(async () => {
      const fresh = await registerTenant(t.http, '青山县医疗保障局', 'MEDICAL_INSURANCE');
      const town = await createOrg(t.http, fresh.adminToken, fresh.rootId, '青山镇', 'TOWN');
      const village = await createOrg(t.http, fresh.adminToken, town, '青山村', 'VILLAGE');
      const hospital = await createOrg(t.http, fresh.adminToken, fresh.rootId, '青山县人民医院', 'HOSPITAL');
      const make = async (name: string, organizationId: string, role: string, extra: object = {}) => {
        const res = await post(
          { name, phone: uniquePhone(), memberships: [{ organizationId, role }], ...extra },
          fresh.adminToken,
        );
        if (res.status !== 201) throw new Error(JSON.stringify(res.body));
        return res.body.id as string;
      };
      const ids = {
        townReporter: await make('镇填报员', town, 'REPORTER'),
        villageReporter: await make('村填报员甲', village, 'REPORTER', { email: 'cun.jia@qingshan.example' }),
        villageViewer: await make('村查看者', village, 'VIEWER', { password: PASSWORD }),
        hospitalReporter: await make('医院填报员', hospital, 'REPORTER'),
        townAdmin: await make('镇管理员', town, 'ADMIN', { password: PASSWORD }),
      };
      await t.http
        .patch(`/api/v1/users/${ids.villageViewer}`)
        .set(bearer(fresh.adminToken))
        .send({ isActive: false })
        .expect(200);
      const login = await t.http.post('/api/v1/auth/login').send({
        login: (await sql<{ phone: string }>(`SELECT phone FROM app_user WHERE id = $1`, [ids.townAdmin]))[0]!.phone,
        password: PASSWORD,
      });
      world = { branchAdmin: login.body.accessToken, ids: { ...ids, town, village, hospital, root: fresh.rootId } };
      tenantAdminToken = fresh.adminToken;
    }, 60_000);
    let tenantAdminToken: string;

    const list = async (query: string, token = tenantAdminToken) => {
      const res = await t.http.get(`/api/v1/users?pageSize=200&${query}`).set(bearer(token));
      return res;
    };
    const names = async (query: string, token?: string) => {
      const res = await list(query, token);
      expect(res.status).toBe(200);
      return (res.body.items as { name: string }[]).map((u) => u.name).sort();
    };

    it('by unit, or its subtree; a unit outside the scope is 404', async () => {
      const { town, village, hospital } = world.ids;
      expect(await names(`organizationId=${town}`)).toEqual(['镇管理员', '镇填报员'].sort());
      expect(await names(`organizationId=${town}&subtree=true`)).toEqual(
        ['村填报员甲', '村查看者', '镇管理员', '镇填报员'].sort(),
      );
      expect(await names(`organizationId=${village}`, world.branchAdmin)).toEqual(['村填报员甲', '村查看者'].sort());
      await list(`organizationId=${hospital}`, world.branchAdmin).then((r) => expect(r.status).toBe(404));
      await list(`organizationId=${A}`).then((r) => expect(r.status).toBe(404)); // another tenant's unit
      await list('organizationId=nope').then((r) => expect(r.status).toBe(400));
      await list('subtree=yes').then((r) => expect(r.status).toBe(400));
    });

    it('by role, active and pending, combined with the unit', async () => {
      const { town } = world.ids;
      expect(await names('role=REPORTER')).toEqual(['医院填报员', '村填报员甲', '镇填报员'].sort());
      expect(await names(`role=ADMIN&organizationId=${town}&subtree=true`)).toEqual(['镇管理员'].sort());
      expect(await names(`role=REPORTER&organizationId=${town}`)).toEqual(['镇填报员'].sort());
      expect(await names('active=false')).toEqual(['村查看者'].sort());
      expect(await names('active=true&pending=false')).toEqual(['管理员', '镇管理员'].sort());
      expect(await names('pending=true')).toEqual(['医院填报员', '村填报员甲', '镇填报员'].sort());
      await list('role=OWNER').then((r) => expect(r.status).toBe(400));
      await list('active=1').then((r) => expect(r.status).toBe(400));
    });

    it('by text in the name, e-mail or 手机号', async () => {
      expect(await names('q=填报员甲')).toEqual(['村填报员甲'].sort());
      expect(await names('q=CUN.JIA')).toEqual(['村填报员甲'].sort());
      const [row] = await sql<{ phone: string }>(`SELECT phone FROM app_user WHERE id = $1`, [
        world.ids.hospitalReporter,
      ]);
      expect(await names(`q=${row!.phone.slice(3, 11)}`)).toEqual(['医院填报员'].sort());
      expect(await names('q=医院', world.branchAdmin)).toEqual([].sort());
    });

    it('pages with a stable order and a total', async () => {
      const first = await t.http.get('/api/v1/users?page=1&pageSize=2').set(bearer(tenantAdminToken)).expect(200);
      const second = await t.http.get('/api/v1/users?page=2&pageSize=2').set(bearer(tenantAdminToken)).expect(200);
      expect(first.body.total).toBe(6);
      expect(first.body.items).toHaveLength(2);
      expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 6 });
      const ids = [...first.body.items, ...second.body.items].map((u: { id: string }) => u.id);
      expect(new Set(ids).size).toBe(4);
    });
  });

  describe('POST /me/password', () => {
    const change = (token: string, body: object) => t.http.post('/api/v1/me/password').set(bearer(token)).send(body);

    it('a wrong current password is a 400 on currentPassword and changes nothing', async () => {
      const u = await createUser(t.http, tenant.adminToken, [{ organizationId: A, role: 'VIEWER' }], 'wrong');
      const res = await change(u.token, { currentPassword: 'not-my-password', newPassword: 'a-new-password-1' }).expect(
        400,
      );
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
      await t.http.get('/api/v1/me').set(bearer(u.token)).expect(200);
      await t.http.post('/api/v1/auth/login').send({ login: u.email, password: PASSWORD }).expect(200);
      await t.http.post('/api/v1/auth/login').send({ login: u.email, password: 'a-new-password-1' }).expect(401);
    });

    it('ends every session at once and answers a working pair', async () => {
      const u = await createUser(t.http, tenant.adminToken, [{ organizationId: A, role: 'VIEWER' }], 'change');
      const other = await t.http.post('/api/v1/auth/login').send({ login: u.email, password: PASSWORD }).expect(200);
      const mine = await t.http.post('/api/v1/auth/login').send({ login: u.email, password: PASSWORD }).expect(200);
      const res = await change(mine.body.accessToken, { currentPassword: PASSWORD, newPassword: 'a-new-password-2' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
      // the other session: its access token stops at once, its refresh token too
      await t.http.get('/api/v1/me').set(bearer(other.body.accessToken)).expect(401);
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: other.body.refreshToken }).expect(401);
      // the tokens this request came with are replaced by the answer
      await t.http.get('/api/v1/me').set(bearer(mine.body.accessToken)).expect(401);
      await t.http.get('/api/v1/me').set(bearer(res.body.accessToken)).expect(200);
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
      await t.http.post('/api/v1/auth/login').send({ login: u.email, password: PASSWORD }).expect(401);
      await t.http.post('/api/v1/auth/login').send({ login: u.email, password: 'a-new-password-2' }).expect(200);
      const [entry] = await sql<{ organization_id: string; actor_id: string }>(
        `SELECT organization_id, actor_id FROM audit_entry WHERE action = 'user.password_change' AND entity_id = $1`,
        [u.id],
      );
      expect(entry).toEqual({ organization_id: A, actor_id: u.id });
    });

    it('refuses a new password that is short or the same (400) without counting an attempt', async () => {
      const u = await createUser(t.http, tenant.adminToken, [{ organizationId: A, role: 'VIEWER' }], 'same');
      const same = await change(u.token, { currentPassword: PASSWORD, newPassword: PASSWORD }).expect(400);
      expect(same.body.details[0].field).toBe('newPassword');
      const short = await change(u.token, { currentPassword: PASSWORD, newPassword: 'short' }).expect(400);
      expect(short.body.details[0].field).toBe('newPassword');
      await t.http.get('/api/v1/me').set(bearer(u.token)).expect(200);
    });

    it('guesses count in the log-in throttle of the user: after 3, even the right one is 429', async () => {
      const u = await createUser(t.http, tenant.adminToken, [{ organizationId: A, role: 'VIEWER' }], 'guess');
      const guesses = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          change(u.token, { currentPassword: `guess-${i}-password`, newPassword: 'a-new-password-3' }),
        ),
      );
      expect(guesses.map((g) => g.status).sort()).toEqual([400, 400, 400, 429]);
      const right = await change(u.token, { currentPassword: PASSWORD, newPassword: 'a-new-password-3' }).expect(429);
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
      // and the log-in form is throttled for that user as well
      await t.http.post('/api/v1/auth/login').send({ login: u.email, password: PASSWORD }).expect(429);
      await t.http.get('/api/v1/me').set(bearer(u.token)).expect(200);
    });

    it('a pending invitation link is revoked by a password change', async () => {
      const u = await createUser(t.http, tenant.adminToken, [{ organizationId: A, role: 'VIEWER' }], 'link');
      const link = await t.http.post(`/api/v1/users/${u.id}/invitation`).set(bearer(tenant.adminToken)).expect(201);
      const session = await t.http.post('/api/v1/auth/login').send({ login: u.email, password: PASSWORD }).expect(200);
      await change(session.body.accessToken, { currentPassword: PASSWORD, newPassword: 'a-new-password-4' }).expect(
        200,
      );
      await t.http.get(`/api/v1/invitations/${link.body.token}`).expect(404);
    });
  });
});
