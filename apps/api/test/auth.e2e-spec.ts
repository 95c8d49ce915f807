import { bearer, createOrg, createUser, PASSWORD, registerTenant, uniqueEmail } from './support/fixtures.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';

describe('identity: sign-up, log-in, refresh, logout, deactivation', () => {
  let t: TestApp;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_EMAIL: '3', LOGIN_MAX_PER_ADDRESS: '1000' });
  });
  afterAll(() => t.close());

  it('registers a tenant with its root organization and first ADMIN in one go', async () => {
    const tenant = await registerTenant(t.http, '某区教育局', 'EDUCATION_BUREAU');
    const me = await t.http.get('/api/v1/me').set(bearer(tenant.adminToken)).expect(200);
    expect(me.body.tenant.name).toBe('某区教育局');
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ organizationId: tenant.rootId, role: 'ADMIN', organizationName: '某区教育局' }),
    ]);
    expect(me.body.permissions).toContain('user:write');
    const audit = await sql(`SELECT action FROM audit_entry WHERE tenant_id = $1`, [tenant.tenantId]);
    expect(audit.map((a) => a.action)).toContain('tenant.register');
  });

  it('refuses a duplicate e-mail (case-insensitive) with 409 and writes nothing', async () => {
    const email = uniqueEmail('dup');
    const body = (e: string) => ({
      tenantName: 'T',
      organization: { name: 'T', kind: 'OTHER' },
      admin: { name: 'a', email: e, password: PASSWORD },
    });
    await t.http.post('/api/v1/auth/register-tenant').send(body(email)).expect(201);
    const before = await sql(`SELECT count(*)::int AS n FROM tenant`);
    const res = await t.http.post('/api/v1/auth/register-tenant').send(body(email.toUpperCase())).expect(409);
    expect(res.body.error).toBe('Conflict');
    expect((await sql(`SELECT count(*)::int AS n FROM tenant`))[0]!.n).toBe(before[0]!.n);
  });

  it('refuses short passwords, malformed e-mails and unknown kinds with field details', async () => {
    const res = await t.http
      .post('/api/v1/auth/register-tenant')
      .send({
        tenantName: 'T',
        organization: { name: 'T', kind: 'CASTLE' },
        admin: { name: 'a', email: 'x@', password: 'short' },
      })
      .expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'organization.kind' }),
        expect.objectContaining({ field: 'admin.email' }),
        expect.objectContaining({ field: 'admin.password', message: 'password must be at least 10 characters' }),
      ]),
    );
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const tenant = await registerTenant(t.http);
    const wrong = await t.http
      .post('/api/v1/auth/login')
      .send({ email: tenant.adminEmail, password: 'wrong-password-1' })
      .expect(401);
    const unknown = await t.http
      .post('/api/v1/auth/login')
      .send({ email: uniqueEmail('nobody'), password: 'wrong-password-1' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    const failures = await sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'auth.login_failed'`);
    expect(failures[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('logs in with a differently-cased e-mail and rejects a malformed body with 400', async () => {
    const tenant = await registerTenant(t.http);
    await t.http
      .post('/api/v1/auth/login')
      .send({ email: tenant.adminEmail.toUpperCase(), password: PASSWORD })
      .expect(200);
    const bad = await t.http.post('/api/v1/auth/login').send({ email: 'nope', password: '' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['email', 'password']),
    );
  });

  it('throttles log-in per e-mail with 429 and Retry-After', async () => {
    const tenant = await registerTenant(t.http);
    for (let i = 0; i < 3; i++) {
      await t.http
        .post('/api/v1/auth/login')
        .send({ email: tenant.adminEmail, password: 'wrong-password-x' })
        .expect(401);
    }
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ email: tenant.adminEmail, password: PASSWORD })
      .expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.statusCode).toBe(429);
  });

  it('rotates refresh tokens and revokes the family when one is reused', async () => {
    const tenant = await registerTenant(t.http);
    const first = tenant.refreshToken;
    const r1 = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200);
    expect(r1.body.refreshToken).not.toBe(first);
    const r2 = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: r1.body.refreshToken }).expect(200);
    // the thief replays the first token: refused, and the legitimate holder's newest token dies too
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: r2.body.refreshToken }).expect(401);
    const reuse = await sql(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'auth.refresh_reuse' AND changes->>'reason' = 'reused' AND tenant_id = $1`,
      [tenant.tenantId],
    );
    expect(reuse[0]!.n).toBe(1);
  });

  it('logout revokes the refresh token family', async () => {
    const tenant = await registerTenant(t.http);
    await t.http
      .post('/api/v1/auth/logout')
      .set(bearer(tenant.adminToken))
      .send({ refreshToken: tenant.refreshToken })
      .expect(204);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: tenant.refreshToken }).expect(401);
  });

  it('a deactivated user is locked out at once, access token included', async () => {
    const tenant = await registerTenant(t.http);
    const unit = await createOrg(t.http, tenant.adminToken, tenant.rootId, '某银行支行', 'BANK');
    const user = await createUser(t.http, tenant.adminToken, [{ organizationId: unit, role: 'REPORTER' }], 'teller');
    await t.http.get('/api/v1/me').set(bearer(user.token)).expect(200);
    await t.http.patch(`/api/v1/users/${user.id}`).set(bearer(tenant.adminToken)).send({ isActive: false }).expect(200);
    await t.http.get('/api/v1/me').set(bearer(user.token)).expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
    const audit = await sql(`SELECT action FROM audit_entry WHERE entity_id = $1`, [user.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.create', 'user.deactivate']));
  });

  it('an ADMIN cannot deactivate itself', async () => {
    const tenant = await registerTenant(t.http);
    await t.http
      .patch(`/api/v1/users/${tenant.adminId}`)
      .set(bearer(tenant.adminToken))
      .send({ isActive: false })
      .expect(422);
  });

  it('refuses tokens that are missing, malformed or signed with another key', async () => {
    await t.http.get('/api/v1/me').expect(401);
    await t.http.get('/api/v1/me').set(bearer('not.a.jwt')).expect(401);
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwidGlkIjoieSIsInR5cCI6ImFjY2VzcyJ9.c2lnbmF0dXJl';
    await t.http.get('/api/v1/me').set(bearer(forged)).expect(401);
  });

  it('no response contains a password hash or a refresh-token hash', async () => {
    const tenant = await registerTenant(t.http);
    const unit = await createOrg(t.http, tenant.adminToken, tenant.rootId, '某小学', 'SCHOOL');
    const user = await createUser(t.http, tenant.adminToken, [{ organizationId: unit, role: 'VIEWER' }]);
    const hashes = await sql<{ h: string }>(
      `SELECT password_hash AS h FROM app_user WHERE tenant_id = $1 UNION ALL SELECT token_hash FROM refresh_token WHERE tenant_id = $1`,
      [tenant.tenantId],
    );
    const bodies = [
      (await t.http.get('/api/v1/me').set(bearer(tenant.adminToken))).text,
      (await t.http.get('/api/v1/users').set(bearer(tenant.adminToken))).text,
      (await t.http.patch(`/api/v1/users/${user.id}`).set(bearer(tenant.adminToken)).send({ name: '新名字' })).text,
      (await t.http.post('/api/v1/auth/login').send({ email: user.email, password: PASSWORD })).text,
    ];
    for (const body of bodies) {
      expect(body).not.toMatch(/passwordHash|password_hash|tokenHash|\$argon2/);
      for (const { h } of hashes) expect(body).not.toContain(h);
    }
  });
});

