// The OpenAPI document as a contract for response bodies: every 2xx answer is described (a JSON schema,
// or a binary media type for downloads), and real answers of the running app validate against the
// document's schemas — with every required property present and no property the document does not name.
import { Ajv, type ValidateFunction } from 'ajv';
import type { Response } from 'supertest';
import { startTestApp, type TestApp, truncateAll } from './support/app.js';
import { binaryBody, buildEventsWorld, type EventsWorld, makeImage } from './support/events-fixtures.js';
import { bearer as auth, PASSWORD, uniqueEmail } from './support/fixtures.js';

type Schema = Record<string, unknown>;
interface MediaType {
  schema?: Schema;
}
interface Operation {
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const DOC_ID = 'openapi';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);

/**
 * OpenAPI 3.0 schema → JSON Schema for ajv: `nullable: true` becomes a union with null, refs point into the
 * document registered as `openapi`, and objects that list their properties allow no others (so a field the
 * document does not describe fails the contract too, unless the schema says additionalProperties itself).
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node as Schema)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.startsWith('#') ? `${DOC_ID}${v}` : v;
    else if (k === 'properties' && v && typeof v === 'object')
      out[k] = Object.fromEntries(Object.entries(v as Schema).map(([p, s]) => [p, toJsonSchema(s)]));
    else if (k !== 'nullable') out[k] = toJsonSchema(v);
  }
  if (out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  if ((node as Schema).nullable === true) {
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function operations(doc: OpenApiDoc): { route: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => METHODS.has(m))
      .map(([m, op]) => ({ route: `${m.toUpperCase()} ${path}`, op })),
  );
}

const isJson = (mediaType: string) => /^application\/(.+\+)?json\b/.test(mediaType);
const isBinary = (media: MediaType) => media.schema?.type === 'string' && media.schema.format === 'binary';

describe('the OpenAPI document describes every response body', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let ajv: Ajv;
  let world: EventsWorld;
  const compiled = new Map<string, ValidateFunction>();
  const checked = new Set<string>();
  let createdCampaign: string | undefined;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '1000' });
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDoc;
    ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    ajv.addSchema({ components: toJsonSchema(doc.components) } as Schema, DOC_ID);
    world = await buildEventsWorld(t.http);
  }, 120_000);
  afterAll(() => t.close());

  /** The body of `res` must match the document's schema for this route and status. */
  function expectDocumented(res: Response, route: string): void {
    const [method, path] = route.split(' ') as [string, string];
    const response = doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(res.status)];
    if (!response) throw new Error(`${route} answered ${res.status}, which the document does not list`);
    const contentType = String(res.headers['content-type'] ?? '');
    const media = Object.entries(response.content ?? {}).find(
      ([type]) => type.split(';')[0]!.trim() === contentType.split(';')[0]!.trim(),
    );
    if (!media) throw new Error(`${route} ${res.status} answered ${contentType}; the document lists none such`);
    checked.add(route);
    if (!isJson(media[0])) return;
    const key = `${route} ${res.status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(toJsonSchema(media[1].schema) as Schema);
      compiled.set(key, validate);
    }
    const ok = validate(res.body);
    const errors = ok ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n');
    expect({ route: key, errors }).toEqual({ route: key, errors: [] });
  }

  const V1 = '/api/v1';

  it('gives every 2xx response of every operation a JSON schema or a binary media type', () => {
    const missing: string[] = [];
    for (const { route, op } of operations(doc)) {
      const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (!ok.length) missing.push(`${route}: no 2xx response`);
      for (const [status, response] of ok) {
        if (status === '204') continue;
        const content = Object.entries(response.content ?? {});
        if (!content.length) missing.push(`${route} ${status}: no content`);
        for (const [type, media] of content) {
          const described = isJson(type) ? Boolean(media.schema?.$ref || media.schema?.type) : isBinary(media);
          if (!described) missing.push(`${route} ${status} ${type}: no ${isJson(type) ? 'schema' : 'binary schema'}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('types counts, pages, versions and offsets as integers, so generated clients do not expect fractions', () => {
    const numbers: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas) as [
      string,
      { properties?: Record<string, { type?: string; items?: { type?: string } }> },
    ][])
      for (const [prop, s] of Object.entries(schema.properties ?? {}))
        if (s.type === 'number' || s.items?.type === 'number') numbers.push(`${name}.${prop}`);
    for (const { route, op } of operations(doc))
      for (const p of (op as { parameters?: { name: string; schema?: { type?: string } }[] }).parameters ?? [])
        if (p.schema?.type === 'number') numbers.push(`${route} ?${p.name}`);
    // The one fractional field: column widths of a summary table (proportions of the page).
    expect(numbers).toEqual(['TableResponse.widths']);
    expect(doc.components.schemas.EventResponsePage).toMatchObject({ properties: { total: { type: 'integer' } } });
  });

  it('resolves every $ref of the document', () => {
    const text = JSON.stringify(doc);
    const refs = new Set([...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!));
    expect([...refs].filter((name) => !doc.components.schemas[name])).toEqual([]);
    expect(refs.size).toBeGreaterThan(20);
  });

  it('health, registration, log-in and /me answer as documented', async () => {
    expectDocumented(await t.http.get(`${V1}/health`).expect(200), 'GET /api/v1/health');
    const email = uniqueEmail('contract');
    const registered = await t.http
      .post(`${V1}/auth/register-tenant`)
      .send({
        tenantName: '契约测试局',
        organization: { name: '契约测试局', kind: 'GOVERNMENT_AGENCY' },
        admin: { name: '管理员', email, password: PASSWORD },
      })
      .expect(201);
    expectDocumented(registered, 'POST /api/v1/auth/register-tenant');
    const login = await t.http.post(`${V1}/auth/login`).send({ email, password: PASSWORD }).expect(200);
    expectDocumented(login, 'POST /api/v1/auth/login');
    const refreshed = await t.http
      .post(`${V1}/auth/refresh`)
      .send({ refreshToken: login.body.refreshToken })
      .expect(200);
    expectDocumented(refreshed, 'POST /api/v1/auth/refresh');
    for (const token of [world.tenant.adminToken, world.reporterA.token]) {
      expectDocumented(await t.http.get(`${V1}/me`).set(auth(token)).expect(200), 'GET /api/v1/me');
    }
  });

  it('users and organizations answer as documented', async () => {
    const admin = auth(world.tenant.adminToken);
    expectDocumented(await t.http.get(`${V1}/users`).set(admin).expect(200), 'GET /api/v1/users');
    expectDocumented(await t.http.get(`${V1}/organizations`).set(admin).expect(200), 'GET /api/v1/organizations');
    expectDocumented(
      await t.http.get(`${V1}/organizations/${world.org.A}`).set(admin).expect(200),
      'GET /api/v1/organizations/{id}',
    );
    const tree = await t.http.get(`${V1}/organizations/${world.tenant.rootId}/tree`).set(admin).expect(200);
    expect(tree.body.children.length).toBeGreaterThan(0);
    expectDocumented(tree, 'GET /api/v1/organizations/{id}/tree');
  });

  it('organization moves, the import templates and the imports answer as documented', async () => {
    const admin = auth(world.tenant.adminToken);
    const a = await t.http
      .post(`${V1}/organizations`)
      .set(admin)
      .send({ parentId: world.tenant.rootId, name: '搬迁前单位', kind: 'OTHER', code: 'OPENAPI-1' })
      .expect(201);
    expectDocumented(
      await t.http.post(`${V1}/organizations/${a.body.id}/move`).set(admin).send({ parentId: world.org.A }).expect(200),
      'POST /api/v1/organizations/{id}/move',
    );
    for (const what of ['organizations', 'users'] as const) {
      const template = await t.http
        .get(`${V1}/${what}/import-template.xlsx`)
        .set(admin)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expectDocumented(template, `GET /api/v1/${what}/import-template.xlsx`);
      const dry = await t.http
        .post(`${V1}/${what}/import?dryRun=true`)
        .set(admin)
        .attach('file', template.body as Buffer, 'template.xlsx')
        .expect(200);
      expectDocumented(dry, `POST /api/v1/${what}/import`);
      const applied = await t.http
        .post(`${V1}/${what}/import?dryRun=false`)
        .set(admin)
        .attach('file', template.body as Buffer, 'template.xlsx')
        .expect(201);
      expectDocumented(applied, `POST /api/v1/${what}/import`);
    }
  });

  it('campaigns, templates, participants, progress and stats answer as documented', async () => {
    const organizer = auth(world.organizerR.token);
    const c = world.campaign.id;
    expectDocumented(
      await t.http.get(`${V1}/campaign-templates`).set(organizer).expect(200),
      'GET /api/v1/campaign-templates',
    );
    const created = await t.http
      .post(`${V1}/campaigns`)
      .set(organizer)
      .send({
        templateKey: 'anti-fraud',
        startsOn: '2026-12-01',
        endsOn: '2026-12-31',
        reportDueOn: '2027-01-05',
        participants: { organizationIds: [world.org.A] },
      });
    expect(created.status).toBe(201);
    createdCampaign = created.body.id;
    expectDocumented(created, 'POST /api/v1/campaigns');
    const campaign = await t.http.get(`${V1}/campaigns/${c}`).set(organizer).expect(200);
    expect(campaign.body.metrics.length).toBeGreaterThan(0);
    expectDocumented(campaign, 'GET /api/v1/campaigns/{id}');
    expectDocumented(await t.http.get(`${V1}/campaigns`).set(organizer).expect(200), 'GET /api/v1/campaigns');
    expectDocumented(
      await t.http.get(`${V1}/campaigns/${c}/participants`).set(organizer).expect(200),
      'GET /api/v1/campaigns/{id}/participants',
    );
  });

  it('leading groups, tasks, events, photos and progress answer as documented', async () => {
    const c = world.campaign.id;
    const reporter = auth(world.reporterA.token);
    const organizer = auth(world.organizerR.token);
    const group = await t.http
      .put(`${V1}/campaigns/${c}/organizations/${world.org.A}/leading-group`)
      .set(reporter)
      .send({
        members: [
          { name: '王所长', title: '所长', role: 'LEADER', duty: '全面负责' },
          { name: '李警官', role: 'MEMBER' },
        ],
      })
      .expect(200);
    expectDocumented(group, 'PUT /api/v1/campaigns/{id}/organizations/{orgId}/leading-group');
    expectDocumented(
      await t.http.get(`${V1}/campaigns/${c}/organizations/${world.org.B}/leading-group`).set(organizer).expect(200),
      'GET /api/v1/campaigns/{id}/organizations/{orgId}/leading-group',
    );

    const task = await t.http
      .post(`${V1}/campaigns/${c}/tasks`)
      .set(organizer)
      .send({ organizationId: world.org.A, title: '组织一次集市日宣传', dueOn: '2026-11-20', cascade: 'CHILDREN' })
      .expect(201);
    expectDocumented(task, 'POST /api/v1/campaigns/{id}/tasks');
    expectDocumented(
      await t.http.get(`${V1}/campaigns/${c}/tasks`).set(organizer).expect(200),
      'GET /api/v1/campaigns/{id}/tasks',
    );

    const event = await t.http
      .post(`${V1}/campaigns/${c}/events`)
      .set(reporter)
      .send({
        organizationId: world.org.A,
        type: 'LEAFLET',
        title: '集市日发放宣传单',
        occurredOn: '2026-11-06',
        location: '城关集市',
        taskId: task.body.id,
        metrics: { leaflets: 3000, lossesAvoided: '80000.5' },
      })
      .expect(201);
    expectDocumented(event, 'POST /api/v1/campaigns/{id}/events');
    const photo = await t.http
      .post(`${V1}/events/${event.body.id}/photos`)
      .set(reporter)
      .attach('file', await makeImage('jpeg', 3), 'leaflets.jpg')
      .expect(201);
    expectDocumented(photo, 'POST /api/v1/events/{id}/photos');
    const image = await t.http
      .get(`${V1}/photos/${photo.body.id}`)
      .set(reporter)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expectDocumented(image, 'GET /api/v1/photos/{id}');
    const chosen = await t.http
      .patch(`${V1}/photos/${photo.body.id}`)
      .set(reporter)
      .send({ inSummary: true })
      .expect(200);
    expect(chosen.body.inSummary).toBe(true);
    expectDocumented(chosen, 'PATCH /api/v1/photos/{id}');
    expectDocumented(
      await t.http.patch(`${V1}/photos/${photo.body.id}`).set(reporter).send({}).expect(400),
      'PATCH /api/v1/photos/{id}',
    );

    const detail = await t.http.get(`${V1}/events/${event.body.id}`).set(reporter).expect(200);
    expect(detail.body.photos).toHaveLength(1);
    expect(detail.body.metrics).toEqual({ leaflets: '3000', lossesAvoided: '80000.50' });
    expectDocumented(detail, 'GET /api/v1/events/{id}');
    expectDocumented(
      await t.http.patch(`${V1}/events/${event.body.id}`).set(reporter).send({ location: null }).expect(200),
      'PATCH /api/v1/events/{id}',
    );
    const list = await t.http.get(`${V1}/campaigns/${c}/events`).set(organizer).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expectDocumented(list, 'GET /api/v1/campaigns/{id}/events');

    expectDocumented(
      await t.http.get(`${V1}/campaigns/${c}/progress`).set(organizer).expect(200),
      'GET /api/v1/campaigns/{id}/progress',
    );
    const stats = await t.http.get(`${V1}/campaigns/${c}/stats`).set(organizer).expect(200);
    expect(stats.body.eventCount).toBeGreaterThan(0);
    expectDocumented(stats, 'GET /api/v1/campaigns/{id}/stats');
  });

  it('a generated summary, with its sections, figures and sources, answers as documented through its workflow', async () => {
    const path = `${V1}/campaigns/${world.campaign.id}/organizations/${world.org.A}/summary`;
    const summaryRoute = 'POST /api/v1/campaigns/{id}/organizations/{orgId}/summary';
    const reporter = auth(world.reporterA.token);
    const organizer = auth(world.organizerR.token);
    const generated = await t.http.post(path).set(reporter).send({}).expect(201);
    expect(generated.body.document.sections.length).toBeGreaterThan(0);
    expect(generated.body.facts.kind).toBe('UNIT');
    expectDocumented(generated, summaryRoute);
    expectDocumented(
      await t.http.get(path).set(reporter).expect(200),
      'GET /api/v1/campaigns/{id}/organizations/{orgId}/summary',
    );
    const edited = await t.http
      .patch(path)
      .set(reporter)
      .set('If-Match', `"${generated.body.version}"`)
      .send({
        narrative: {
          // every paragraph the draft asks for: a summary with one left is not submitted (422)
          ...Object.fromEntries((generated.body.needsInput as string[]).map((key) => [key, '本单位的说明。'])),
          shortcomings: '宣传覆盖面仍需扩大，下一步将深入村居开展宣传。',
        },
      })
      .expect(200);
    expect(edited.body.needsInput).toEqual([]);
    expectDocumented(edited, 'PATCH /api/v1/campaigns/{id}/organizations/{orgId}/summary');
    expectDocumented(await t.http.post(`${path}/submit`).set(reporter).send({}).expect(200), `${summaryRoute}/submit`);
    expectDocumented(
      await t.http.post(`${path}/approve`).set(organizer).send({}).expect(200),
      `${summaryRoute}/approve`,
    );
    expectDocumented(
      await t.http.post(`${path}/return`).set(organizer).send({ comment: '请补充典型案例' }).expect(200),
      `${summaryRoute}/return`,
    );
    for (const format of ['docx', 'pdf', 'md']) {
      const file = await t.http.get(`${path}.${format}`).set(reporter).buffer(true).parse(binaryBody).expect(200);
      expectDocumented(file, `GET /api/v1/campaigns/{id}/organizations/{orgId}/summary.${format}`);
    }

    const rollupPath = `${V1}/campaigns/${world.campaign.id}/organizations/${world.org.R}/summary`;
    const rollup = await t.http.post(rollupPath).set(organizer).send({ scope: 'ROLLUP' }).expect(201);
    expect(rollup.body.facts.kind).toBe('ROLLUP');
    expect(rollup.body.facts.units.length).toBeGreaterThan(0);
    expectDocumented(rollup, summaryRoute);
    const zip = await t.http
      .get(`${V1}/campaigns/${world.campaign.id}/summaries.zip`)
      .set(organizer)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expectDocumented(zip, 'GET /api/v1/campaigns/{id}/summaries.zip');
    const bulletin = `${V1}/campaigns/${world.campaign.id}/bulletin`;
    expectDocumented(
      await t.http.get(`${bulletin}?asOf=2026-11-20`).set(organizer).expect(200),
      'GET /api/v1/campaigns/{id}/bulletin',
    );
    for (const format of ['docx', 'pdf']) {
      const file = await t.http.get(`${bulletin}.${format}`).set(organizer).buffer(true).parse(binaryBody).expect(200);
      expectDocumented(file, `GET /api/v1/campaigns/{id}/bulletin.${format}`);
    }
    expectDocumented(
      await t.http.get(`${bulletin}?asOf=2026-10-01`).set(organizer).expect(400),
      'GET /api/v1/campaigns/{id}/bulletin',
    );
    expectDocumented(await t.http.get(bulletin).set(reporter).expect(403), 'GET /api/v1/campaigns/{id}/bulletin');
  }, 20_000); // generates, edits and moves a summary through its workflow: a dozen requests

  it('writes (create, edit, state changes, removals, ledger import) answer as documented', async () => {
    const admin = auth(world.tenant.adminToken);
    const organizer = auth(world.organizerR.token);
    const reporter = auth(world.reporterB.token);
    const c = world.campaign.id;

    const user = await t.http
      .post(`${V1}/users`)
      .set(admin)
      .send({
        email: uniqueEmail('contract-user'),
        name: '新用户',
        password: PASSWORD,
        memberships: [{ organizationId: world.org.B, role: 'VIEWER' }],
      })
      .expect(201);
    expectDocumented(user, 'POST /api/v1/users');
    expectDocumented(
      await t.http.patch(`${V1}/users/${user.body.id}`).set(admin).send({ name: '改名用户' }).expect(200),
      'PATCH /api/v1/users/{id}',
    );
    const org = await t.http
      .post(`${V1}/organizations`)
      .set(admin)
      .send({ parentId: world.org.B, name: '东城社区', kind: 'TOWN' })
      .expect(201);
    expectDocumented(org, 'POST /api/v1/organizations');
    expectDocumented(
      await t.http.patch(`${V1}/organizations/${org.body.id}`).set(admin).send({ name: '东城新社区' }).expect(200),
      'PATCH /api/v1/organizations/{id}',
    );

    const added = await t.http
      .post(`${V1}/campaigns/${c}/participants`)
      .set(organizer)
      .send({ organizationIds: [org.body.id] })
      .expect(201);
    expectDocumented(added, 'POST /api/v1/campaigns/{id}/participants');
    expectDocumented(
      await t.http.delete(`${V1}/campaigns/${c}/participants/${org.body.id}`).set(organizer).expect(200),
      'DELETE /api/v1/campaigns/{id}/participants/{orgId}',
    );
    expectDocumented(
      await t.http.delete(`${V1}/organizations/${org.body.id}`).set(admin).expect(200),
      'DELETE /api/v1/organizations/{id}',
    );

    const tasks = await t.http.get(`${V1}/campaigns/${c}/tasks`).set(reporter).expect(200);
    expectDocumented(
      await t.http
        .post(`${V1}/campaigns/${c}/tasks`)
        .set(organizer)
        .send({ organizationId: world.org.B, title: '张贴海报', dueOn: '2026-11-25' })
        .expect(201),
      'POST /api/v1/campaigns/{id}/tasks',
    );
    const own = (await t.http.get(`${V1}/campaigns/${c}/tasks`).set(reporter).expect(200)).body.items as {
      id: string;
    }[];
    expect(own.length).toBeGreaterThan(tasks.body.items.length);
    expectDocumented(
      await t.http.patch(`${V1}/tasks/${own[0]!.id}`).set(reporter).send({ status: 'IN_PROGRESS' }).expect(200),
      'PATCH /api/v1/tasks/{id}',
    );

    // an exported ledger imported back: its rows carry 编号, so they are reported as existing, not created again
    const ledgerReporter = auth(world.reporterR.token);
    const workbook = await t.http
      .get(`${V1}/campaigns/${c}/events.xlsx`)
      .set(ledgerReporter)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expectDocumented(workbook, 'GET /api/v1/campaigns/{id}/events.xlsx');
    for (const [query, status] of [
      ['?dryRun=true', 200],
      ['', 201],
    ] as const) {
      const imported = await t.http
        .post(`${V1}/campaigns/${c}/events/import${query}`)
        .set(ledgerReporter)
        .attach('file', workbook.body as Buffer, 'ledger.xlsx');
      expect(`${imported.status} ${JSON.stringify(imported.body).slice(0, 300)}`).toMatch(new RegExp(`^${status} `));
      expect(imported.body.rows.length).toBeGreaterThan(0);
      expectDocumented(imported, 'POST /api/v1/campaigns/{id}/events/import');
    }

    const draft = createdCampaign!;
    expectDocumented(
      await t.http
        .patch(`${V1}/campaigns/${draft}`)
        .set(organizer)
        .send({ goals: '群众知晓率达到90%以上' })
        .expect(200),
      'PATCH /api/v1/campaigns/{id}',
    );
    expectDocumented(
      await t.http.post(`${V1}/campaigns/${draft}/launch`).set(organizer).expect(200),
      'POST /api/v1/campaigns/{id}/launch',
    );
    expectDocumented(
      await t.http.post(`${V1}/campaigns/${draft}/close`).set(organizer).expect(200),
      'POST /api/v1/campaigns/{id}/close',
    );
  });

  it('users, invitations, password change and the audit log answer as documented', async () => {
    const admin = auth(world.tenant.adminToken);
    const user = await t.http
      .post(`${V1}/users`)
      .set(admin)
      .send({
        name: '待激活用户',
        phone: '13912345678',
        memberships: [{ organizationId: world.org.A, role: 'REPORTER' }],
      })
      .expect(201);
    expect(user.body.hasPassword).toBe(false);
    expectDocumented(user, 'POST /api/v1/users');
    expectDocumented(await t.http.get(`${V1}/users/${user.body.id}`).set(admin).expect(200), 'GET /api/v1/users/{id}');
    const link = await t.http.post(`${V1}/users/${user.body.id}/invitation`).set(admin).expect(201);
    expectDocumented(link, 'POST /api/v1/users/{id}/invitation');
    expectDocumented(
      await t.http.get(`${V1}/invitations/${link.body.token}`).expect(200),
      'GET /api/v1/invitations/{token}',
    );
    const pair = await t.http
      .post(`${V1}/invitations/${link.body.token}/accept`)
      .send({ password: PASSWORD })
      .expect(200);
    expectDocumented(pair, 'POST /api/v1/invitations/{token}/accept');
    for (const [res, route] of [
      [await t.http.get(`${V1}/invitations/${link.body.token}`), 'GET /api/v1/invitations/{token}'],
      [
        await t.http.post(`${V1}/invitations/${link.body.token}/accept`).send({ password: PASSWORD }),
        'POST /api/v1/invitations/{token}/accept',
      ],
      [
        await t.http.get(`${V1}/users/${world.tenant.adminId}`).set(auth(world.reporterA.token)),
        'GET /api/v1/users/{id}',
      ],
    ] as const) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expectDocumented(res, route);
    }
    const changed = await t.http
      .post(`${V1}/me/password`)
      .set(auth(pair.body.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: 'another-password-2026' })
      .expect(200);
    expectDocumented(changed, 'POST /api/v1/me/password');
    const wrong = await t.http
      .post(`${V1}/me/password`)
      .set(auth(changed.body.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: 'a-third-password-2026' })
      .expect(400);
    expectDocumented(wrong, 'POST /api/v1/me/password');
    const log = await t.http.get(`${V1}/audit?entityId=${user.body.id}`).set(admin).expect(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.invite', 'user.invitation_accept', 'user.password_change']),
    );
    expectDocumented(log, 'GET /api/v1/audit');
  });

  it('督办: notifications, 催办, reminder rules, channels and jobs answer as documented', async () => {
    const organizer = auth(world.organizerR.token);
    const reporter = auth(world.reporterB.token);
    const admin = auth(world.tenant.adminToken);
    const c = world.campaign.id;
    const rules = await t.http.get(`${V1}/campaigns/${c}/reminder-rules`).set(organizer).expect(200);
    expectDocumented(rules, 'GET /api/v1/campaigns/{id}/reminder-rules');
    expectDocumented(
      await t.http
        .put(`${V1}/campaigns/${c}/reminder-rules`)
        .set(organizer)
        .send({ ...rules.body, escalateAfterDays: null })
        .expect(200),
      'PUT /api/v1/campaigns/{id}/reminder-rules',
    );
    expectDocumented(
      await t.http
        .post(`${V1}/campaigns/${c}/reminders`)
        .set(organizer)
        .send({ organizationIds: [world.org.B] })
        .expect(200),
      'POST /api/v1/campaigns/{id}/reminders',
    );
    expectDocumented(
      await t.http.get(`${V1}/campaigns/${c}/organizations/${world.org.B}/reminders`).set(reporter).expect(200),
      'GET /api/v1/campaigns/{id}/organizations/{orgId}/reminders',
    );
    const list = await t.http.get(`${V1}/notifications`).set(reporter).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expectDocumented(list, 'GET /api/v1/notifications');
    expectDocumented(
      await t.http.get(`${V1}/notifications/unread-count`).set(reporter).expect(200),
      'GET /api/v1/notifications/unread-count',
    );
    expectDocumented(
      await t.http.post(`${V1}/notifications/read`).set(reporter).send({ all: true }).expect(200),
      'POST /api/v1/notifications/read',
    );
    const channels = `${V1}/organizations/${world.org.B}/notification-channels`;
    expectDocumented(
      await t.http
        .put(channels)
        .set(admin)
        .send([{ kind: 'EMAIL', to: ['office@b.example'], enabled: true }])
        .expect(200),
      'PUT /api/v1/organizations/{id}/notification-channels',
    );
    expectDocumented(
      await t.http.get(channels).set(admin).expect(200),
      'GET /api/v1/organizations/{id}/notification-channels',
    );
    const started = await t.http.post(`${channels}/test`).set(admin).expect(202);
    expectDocumented(started, 'POST /api/v1/organizations/{id}/notification-channels/test');
    expectDocumented(
      await t.http.get(`${V1}/jobs/${started.body.jobId}`).set(admin).expect(200),
      'GET /api/v1/jobs/{id}',
    );
  });

  it('checked a real answer of every operation that answers with a body', () => {
    const withBody = operations(doc)
      .filter(({ op }) => Object.keys(op.responses ?? {}).some((status) => /^2\d\d$/.test(status) && status !== '204'))
      .map(({ route }) => route);
    expect(withBody.filter((route) => !checked.has(route))).toEqual([]);
  });

  it('fails a body that lacks a required property or carries one the document does not name', () => {
    const validate = ajv.compile(toJsonSchema({ $ref: '#/components/schemas/EventResponse' }) as Schema);
    const event = {
      id: '00000000-0000-4000-8000-000000000000',
      campaignId: '00000000-0000-4000-8000-000000000000',
      organizationId: '00000000-0000-4000-8000-000000000000',
      organizationName: '城关派出所',
      taskId: null,
      type: 'LEAFLET',
      title: '集市日发放宣传单',
      occurredOn: '2026-11-06',
      location: null,
      description: null,
      metrics: { leaflets: '3000' },
      photoCount: 0,
      offDayPhotoCount: 0,
      authorId: null,
      createdAt: '2026-11-06T01:00:00.000Z',
      updatedAt: '2026-11-06T01:00:00.000Z',
    };
    expect(validate(event)).toBe(true);
    const { photoCount: _, ...withoutCount } = event;
    expect(validate(withoutCount)).toBe(false);
    expect(validate({ ...event, secret: 'x' })).toBe(false);
    expect(validate({ ...event, type: 'PARADE' })).toBe(false);
    expect(validate({ ...event, title: null })).toBe(false);
  });
});
