import { PASSWORD, registerTenant, uniqueEmail } from './support/fixtures.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';

describe('log-in throttling per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_EMAIL: '100', LOGIN_MAX_PER_ADDRESS: '3' });
  });
  afterAll(() => t.close());

  it('stops an address that fails across many e-mails, even for a correct password, and audits it', async () => {
    const tenant = await registerTenant(t.http);
    for (let i = 0; i < 3; i++) {
      await t.http
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail('spray'), password: 'guess-password-1' })
        .expect(401);
    }
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ email: tenant.adminEmail, password: PASSWORD })
      .expect(429);
    expect(res.headers['retry-after']).toBeDefined();
    const [row] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'auth.login_throttled'`,
    );
    expect(row!.n).toBe(1);
  });
});
