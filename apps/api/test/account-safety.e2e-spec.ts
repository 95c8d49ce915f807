// Issue 16, "Account safety": no takeover by a subtree admin, throttles that hold for requests sent at
// once, a signing secret nobody can read in the source, sessions that end at once.
import { createHmac } from 'node:crypto';
import type { Role } from '@campaign-month/contracts';
import { bearer, createOrg, createUser, login, PASSWORD, registerTenant, uniqueEmail } from './support/fixtures.js';
import { startApiProcess } from './support/api-process.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';

/**
 * A second API process (the built product) with its own settings: a second app in this process would
 * replace the first one's passport strategy, which is registered process-wide.
 */
async function withProcess<T>(env: Record<string, string>, fn: (url: string) => Promise<T>): Promise<T> {
  const api = await startApiProcess(`safety-${Object.keys(env).join('-')}`, { env });
  try {
    return await fn(api.url);
  } finally {
    api.child.kill('SIGTERM');
    await new Promise((r) => api.child.once('exit', r));
  }
}

/** A test that starts a second API process (built product): seconds on a loaded machine. */
const PROCESS_TIMEOUT = 90_000;

const post = (url: string, path: string, body: unknown) =>
  fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const getMe = (url: string, token: string) =>
  fetch(`${url}/api/v1/me`, { headers: bearer(token) }).then((r) => r.status);

type Seat = [place: 'root' | 'A' | 'A1' | 'B', role: Role];

/** What an admin of branch A may do to a user holding these memberships (root → A → A1; root → B). */
const COMBINATIONS: [string, Seat[], 'allowed' | 'refused'][] = [
  [
    'the tenant ADMIN who also has a seat in A',
    [
      ['A', 'VIEWER'],
      ['root', 'ADMIN'],
    ],
    'refused',
  ],
  ['an ADMIN of the root only', [['root', 'ADMIN']], 'refused'],
  [
    'an ORGANIZER of the root with a REPORTER seat in A1',
    [
      ['A1', 'REPORTER'],
      ['root', 'ORGANIZER'],
    ],
    'refused',
  ],
  [
    'a VIEWER of the root with a REPORTER seat in A',
    [
      ['A', 'REPORTER'],
      ['root', 'VIEWER'],
    ],
    'refused',
  ],
  [
    'a REPORTER of A and of the sibling branch B',
    [
      ['A', 'REPORTER'],
      ['B', 'REPORTER'],
    ],
    'refused',
  ],
  ['a REPORTER of B only', [['B', 'REPORTER']], 'refused'],
  ['a REPORTER of A1', [['A1', 'REPORTER']], 'allowed'],
  [
    'an ORGANIZER of A and a VIEWER of A1',
    [
      ['A', 'ORGANIZER'],
      ['A1', 'VIEWER'],
    ],
    'allowed',
  ],
  ['a fellow ADMIN of A', [['A', 'ADMIN']], 'allowed'],
];

/** Every way to change a user. */
const ACTIONS: [string, (orgA: string) => Record<string, unknown>][] = [
  ['rename', () => ({ name: '被改名' })],
  ['set a password', () => ({ password: 'taken-over-password-1' })],
  ['deactivate', () => ({ isActive: false })],
  ['replace the memberships', (orgA) => ({ memberships: [{ organizationId: orgA, role: 'VIEWER' }] })],
];

