// Hardening checks not covered elsewhere (docs/security.md lists every item with its test).
import { bearer, createOrg, registerTenant } from './support/fixtures.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';

describe('hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ CORS_ORIGINS: 'https://campaign.example.gov.cn' });
  });
  afterAll(() => t.close());

  it('answers CORS only for configured origins', async () => {
    const ok = await t.http
      .options('/api/v1/me')
      .set('Origin', 'https://campaign.example.gov.cn')
      .set('Access-Control-Request-Method', 'GET');
    expect(ok.headers['access-control-allow-origin']).toBe('https://campaign.example.gov.cn');
    const evil = await t.http
      .options('/api/v1/me')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends security headers and no-store on API answers', async () => {
    const res = await t.http.get('/api/v1/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('mass assignment: tenantId, role, status or ids in a body are refused, and nothing is written', async () => {
    const tenant = await registerTenant(t.http);
    const other = await registerTenant(t.http);
    const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM organization`);
    const res = await t.http
      .post('/api/v1/organizations')
      .set(bearer(tenant.adminToken))
      .send({ parentId: tenant.rootId, name: '渗透', kind: 'OTHER', tenantId: other.tenantId })
      .expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'tenantId' })]));
    const unit = await createOrg(t.http, tenant.adminToken, tenant.rootId, '学校', 'SCHOOL');
    await t.http
      .patch(`/api/v1/organizations/${unit}`)
      .set(bearer(tenant.adminToken))
      .send({ id: other.rootId, path: '/' })
      .expect(400);
    await t.http
      .patch(`/api/v1/users/${tenant.adminId}`)
      .set(bearer(tenant.adminToken))
      .send({ role: 'ADMIN', tenantId: other.tenantId })
      .expect(400);
    const after = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM organization`);
    expect(after[0]!.n).toBe(before[0]!.n + 1); // only the school
  });

  it('a request id from the client cannot inject into the logs', async () => {
    const res = await t.http.get('/api/v1/health').set('X-Request-Id', 'bad id {"level":60}');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
