// Input at the edges that once reached PostgreSQL or the validators' recursion and answered 500: the NUL
// character, lone UTF-16 surrogates, deeply nested JSON, keys named like Object members, a version past the
// integer range. Each is a field-level 400 now, and nothing is written. Also: a shorter period may not
// strand logged events (409), a role that writes no group anywhere gets 403 before any lookup, and a busy
// database answers 503 with Retry-After instead of 500.
import pg from 'pg';
import { sql, startTestApp, type TestApp, testDatabaseUrl, truncateAll } from './support/app.js';
import { bearer } from './support/fixtures.js';
import { type Bureau, day, schoolsMonth } from './support/planning-fixtures.js';

const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);

describe('input at the edges', () => {
  let t: TestApp;
  let w: Bureau;
  let other: Bureau;
  let campaign: string;
  const events = () => `/api/v1/campaigns/${campaign}/events`;
  const event = (extra: Record<string, unknown> = {}) => ({
    organizationId: w.schools.s1,
    type: 'FLAG_CEREMONY',
    title: '国旗下讲话',
    occurredOn: day(-2),
    metrics: { audience: 800 },
    ...extra,
  });
  const eventCount = async () =>
    Number(
      (await sql<{ n: string }>('SELECT count(*) AS n FROM publicity_event WHERE campaign_id = $1', [campaign]))[0]!.n,
    );

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    ({ w, other, campaign } = await schoolsMonth(t.http));
  }, 120_000);
  afterAll(() => t.close());

  it('refuses the NUL character in a body or a query string, naming the field, and writes nothing', async () => {
    const body = await t.http
      .post(events())
      .set(bearer(w.reporter1.token))
      .send(event({ title: 'a\u0000b' }))
      .expect(400);
    expect(fields(body.body)).toEqual(['title']);
    expect(body.body.message).toContain('NUL');
    expect(await eventCount()).toBe(0);
    const query = await t.http.get('/api/v1/campaigns?q=%00').set(bearer(w.organizer.token)).expect(400);
    expect(fields(query.body)).toEqual(['q']);
    const leader = await t.http
      .put(`/api/v1/campaigns/${campaign}/organizations/${w.schools.s1}/leading-group`)
      .set(bearer(w.reporter1.token))
      .send({ members: [{ name: '张\u0000华', role: 'LEADER' }] })
      .expect(400);
    expect(fields(leader.body)).toEqual(['members.0.name']);
  });

  it('refuses lone surrogates, also at the log-in, and keeps well-formed astral characters', async () => {
    const lone = await t.http
      .post(`/api/v1/campaigns/${campaign}/tasks`)
      .set(bearer(w.organizer.token))
      .send({ title: '宣传\ud800任务', dueOn: day(5), organizationId: w.schools.s1 })
      .expect(400);
    expect(fields(lone.body)).toEqual(['title']);
    const login = await t.http.post('/api/v1/auth/login').send({ email: 'a\ud800b@x.cn', password: 'x' }).expect(400);
    expect(fields(login.body)).toEqual(['email']);
    const astral = await t.http
      .post(events())
      .set(bearer(w.reporter1.token))
      .send(event({ title: '𠜎𠜱 宣讲' }))
      .expect(201);
    expect(astral.body.title).toBe('𠜎𠜱 宣讲');
  });

  it('refuses JSON nested deeper than any body needs (400, not a stack overflow)', async () => {
    const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    const res = await t.http
      .post(events())
      .set(bearer(w.reporter1.token))
      .set('content-type', 'application/json')
      .send(
        `{"organizationId":"${w.schools.s1}","type":"OTHER","title":"t","occurredOn":"${day(-1)}","metrics":{"audience":${deep}}}`,
      )
      .expect(400);
    expect(res.body.message).toContain('nested more than 32 levels');
    expect(fields(res.body)[0]).toMatch(/^metrics\.audience/);
  });

  it("refuses a key named like an object's member instead of dropping it, and says what __proto__ keys are", async () => {
    const before = await eventCount();
    const res = await t.http
      .post(events())
      .set(bearer(w.reporter1.token))
      .send(event({ metrics: { audience: 5, toString: 3 } }))
      .expect(400);
    expect(fields(res.body)).toEqual(['metrics.toString']);
    const proto = await t.http
      .post(events())
      .set(bearer(w.reporter1.token))
      .set('content-type', 'application/json')
      .send('{"title":"x","__proto__":{"admin":true}}')
      .expect(400);
    expect(proto.body.message).toContain('__proto__');
    expect(await eventCount()).toBe(before);
  });

  it('refuses a summary version past the integer range with a 400', async () => {
    const base = `/api/v1/campaigns/${campaign}/organizations/${w.schools.s1}/summary`;
    const res = await t.http.get(`${base}?version=2147483648`).set(bearer(w.reporter1.token)).expect(400);
    expect(fields(res.body)).toEqual(['version']);
    await t.http.get(`${base}.docx?version=99999999999`).set(bearer(w.reporter1.token)).expect(400);
  });

  it('refuses a period that would leave logged events outside it (409); one that keeps them is saved', async () => {
    await t.http
      .post(events())
      .set(bearer(w.reporter1.token))
      .send(event({ occurredOn: day(-8), title: '早期活动' }))
      .expect(201);
    const res = await t.http
      .patch(`/api/v1/campaigns/${campaign}`)
      .set(bearer(w.organizer.token))
      .send({ startsOn: day(-5) })
      .expect(409);
    expect(res.body.message).toContain('1 logged event(s)');
    expect(res.body.details).toEqual({ field: 'startsOn', events: 1 });
    const [row] = await sql<{ starts_on: string }>('SELECT starts_on::text FROM campaign WHERE id = $1', [campaign]);
    expect(row!.starts_on).toBe(day(-10));
    const ok = await t.http
      .patch(`/api/v1/campaigns/${campaign}`)
      .set(bearer(w.organizer.token))
      .send({ startsOn: day(-9), endsOn: day(22) })
      .expect(200);
    expect([ok.body.startsOn, ok.body.endsOn]).toEqual([day(-9), day(22)]);
  });

  it('answers 403 to a role that records no group and edits no summary anywhere, before looking the month up', async () => {
    const group = (c: string, org: string) => `/api/v1/campaigns/${c}/organizations/${org}/leading-group`;
    for (const c of [campaign, '00000000-0000-4000-8000-000000000000']) {
      await t.http.put(group(c, w.schools.s1)).set(bearer(w.viewer1.token)).send({ members: [] }).expect(403);
      await t.http
        .patch(`/api/v1/campaigns/${c}/organizations/${w.schools.s1}/summary`)
        .set(bearer(w.viewer1.token))
        .set('If-Match', '"1"')
        .send({})
        .expect(403);
      await t.http
        .post(`/api/v1/campaigns/${c}/organizations/${w.schools.s1}/summary`)
        .set(bearer(w.viewer1.token))
        .send({})
        .expect(403);
    }
    // a reporter of another tenant, whose role does record groups: 404, as for any row outside its scope
    await t.http
      .put(group(campaign, w.schools.s1))
      .set(bearer(other.reporter1.token))
      .send({ members: [{ name: '某人', role: 'LEADER' }] })
      .expect(404);
  });

  it('answers 503 with Retry-After when no connection frees up in time for a transaction, and writes nothing', async () => {
    // one pool connection, held by an edit whose transaction waits on a table another session has locked:
    // a second request gets no connection within its wait (10 s) and is told to come back
    const small = await startTestApp({ DB_POOL_SIZE: '1' });
    const blocker = new pg.Client({ connectionString: testDatabaseUrl() });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE audit_entry IN ACCESS EXCLUSIVE MODE');
      const held = small.http
        .patch(`/api/v1/campaigns/${campaign}`)
        .set(bearer(w.organizer.token))
        .send({ title: '先到的修改' })
        .then((r) => r);
      await new Promise((r) => setTimeout(r, 300));
      const res = await small.http
        .put(`/api/v1/campaigns/${campaign}/organizations/${w.schools.s2}/leading-group`)
        .set(bearer(w.reporter2.token))
        .send({ members: [{ name: '等不到的组长', role: 'LEADER' }] });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is busy; retry in a moment',
      });
      await blocker.query('ROLLBACK');
      // the held edit ran out of its own time meanwhile: refused the same way, or saved; never a 500
      expect([200, 503]).toContain((await held).status);
    } finally {
      await blocker.query('ROLLBACK').catch(() => {});
      await blocker.end();
      await small.close();
    }
    const groups = await sql('SELECT 1 FROM leading_group_member WHERE name = $1', ['等不到的组长']);
    expect(groups).toHaveLength(0);
  }, 60_000);
});
