// Invitation links (decision 035): a user created without a password sets one through a one-time link;
// the same link resets a password. Real PostgreSQL through the real app.
import { createHash } from 'node:crypto';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import {
  bearer,
  createOrg,
  createUser,
  login,
  PASSWORD,
  registerTenant,
  type Tenant,
  uniqueEmail,
  uniquePhone,
} from './support/fixtures.js';

const PUBLIC_URL = 'https://xcyx.example.cn';
const NEW_PASSWORD = 'new-password-2026';

describe('invitation links', () => {
  let t: TestApp;
  let tenant: Tenant;
  let unit: string;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ PUBLIC_URL, INVITATION_MAX_PER_ADDRESS: '100000', LOGIN_MAX_PER_ADDRESS: '100000' });
    tenant = await registerTenant(t.http, '临湖区教育局', 'EDUCATION_BUREAU');
    unit = await createOrg(t.http, tenant.adminToken, tenant.rootId, '实验小学', 'SCHOOL');
  }, 60_000);
  afterAll(() => t.close());

  /** A user made the way the web app makes one: no password. */
  async function pendingUser(phone = uniquePhone(), organizationId = unit) {
    const res = await t.http
      .post('/api/v1/users')
      .set(bearer(tenant.adminToken))
      .send({ name: '李老师', phone, memberships: [{ organizationId, role: 'REPORTER' }] })
      .expect(201);
    return { id: res.body.id as string, phone };
  }

  async function invite(userId: string, token = tenant.adminToken) {
    const res = await t.http.post(`/api/v1/users/${userId}/invitation`).set(bearer(token)).send({});
    return res;
  }

  const accept = (token: string, password = NEW_PASSWORD) =>
    t.http.post(`/api/v1/invitations/${token}/accept`).send({ password });

  it('invites a user without a password: masked look-up, accept signs in, then log-in by 手机号', async () => {
    const user = await pendingUser('13800138000');
    await t.http.post('/api/v1/auth/login').send({ login: '13800138000', password: PASSWORD }).expect(401);

    const link = await invite(user.id);
    expect(link.status).toBe(201);
    expect(link.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.body.url).toBe(`${PUBLIC_URL}/invite/${link.body.token}`);
    const days = (Date.parse(link.body.expiresAt) - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    // only the hash is stored, and the audit entry never holds the token
    const rows = await sql<{ token_hash: string; created_by_id: string }>(
      `SELECT token_hash, created_by_id FROM invitation WHERE user_id = $1`,
      [user.id],
    );
    expect(rows).toEqual([
      { token_hash: createHash('sha256').update(link.body.token).digest('hex'), created_by_id: tenant.adminId },
    ]);
    const [entry] = await sql<{ organization_id: string; changes: unknown }>(
      `SELECT organization_id, changes FROM audit_entry WHERE action = 'user.invite' AND entity_id = $1`,
      [user.id],
    );
    expect(entry!.organization_id).toBe(unit);
    expect(JSON.stringify(entry!.changes)).not.toContain(link.body.token);
    expect(entry!.changes).toMatchObject({ reset: false });

    const view = await t.http.get(`/api/v1/invitations/${link.body.token}`).expect(200);
    expect(view.body).toEqual({
      userName: '李老师',
      login: '138****8000',
      tenantName: '临湖区教育局',
      organizationNames: ['实验小学'],
      expiresAt: link.body.expiresAt,
    });

    const pair = await accept(link.body.token).expect(200);
    expect(pair.body.tokenType).toBe('Bearer');
    const me = await t.http.get('/api/v1/me').set(bearer(pair.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ id: user.id, phone: '13800138000', hasPassword: true });
    expect(me.body.lastLoginAt).not.toBeNull();
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: pair.body.refreshToken }).expect(200);

    const byPhone = await t.http
      .post('/api/v1/auth/login')
      .send({ login: '+86 138-0013-8000', password: NEW_PASSWORD })
      .expect(200);
    expect(byPhone.body.accessToken).toEqual(expect.any(String));
    const [accepted] = await sql<{ organization_id: string; actor_id: string }>(
      `SELECT organization_id, actor_id FROM audit_entry WHERE action = 'user.invitation_accept' AND entity_id = $1`,
      [user.id],
    );
    expect(accepted).toEqual({ organization_id: unit, actor_id: user.id });
  });

  it('is single use: a used link is 404 for look-up and accept, and the password set stays', async () => {
    const user = await pendingUser();
    const link = await invite(user.id);
    await accept(link.body.token).expect(200);
    const again = await accept(link.body.token, 'attacker-password-1').expect(404);
    expect(again.body).toMatchObject({ statusCode: 404, message: 'Invitation not found' });
    await t.http.get(`/api/v1/invitations/${link.body.token}`).expect(404);
    await t.http.post('/api/v1/auth/login').send({ login: user.phone, password: NEW_PASSWORD }).expect(200);
    await t.http.post('/api/v1/auth/login').send({ login: user.phone, password: 'attacker-password-1' }).expect(401);
  });

  it('two accepts sent at once: exactly one wins, the other is 404', async () => {
    const user = await pendingUser();
    const link = await invite(user.id);
    const answers = await Promise.all([
      accept(link.body.token, 'first-password-01'),
      accept(link.body.token, 'second-password-02'),
      accept(link.body.token, 'third-password-03'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404, 404]);
    const winner = ['first-password-01', 'second-password-02', 'third-password-03'][
      answers.findIndex((a) => a.status === 200)
    ]!;
    await t.http.post('/api/v1/auth/login').send({ login: user.phone, password: winner }).expect(200);
    const [row] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`,
      [user.id],
    );
    expect(row!.n).toBe(2); // the winner's pair and the log-in just made
  });

  it('an expired link answers 422 (reason expired) to look-up and accept, and sets nothing', async () => {
    const user = await pendingUser();
    const link = await invite(user.id);
    await sql(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [user.id]);
    const view = await t.http.get(`/api/v1/invitations/${link.body.token}`).expect(422);
    expect(view.body.details).toEqual({ reason: 'expired' });
    expect(view.body.message).toMatch(/expired/);
    await accept(link.body.token).expect(422);
    const [u] = await sql<{ password_hash: string | null }>(`SELECT password_hash FROM app_user WHERE id = $1`, [
      user.id,
    ]);
    expect(u!.password_hash).toBeNull();
    // a new link works
    const fresh = await invite(user.id);
    await accept(fresh.body.token).expect(200);
  });

  it('unknown, malformed and revoked links are 404; a new link revokes the earlier one', async () => {
    await t.http.get(`/api/v1/invitations/${'A'.repeat(43)}`).expect(404);
    await t.http.get('/api/v1/invitations/not-a-token').expect(404);
    await accept('x'.repeat(60)).expect(404);
    const user = await pendingUser();
    const first = await invite(user.id);
    const second = await invite(user.id);
    await t.http.get(`/api/v1/invitations/${first.body.token}`).expect(404);
    await accept(first.body.token).expect(404);
    await t.http.get(`/api/v1/invitations/${second.body.token}`).expect(200);
    const rows = await sql<{ live: boolean }>(
      `SELECT (revoked_at IS NULL AND used_at IS NULL) AS live FROM invitation WHERE user_id = $1 ORDER BY created_at`,
      [user.id],
    );
    expect(rows.map((r) => r.live)).toEqual([false, true]);
  });

  it('refuses a short password with a field-level 400 and leaves the link usable', async () => {
    const user = await pendingUser();
    const link = await invite(user.id);
    const res = await accept(link.body.token, 'short').expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'password' })]);
    await accept(link.body.token).expect(200);
  });

  it('a reset link revokes the old link and signs the user out everywhere at once', async () => {
    const created = await createUser(t.http, tenant.adminToken, [{ organizationId: unit, role: 'REPORTER' }], 'reset');
    const session = await t.http.post('/api/v1/auth/login').send({ login: created.email, password: PASSWORD });
    await t.http.get('/api/v1/me').set(bearer(session.body.accessToken)).expect(200);

    const first = await invite(created.id);
    expect(first.status).toBe(201);
    // at creation: the access token stops at once, the refresh token too
    await t.http.get('/api/v1/me').set(bearer(session.body.accessToken)).expect(401);
    await t.http.get('/api/v1/me').set(bearer(created.token)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(401);
    const [entry] = await sql<{ changes: { reset: boolean } }>(
      `SELECT changes FROM audit_entry WHERE action = 'user.invite' AND entity_id = $1`,
      [created.id],
    );
    expect(entry!.changes.reset).toBe(true);

    // the old password still logs in until the link is used; a second reset ends that session too
    const later = await login(t.http, created.email);
    const second = await invite(created.id);
    await t.http.get('/api/v1/me').set(bearer(later)).expect(401);
    await t.http.get(`/api/v1/invitations/${first.body.token}`).expect(404);
    await accept(first.body.token).expect(404);

    const pair = await accept(second.body.token).expect(200);
    await t.http.get('/api/v1/me').set(bearer(pair.body.accessToken)).expect(200);
    await t.http.post('/api/v1/auth/login').send({ login: created.email, password: PASSWORD }).expect(401);
    await t.http.post('/api/v1/auth/login').send({ login: created.email, password: NEW_PASSWORD }).expect(200);
  });

  it('accepting signs out the sessions the user had', async () => {
    const created = await createUser(t.http, tenant.adminToken, [{ organizationId: unit, role: 'VIEWER' }], 'had');
    const link = await invite(created.id);
    const session = await t.http.post('/api/v1/auth/login').send({ login: created.email, password: PASSWORD });
    await t.http.get('/api/v1/me').set(bearer(session.body.accessToken)).expect(200);
    await accept(link.body.token).expect(200);
    await t.http.get('/api/v1/me').set(bearer(session.body.accessToken)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(401);
  });

  it('only an admin who may change the user gets a link (404 otherwise, 403 without user:write)', async () => {
    const branch = await createOrg(t.http, tenant.adminToken, tenant.rootId, '第二小学', 'SCHOOL');
    const sibling = await createOrg(t.http, tenant.adminToken, tenant.rootId, '第三小学', 'SCHOOL');
    const branchAdmin = await createUser(t.http, tenant.adminToken, [{ organizationId: branch, role: 'ADMIN' }], 'ba');
    // the tenant's admin, who also has a seat in the branch
    await t.http
      .patch(`/api/v1/users/${tenant.adminId}`)
      .set(bearer(tenant.adminToken))
      .send({
        memberships: [
          { organizationId: tenant.rootId, role: 'ADMIN' },
          { organizationId: branch, role: 'VIEWER' },
        ],
      })
      .expect(200);
    await invite(tenant.adminId, branchAdmin.token).then((r) => expect(r.status).toBe(404));
    const siblingUser = await pendingUser(uniquePhone(), sibling);
    await invite(siblingUser.id, branchAdmin.token).then((r) => expect(r.status).toBe(404));
    const branchUser = await pendingUser(uniquePhone(), branch);
    await invite(branchUser.id, branchAdmin.token).then((r) => expect(r.status).toBe(201));

    const reporter = await createUser(t.http, tenant.adminToken, [{ organizationId: branch, role: 'REPORTER' }], 'rp');
    await invite(branchUser.id, reporter.token).then((r) => expect(r.status).toBe(403));
    const other = await registerTenant(t.http, '另一客户', 'OTHER');
    await invite(branchUser.id, other.adminToken).then((r) => expect(r.status).toBe(404));
    await invite('00000000-0000-4000-8000-000000000000').then((r) => expect(r.status).toBe(404));
    // nothing was written by the refused attempts
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM invitation WHERE user_id = ANY($1)`, [
      [tenant.adminId, siblingUser.id],
    ]);
    expect(row!.n).toBe(0);
  });

  it('a deactivated user gets no link (422), and a link made before deactivation stops working (404)', async () => {
    const user = await pendingUser();
    const link = await invite(user.id);
    await t.http.patch(`/api/v1/users/${user.id}`).set(bearer(tenant.adminToken)).send({ isActive: false }).expect(200);
    const refused = await invite(user.id);
    expect(refused.status).toBe(422);
    await t.http.get(`/api/v1/invitations/${link.body.token}`).expect(404);
    await accept(link.body.token).expect(404);
    const [row] = await sql<{ used: boolean }>(
      `SELECT used_at IS NOT NULL AS used FROM invitation WHERE user_id = $1`,
      [user.id],
    );
    expect(row!.used).toBe(false);
  });

  it('masks an e-mail log-in', async () => {
    const email = uniqueEmail('zhang');
    const res = await t.http
      .post('/api/v1/users')
      .set(bearer(tenant.adminToken))
      .send({ name: '张老师', email, memberships: [{ organizationId: unit, role: 'VIEWER' }] })
      .expect(201);
    const link = await invite(res.body.id);
    const view = await t.http.get(`/api/v1/invitations/${link.body.token}`).expect(200);
    expect(view.body.login).toBe(`z***@${email.split('@')[1]}`);
  });
});