describe('account safety', () => {
  let t: TestApp;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_EMAIL: '5', LOGIN_MAX_PER_ADDRESS: '100000' });
  });
  afterAll(() => t.close());

  describe('a subtree admin against users with a membership above or beside its subtree', () => {
    let tenant: Awaited<ReturnType<typeof registerTenant>>;
    let org: Record<Seat[0], string>;
    let branchAdmin: { token: string };
    beforeAll(async () => {
      tenant = await registerTenant(t.http);
      const A = await createOrg(t.http, tenant.adminToken, tenant.rootId, 'A 分局', 'POLICE');
      const A1 = await createOrg(t.http, tenant.adminToken, A, 'A1 派出所', 'POLICE');
      const B = await createOrg(t.http, tenant.adminToken, tenant.rootId, 'B 分局', 'POLICE');
      org = { root: tenant.rootId, A, A1, B };
      branchAdmin = await createUser(t.http, tenant.adminToken, [{ organizationId: A, role: 'ADMIN' }], 'branch');
    });

    const target = (seats: Seat[]) =>
      createUser(
        t.http,
        tenant.adminToken,
        seats.map(([place, role]) => ({ organizationId: org[place], role })),
        'target',
      );
    const snapshot = async (id: string) =>
      (
        await sql(
          `SELECT u.name, u.password_hash, u.is_active, u.session_version,
                  (SELECT json_agg(m.organization_id || ':' || m.role ORDER BY m.organization_id, m.role)
                     FROM membership m WHERE m.user_id = u.id) AS memberships
             FROM app_user u WHERE u.id = $1`,
          [id],
        )
      )[0];

    describe.each(COMBINATIONS)('%s', (_name, seats, verdict) => {
      it.each(ACTIONS)(`${verdict === 'refused' ? 'cannot' : 'can'} %s`, async (_action, body) => {
        const user = await target(seats);
        const before = await snapshot(user.id);
        const res = await t.http.patch(`/api/v1/users/${user.id}`).set(bearer(branchAdmin.token)).send(body(org.A));
        if (verdict === 'refused') {
          expect(res.status).toBe(404);
          expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
          expect(await snapshot(user.id)).toEqual(before);
          // still the user's own account: the original password works and the old token too
          await t.http.get('/api/v1/me').set(bearer(user.token)).expect(200);
          await login(t.http, user.email);
        } else {
          expect(res.status).toBe(200);
          expect(await snapshot(user.id)).not.toEqual(before);
        }
      });
    });

    it('the tenant admin still manages a user with seats anywhere in the tree', async () => {
      const user = await target([
        ['A', 'REPORTER'],
        ['B', 'VIEWER'],
      ]);
      await t.http
        .patch(`/api/v1/users/${user.id}`)
        .set(bearer(tenant.adminToken))
        .send({ name: '新名字' })
        .expect(200);
    });
  });

  it('a new password set by an admin ends the user’s sessions at once, access tokens included', async () => {
    const tenant = await registerTenant(t.http);
    const user = await createUser(t.http, tenant.adminToken, [{ organizationId: tenant.rootId, role: 'REPORTER' }]);
    await t.http.get('/api/v1/me').set(bearer(user.token)).expect(200);
    await t.http
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(tenant.adminToken))
      .send({ password: 'a-brand-new-password' })
      .expect(200);
    const res = await t.http.get('/api/v1/me').set(bearer(user.token)).expect(401);
    expect(res.body.message).toBe('This account is not active');
    await login(t.http, user.email, 'a-brand-new-password');
  });

  it('counts log-in guesses sent at once: exactly the limit are checked, the rest get 429', async () => {
    const tenant = await registerTenant(t.http);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.http.post('/api/v1/auth/login').send({ login: tenant.adminEmail, password: `wrong-password-${i}` }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    // the right password is refused too until the window ends
    await t.http.post('/api/v1/auth/login').send({ login: tenant.adminEmail, password: PASSWORD }).expect(429);
  });

  it('a successful log-in does not use up its address’s allowance', async () => {
    const tenant = await registerTenant(t.http);
    await sql(`DELETE FROM rate_limit_counter WHERE key LIKE 'login:ip:%'`);
    const statuses = await withProcess({ LOGIN_MAX_PER_EMAIL: '100', LOGIN_MAX_PER_ADDRESS: '3' }, async (url) => {
      const out: number[] = [];
      for (let i = 0; i < 6; i++)
        out.push((await post(url, '/auth/login', { login: tenant.adminEmail, password: PASSWORD })).status);
      return out;
    });
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  }, PROCESS_TIMEOUT);

  it('throttles sign-ups per address, also when they arrive at once', async () => {
    await sql(`DELETE FROM rate_limit_counter WHERE key LIKE 'register:%'`);
    const answers = await withProcess({ SIGNUP_MAX_PER_ADDRESS: '3' }, (url) =>
      Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          post(url, '/auth/register-tenant', {
            tenantName: `注册${i}`,
            organization: { name: `注册${i}`, kind: 'POLICE' },
            admin: { name: '甲', email: uniqueEmail('signup'), password: PASSWORD },
          }),
        ),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(answers.find((r) => r.status === 429)!.headers.get('retry-after')).toBeTruthy();
    await sql(`DELETE FROM rate_limit_counter WHERE key LIKE 'register:%'`);
  }, PROCESS_TIMEOUT);

  it('signs up with a 手机号 only and logs in with it however it is typed', async () => {
    const phone = `139${String(process.pid % 10000).padStart(4, '0')}${String(Date.now() % 10000).padStart(4, '0')}`;
    const res = await t.http
      .post('/api/v1/auth/register-tenant')
      .send({
        tenantName: '手机号注册',
        organization: { name: '手机号注册', kind: 'TOWN' },
        admin: {
          name: '乙',
          phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`,
          password: PASSWORD,
        },
      })
      .expect(201);
    expect(res.body.user).toMatchObject({ phone, email: null });
    await t.http.post('/api/v1/auth/login').send({ login: phone, password: PASSWORD }).expect(200);
    await t.http
      .post('/api/v1/auth/login')
      .send({ login: `${phone.slice(0, 3)} ${phone.slice(3)}`, password: PASSWORD })
      .expect(200);
    const bad = await t.http.post('/api/v1/auth/login').send({ login: '12345', password: PASSWORD }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'login' })]);
    const none = await t.http
      .post('/api/v1/auth/register-tenant')
      .send({ tenantName: 'x', organization: { name: 'x', kind: 'TOWN' }, admin: { name: '丙', password: PASSWORD } })
      .expect(400);
    expect(none.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['admin.email']));
    expect(new Set(none.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['admin.email']));
  });

  it('the person who signs up can create and launch a month at once (ADMIN includes ORGANIZER)', async () => {
    const tenant = await registerTenant(t.http);
    const me = await t.http.get('/api/v1/me').set(bearer(tenant.adminToken)).expect(200);
    expect(me.body.permissions).toEqual(expect.arrayContaining(['user:write', 'campaign:write', 'report:review']));
    expect(me.body.permissions).not.toContain('event:write');
  });

  describe('the token signing secret', () => {
    const forge = (secret: string, claims: object) => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
      return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
    };

    it('without JWT_SECRET is generated once, kept in the database and shared by every process', async () => {
      const rows = await sql<{ value: string }>(`SELECT value FROM app_setting WHERE key = 'jwt_signing_secret'`);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.value.length).toBeGreaterThanOrEqual(64);
      const tenant = await registerTenant(t.http);
      expect(await withProcess({}, (url) => getMe(url, tenant.adminToken))).toBe(200);
      const again = await sql<{ value: string }>(`SELECT value FROM app_setting WHERE key = 'jwt_signing_secret'`);
      expect(again).toEqual(rows);
    }, PROCESS_TIMEOUT);

    it('refuses a token forged with the secret the code once carried, and accepts one signed with the stored secret', async () => {
      const tenant = await registerTenant(t.http);
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: tenant.adminId, tid: tenant.tenantId, typ: 'access', sv: 0, iat: now, exp: now + 600 };
      await t.http
        .get('/api/v1/me')
        .set(bearer(forge('campaign-month-development-secret-change-me', claims)))
        .expect(401);
      const [row] = await sql<{ value: string }>(`SELECT value FROM app_setting WHERE key = 'jwt_signing_secret'`);
      await t.http
        .get('/api/v1/me')
        .set(bearer(forge(row!.value, claims)))
        .expect(200);
    });

    it('with JWT_SECRET set uses it and not the stored one', async () => {
      const secret = 'an-operator-chosen-secret-of-enough-length';
      const tenant = await registerTenant(t.http);
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: tenant.adminId, tid: tenant.tenantId, typ: 'access', sv: 0, iat: now, exp: now + 600 };
      const [stored, own] = await withProcess({ JWT_SECRET: secret }, (url) =>
        Promise.all([getMe(url, tenant.adminToken), getMe(url, forge(secret, claims))]),
      );
      expect(stored).toBe(401);
      expect(own).toBe(200);
    }, PROCESS_TIMEOUT);
  });
});
