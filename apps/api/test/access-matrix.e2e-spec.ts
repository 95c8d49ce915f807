// Every route × every actor (each role at the unit itself, a child, the parent, a sibling and in another
// tenant): the status each cell must answer. Outside the scope is 404, a role without the permission 403.
import { buildWorld, expectedStatus, type ActorKey, type RouteCase, type World } from './access/world.js';
import { PUBLIC_ROUTES, ROUTE_FILES } from './access/routes/index.js';
import { startTestApp, type TestApp, truncateAll } from './support/app.js';

const cases: RouteCase[] = ROUTE_FILES.flatMap((f) => f.cases);

describe('access matrix', () => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    world = await buildWorld(t.http);
    for (const file of ROUTE_FILES) await file.prepare?.(world);
  }, 120_000);
  afterAll(() => t.close());

  it('covers every route in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set([...cases.map((c) => c.route), ...PUBLIC_ROUTES]);
    expect(documented.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !documented.includes(r))).toEqual([]);
  });

  it('public routes answer without a token; every other route refuses one missing', async () => {
    for (const rc of cases) {
      const req = await rc.request(world, 'ADMIN@parent');
      const res = await t.http[req.method.toLowerCase() as 'get'](req.path).send(req.body as object);
      expect({ route: rc.route, status: res.status }).toEqual({ route: rc.route, status: 401 });
    }
  });

  for (const rc of cases) {
    it(`${rc.route}`, async () => {
      const failures: string[] = [];
      for (const key of Object.keys(world.actors) as ActorKey[]) {
        const actor = world.actors[key];
        const req = await rc.request(world, key);
        let call = t.http[req.method.toLowerCase() as 'get'](req.path).set('Authorization', `Bearer ${actor.token}`);
        for (const [h, v] of Object.entries(req.headers ?? {})) call = call.set(h, v);
        const res = req.attach
          ? await call.attach(req.attach.field, req.attach.file, req.attach.filename)
          : await call.send(req.body as object);
        const want = expectedStatus(rc, actor.role, actor.position);
        if (res.status !== want)
          failures.push(`${key}: expected ${want}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        if (res.status >= 400 && res.body.statusCode !== res.status)
          failures.push(`${key}: error body lacks the API shape`);
      }
      expect(failures).toEqual([]);
      // 20 actors a route; a route that renders files (bulletin.pdf: one render per distinct scope) takes
      // several seconds when the machine runs other suites
    }, 30_000);
  }
});