describe('invitation look-ups are throttled per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ INVITATION_MAX_PER_ADDRESS: '5', INVITATION_WINDOW_SECONDS: '86400' });
  }, 60_000);
  afterAll(() => t.close());

  it('of 12 look-ups and accepts sent at once exactly 5 are answered, the rest 429 with Retry-After', async () => {
    await sql(`DELETE FROM rate_limit_counter`);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0
          ? t.http.post(`/api/v1/invitations/${'B'.repeat(43)}/accept`).send({ password: NEW_PASSWORD })
          : t.http.get(`/api/v1/invitations/${'C'.repeat(43)}`),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    for (const a of answers.filter((x) => x.status === 429)) {
      expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
      expect(a.body.statusCode).toBe(429);
    }
    // a valid link is refused too while the address is over its limit
    const tenant = await registerTenant(t.http);
    const res = await t.http
      .post('/api/v1/users')
      .set(bearer(tenant.adminToken))
      .send({ name: '王', phone: uniquePhone(), memberships: [{ organizationId: tenant.rootId, role: 'VIEWER' }] })
      .expect(201);
    const link = await t.http
      .post(`/api/v1/users/${res.body.id}/invitation`)
      .set(bearer(tenant.adminToken))
      .expect(201);
    await t.http.get(`/api/v1/invitations/${link.body.token}`).expect(429);
  });
});