describe('users and memberships', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('an ADMIN of a branch cannot grant a role outside its subtree (404) or above its own (422), and nothing is written', async () => {
    const tenant = await registerTenant(t.http);
    const a = await createOrg(t.http, tenant.adminToken, tenant.rootId, 'A', 'TOWN');
    const b = await createOrg(t.http, tenant.adminToken, tenant.rootId, 'B', 'TOWN');
    const branchAdmin = await createUser(t.http, tenant.adminToken, [{ organizationId: a, role: 'ADMIN' }], 'branch');
    const users = async () =>
      (await sql(`SELECT count(*)::int AS n FROM app_user WHERE tenant_id = $1`, [tenant.tenantId]))[0]!.n;
    const before = await users();
    await t.http
      .post('/api/v1/users')
      .set(bearer(branchAdmin.token))
      .send({
        email: uniqueEmail(),
        name: 'x',
        password: PASSWORD,
        memberships: [{ organizationId: b, role: 'VIEWER' }],
      })
      .expect(404);
    await t.http
      .post('/api/v1/users')
      .set(bearer(branchAdmin.token))
      .send({
        email: uniqueEmail(),
        name: 'x',
        password: PASSWORD,
        memberships: [{ organizationId: tenant.rootId, role: 'VIEWER' }],
      })
      .expect(404);
    const other = await registerTenant(t.http);
    await t.http
      .post('/api/v1/users')
      .set(bearer(tenant.adminToken))
      .send({
        email: uniqueEmail(),
        name: 'x',
        password: PASSWORD,
        memberships: [{ organizationId: other.rootId, role: 'VIEWER' }],
      })
      .expect(404);
    const bad = await t.http
      .post('/api/v1/users')
      .set(bearer(branchAdmin.token))
      .send({
        email: uniqueEmail(),
        name: 'x',
        password: PASSWORD,
        memberships: [{ organizationId: a, role: 'OWNER' }],
      })
      .expect(400);
    expect(bad.body.details[0].field).toBe('memberships.0.role');
    expect(await users()).toBe(before);
  });

  it('a non-admin cannot manage users (403) and an organizer cannot grant ADMIN', async () => {
    const tenant = await registerTenant(t.http);
    const a = await createOrg(t.http, tenant.adminToken, tenant.rootId, 'A', 'TOWN');
    const organizer = await createUser(t.http, tenant.adminToken, [{ organizationId: a, role: 'ORGANIZER' }]);
    await t.http
      .post('/api/v1/users')
      .set(bearer(organizer.token))
      .send({
        email: uniqueEmail(),
        name: 'x',
        password: PASSWORD,
        memberships: [{ organizationId: a, role: 'ADMIN' }],
      })
      .expect(403);
  });

  it('changes roles of users inside the editor’s scope only, and lists users in scope only', async () => {
    const tenant = await registerTenant(t.http);
    const a = await createOrg(t.http, tenant.adminToken, tenant.rootId, 'A', 'TOWN');
    const b = await createOrg(t.http, tenant.adminToken, tenant.rootId, 'B', 'TOWN');
    const branchAdmin = await createUser(t.http, tenant.adminToken, [{ organizationId: a, role: 'ADMIN' }], 'branch');
    const both = await createUser(
      t.http,
      tenant.adminToken,
      [
        { organizationId: a, role: 'VIEWER' },
        { organizationId: b, role: 'REPORTER' },
      ],
      'both',
    );
    const onlyB = await createUser(t.http, tenant.adminToken, [{ organizationId: b, role: 'REPORTER' }], 'onlyb');
    const onlyA = await createUser(t.http, tenant.adminToken, [{ organizationId: a, role: 'VIEWER' }], 'onlya');
    // a seat outside the branch makes the user nobody's but the tenant admin's to change (account safety)
    await t.http
      .patch(`/api/v1/users/${both.id}`)
      .set(bearer(branchAdmin.token))
      .send({ memberships: [{ organizationId: a, role: 'REPORTER' }] })
      .expect(404);
    const res = await t.http
      .patch(`/api/v1/users/${onlyA.id}`)
      .set(bearer(branchAdmin.token))
      .send({ memberships: [{ organizationId: a, role: 'REPORTER' }] })
      .expect(200);
    expect(res.body.memberships.map((m: { role: string }) => m.role)).toEqual(['REPORTER']);
    const list = await t.http.get('/api/v1/users?pageSize=200').set(bearer(branchAdmin.token)).expect(200);
    const ids = list.body.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(both.id);
    expect(ids).not.toContain(onlyB.id);
    await t.http.patch(`/api/v1/users/${onlyB.id}`).set(bearer(branchAdmin.token)).send({ name: 'x' }).expect(404);
  });
});
