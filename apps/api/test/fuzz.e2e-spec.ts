// Property-based fuzzing of every route in the OpenAPI document: hostile bodies, query strings, path
// ids and headers. No answer may be a 5xx, the process must stay up, and a refused request writes nothing.
import fc from 'fast-check';
import { createOrg, createUser, registerTenant } from './support/fixtures.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
// Tables a refused request may touch on purpose: failed log-ins are audited and counted.
const MAY_CHANGE = new Set(['audit_entry', 'rate_limit_counter', '_prisma_migrations']);

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE organization; --',
    '../../etc/passwd',
    '%00',
    '\u0000',
    'a\ud800b',
    '\udc00',
    'toString',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    '9'.repeat(400),
    '𠜎𠜱𠝹'.repeat(50),
    'NaN',
    '-1',
    '1e309',
    '2026-02-30',
    '0000-00-00',
    'x'.repeat(5000),
  ),
);
const DEEP = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
/** URLs carry UTF-8: a lone surrogate cannot be put in a path or query (it goes in bodies only). */
const inUrl = hostileString.filter((s) => !/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')));
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(hostileString, fc.constantFrom('__proto__', 'tenantId', 'role', 'status', 'id')),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

describe('fuzzing every route', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let tokens: string[];
  let routes: { method: string; path: string }[];

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '100000', LOGIN_MAX_PER_EMAIL: '100000' });
    const tenant = await registerTenant(t.http);
    const unit = await createOrg(t.http, tenant.adminToken, tenant.rootId, '某学校', 'SCHOOL');
    const organizer = await createUser(t.http, tenant.adminToken, [
      { organizationId: tenant.rootId, role: 'ORGANIZER' },
    ]);
    const reporter = await createUser(t.http, tenant.adminToken, [{ organizationId: unit, role: 'REPORTER' }]);
    const [campaign] = await sql<{ id: string }>(
      `INSERT INTO campaign (tenant_id, organizer_org_id, title, starts_on, ends_on, report_due_on, status)
       VALUES ($1, $2, '模糊测试月', '2026-11-01', '2026-11-30', '2026-12-05', 'ACTIVE') RETURNING id`,
      [tenant.tenantId, tenant.rootId],
    );
    await sql(`INSERT INTO participant (tenant_id, campaign_id, organization_id) VALUES ($1, $2, $3)`, [
      tenant.tenantId,
      campaign!.id,
      unit,
    ]);
    ids = { id: campaign!.id, orgId: unit, root: tenant.rootId, user: reporter.id };
    tokens = [tenant.adminToken, organizer.token, reporter.token];
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
    );
  }, 60_000);
  afterAll(() => t.close());

  async function counts(): Promise<Record<string, number>> {
    const tables = await sql<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`);
    const parts = tables
      .filter((x) => !MAY_CHANGE.has(x.t))
      .map((x) => `SELECT '${x.t}' AS t, count(*)::int AS n FROM "${x.t}"`);
    const rows = await sql<{ t: string; n: number }>(parts.join(' UNION ALL '));
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  }

  it('finds routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('never answers 5xx, never writes on a refusal, and stays up', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            pathIds: fc.array(fc.oneof(fc.constantFrom(...Object.values(ids)), fc.uuid(), inUrl), {
              minLength: 4,
              maxLength: 4,
            }),
            body: hostileValue,
            // now and then a body far deeper than any route takes (once a stack overflow in the validators)
            deep: fc.constantFrom(false, false, false, true),
            query: fc.dictionary(
              fc.constantFrom(
                'page',
                'pageSize',
                'q',
                'kind',
                'parentId',
                'type',
                'from',
                'to',
                'scope',
                'version',
                'format',
                'status',
                'sort',
                'dryRun',
              ),
              inUrl,
              { maxKeys: 4 },
            ),
            token: fc.constantFrom(...tokens, 'garbage'),
            headers: fc.dictionary(
              fc.constantFrom('Idempotency-Key', 'If-Match', 'Content-Type', 'X-Request-Id'),
              hostileString.filter((s) => /^[\x20-\x7e]*$/.test(s)),
              { maxKeys: 3 },
            ),
          }),
          async ({ pathIds, body, deep, query, token, headers }) => {
            let i = 0;
            const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(String(pathIds[i++] ?? 'x')));
            const before = route.method === 'GET' ? null : await counts();
            let req = t.http[route.method.toLowerCase() as 'get'](path)
              .query(query)
              .set('Authorization', `Bearer ${token}`)
              .set('Content-Type', 'application/json');
            for (const [h, v] of Object.entries(headers)) req = req.set(h, v);
            const res = await req.send(deep ? `{"title":${DEEP}}` : JSON.stringify(body ?? null));
            if (res.status >= 500) failures.push(`${route.method} ${path} → ${res.status} ${res.text.slice(0, 200)}`);
            if (before && res.status >= 400) {
              const after = await counts();
              for (const [table, n] of Object.entries(after)) {
                if (before[table] !== n)
                  failures.push(`${route.method} ${path} → ${res.status} but ${table} went ${before[table]} → ${n}`);
              }
            }
            return true;
          },
        ),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261129) },
      );
    }
    await t.http.get('/api/v1/health').expect(200);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 600_000);
});
