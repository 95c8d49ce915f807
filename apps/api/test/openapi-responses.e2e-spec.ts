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

  it('a generated summary, with its sections, figures and sources, answers as documented', async () => {
    const path = `${V1}/campaigns/${world.campaign.id}/organizations/${world.org.A}/summary`;
    const reporter = auth(world.reporterA.token);
    const generated = await t.http.post(path).set(reporter).send({}).expect(201);
    expect(generated.body.document.sections.length).toBeGreaterThan(0);
    expectDocumented(generated, 'POST /api/v1/campaigns/{id}/organizations/{orgId}/summary');
    expectDocumented(
      await t.http.get(path).set(reporter).expect(200),
      'GET /api/v1/campaigns/{id}/organizations/{orgId}/summary',
    );
    const docx = await t.http.get(`${path}.docx`).set(reporter).buffer(true).parse(binaryBody).expect(200);
    expectDocumented(docx, 'GET /api/v1/campaigns/{id}/organizations/{orgId}/summary.docx');
  });

  it('checked real answers of the main routes', () => {
    expect(checked.size).toBeGreaterThanOrEqual(25);
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
