// Leading groups (领导小组): GET and PUT /campaigns/:id/organizations/:orgId/leading-group.
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import { bearer } from './support/fixtures.js';
import { type Bureau, leader, schoolsMonth } from './support/planning-fixtures.js';

const fields = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];

const roster = [
  leader('张华'),
  { name: '李强', title: '副校长', role: 'DEPUTY', duty: '负责活动的具体组织实施' },
  {
    name: '王芳',
    title: '主任',
    role: 'MEMBER',
    department: '政教处',
    duty: '负责国旗下宣讲和主题班会',
    phone: '0571-88001234',
  },
  { name: '赵磊', role: 'MEMBER', department: '教务处' },
];

describe('leading groups', () => {
  let t: TestApp;
  let w: Bureau;
  let other: Bureau;
  let campaign: string;
  const url = (orgId: string, id = campaign) => `/api/v1/campaigns/${id}/organizations/${orgId}/leading-group`;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    ({ w, other, campaign } = await schoolsMonth(t.http));
  }, 120_000);
  afterAll(() => t.close());

  it('answers an empty roster before one is recorded', async () => {
    const res = await t.http.get(url(w.schools.s2)).set(bearer(w.reporter2.token)).expect(200);
    expect(res.body).toEqual({
      campaignId: campaign,
      organizationId: w.schools.s2,
      set: false,
      members: [],
      updatedAt: null,
    });
  });

  it('records the whole roster in order and reads it back; anyone reading the unit sees it', async () => {
    const put = await t.http
      .put(url(w.schools.s1))
      .set(bearer(w.reporter1.token))
      .send({ members: roster })
      .expect(200);
    expect(put.body.set).toBe(true);
    expect(
      put.body.members.map((m: { name: string; role: string; sortOrder: number }) => [m.name, m.role, m.sortOrder]),
    ).toEqual([
      ['张华', 'LEADER', 0],
      ['李强', 'DEPUTY', 1],
      ['王芳', 'MEMBER', 2],
      ['赵磊', 'MEMBER', 3],
    ]);
    expect(put.body.members[2]).toEqual(
      expect.objectContaining({
        title: '主任',
        department: '政教处',
        duty: '负责国旗下宣讲和主题班会',
        phone: '0571-88001234',
      }),
    );
    expect(put.body.members[3]).toEqual(expect.objectContaining({ title: null, duty: null, phone: null }));
    const viewer = await t.http.get(url(w.schools.s1)).set(bearer(w.viewer1.token)).expect(200);
    expect(viewer.body).toEqual(put.body);
    const organizer = await t.http.get(url(w.schools.s1)).set(bearer(w.organizer.token)).expect(200);
    expect(organizer.body.members).toHaveLength(4);
    const audit = await sql(
      `SELECT action, changes FROM audit_entry WHERE action = 'leading_group.replace' AND tenant_id = $1`,
      [w.tenant.tenantId],
    );
    expect(audit).toHaveLength(1);
  });

  it('replaces the roster in one go: members sent with their id keep their tasks, the others go', async () => {
    const current = (await t.http.get(url(w.schools.s1)).set(bearer(w.reporter1.token)).expect(200)).body.members as {
      id: string;
      name: string;
    }[];
    const wang = current.find((m) => m.name === '王芳')!;
    const zhao = current.find((m) => m.name === '赵磊')!;
    const keep = await t.http
      .post(`/api/v1/campaigns/${campaign}/tasks`)
      .set(bearer(w.organizer.token))
      .send({ organizationId: w.schools.s1, title: '国旗下宣讲', responsibleMemberId: wang.id })
      .expect(201);
    const drop = await t.http
      .post(`/api/v1/campaigns/${campaign}/tasks`)
      .set(bearer(w.organizer.token))
      .send({ organizationId: w.schools.s1, title: '主题班会', responsibleMemberId: zhao.id })
      .expect(201);

    const res = await t.http
      .put(url(w.schools.s1))
      .set(bearer(w.reporter1.token))
      .send({
        members: [
          { id: wang.id, name: '王芳', title: '副校长', role: 'LEADER' },
          { name: '陈静', title: '班主任代表', role: 'MEMBER' },
        ],
      })
      .expect(200);
    expect(res.body.members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual([
      '王芳:LEADER',
      '陈静:MEMBER',
    ]);
    expect(res.body.members[0].id).toBe(wang.id);
    const tasks = await sql<{ id: string; responsible_member_id: string | null }>(
      `SELECT id, responsible_member_id FROM task WHERE id = ANY($1::uuid[])`,
      [[keep.body.id, drop.body.id]],
    );
    const responsible = Object.fromEntries(tasks.map((r) => [r.id, r.responsible_member_id]));
    expect(responsible).toEqual({ [keep.body.id]: wang.id, [drop.body.id]: null });
  });

  it('refuses a roster without a leader or with two, naming the field, and keeps the old one', async () => {
    const before = (await t.http.get(url(w.schools.s1)).set(bearer(w.reporter1.token))).body;
    const none = await t.http
      .put(url(w.schools.s1))
      .set(bearer(w.reporter1.token))
      .send({ members: [{ name: '李强', role: 'DEPUTY' }] })
      .expect(400);
    expect(fields(none.body)).toEqual(['members']);
    const empty = await t.http.put(url(w.schools.s1)).set(bearer(w.reporter1.token)).send({ members: [] }).expect(400);
    expect(fields(empty.body)).toEqual(['members']);
    const two = await t.http
      .put(url(w.schools.s1))
      .set(bearer(w.reporter1.token))
      .send({ members: [leader('甲'), { name: '乙', role: 'MEMBER' }, leader('丙')] })
      .expect(400);
    expect(fields(two.body)).toEqual(['members.2.role']);
    expect((await t.http.get(url(w.schools.s1)).set(bearer(w.reporter1.token))).body).toEqual(before);
  });

  it('refuses malformed members with the field named', async () => {
    const put = (members: unknown) => t.http.put(url(w.schools.s2)).set(bearer(w.reporter2.token)).send({ members });
    expect(fields((await put([{ role: 'LEADER' }]).expect(400)).body)).toEqual(['members.0.name']);
    expect(fields((await put([{ ...leader(), role: 'BOSS' }]).expect(400)).body)).toEqual(['members.0.role']);
    expect(fields((await put([{ ...leader(), phone: 'call me' }]).expect(400)).body)).toEqual(['members.0.phone']);
    expect(fields((await put([{ ...leader(), name: '名'.repeat(51) }]).expect(400)).body)).toEqual(['members.0.name']);
    expect(fields((await put([{ ...leader(), salary: 1 }]).expect(400)).body)).toEqual(['members.0.salary']);
    expect(
      fields(
        (
          await put(
            Array.from({ length: 101 }, (_, i) => ({ name: `成员${i}`, role: i === 0 ? 'LEADER' : 'MEMBER' })),
          ).expect(400)
        ).body,
      ),
    ).toEqual(['members']);
    expect(fields((await put([{ ...leader(), id: '00000000-0000-4000-8000-000000000000' }]).expect(400)).body)).toEqual(
      ['members.0.id'],
    );
    expect(
      fields((await t.http.put(url(w.schools.s2)).set(bearer(w.reporter2.token)).send({}).expect(400)).body),
    ).toEqual(['members']);
    const rows = await sql(`SELECT 1 FROM leading_group WHERE campaign_id = $1 AND organization_id = $2`, [
      campaign,
      w.schools.s2,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('answers 404 for another unit, another tenant, a unit not taking part, or an unknown campaign; 403 for roles that cannot write', async () => {
    await t.http
      .put(url(w.schools.s1))
      .set(bearer(w.reporter2.token))
      .send({ members: [leader()] })
      .expect(404);
    await t.http.get(url(w.schools.s1)).set(bearer(w.reporter2.token)).expect(404);
    await t.http.get(url(w.schools.s1)).set(bearer(other.organizer.token)).expect(404);
    await t.http.get(url(other.schools.s1)).set(bearer(other.reporter1.token)).expect(404);
    await t.http.get(url(w.office)).set(bearer(w.organizer.token)).expect(404);
    await t.http
      .get(url(w.schools.s1, '00000000-0000-4000-8000-000000000000'))
      .set(bearer(w.reporter1.token))
      .expect(404);
    await t.http.get(url('nope')).set(bearer(w.reporter1.token)).expect(404);
    await t.http
      .put(url(w.schools.s1))
      .set(bearer(w.organizer.token))
      .send({ members: [leader()] })
      .expect(403);
    await t.http
      .put(url(w.schools.s1))
      .set(bearer(w.viewer1.token))
      .send({ members: [leader()] })
      .expect(403);
  });

  it("the organizers who launched the month record the organizing office's own group, and the roll-up names it", async () => {
    const bureauGroup = [
      { name: '周建国', title: '局长', role: 'LEADER', duty: '全面负责宣传月工作' },
      { name: '吴敏', title: '副局长', role: 'DEPUTY' },
    ];
    const put = await t.http
      .put(url(w.bureau))
      .set(bearer(w.organizer.token))
      .send({ members: bureauGroup })
      .expect(200);
    expect(put.body.members.map((m: { name: string }) => m.name)).toEqual(['周建国', '吴敏']);
    // an organizer below the office (the district's) does not see the office: 404; a viewer, whose role
    // records no group anywhere: 403, before the campaign is looked up (the same for another tenant's month)
    await t.http.put(url(w.bureau)).set(bearer(w.districtOrganizer.token)).send({ members: bureauGroup }).expect(404);
    await t.http.put(url(w.bureau)).set(bearer(w.viewer1.token)).send({ members: bureauGroup }).expect(403);
    await t.http.put(url(other.bureau)).set(bearer(w.viewer1.token)).send({}).expect(403);
    // the participating schools' groups stay their reporters' (403 for the organizer: the test above)
    const rollup = await t.http
      .post(`/api/v1/campaigns/${campaign}/organizations/${w.bureau}/summary`)
      .set(bearer(w.organizer.token))
      .send({ scope: 'ROLLUP' })
      .expect(201);
    expect(JSON.stringify(rollup.body.document)).toContain('周建国');
  });

  it('the organizer unit may hold its own group; a closed campaign refuses changes with 422', async () => {
    const admin = await t.http
      .post('/api/v1/users')
      .set(bearer(w.admin))
      .send({
        email: `bureau-reporter.${Date.now()}@example.test`,
        name: '局办公室',
        password: 'correct-horse-battery',
        memberships: [{ organizationId: w.bureau, role: 'REPORTER' }],
      });
    expect(admin.status).toBe(201);
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: admin.body.email, password: 'correct-horse-battery' })
      .expect(200);
    const token = login.body.accessToken;
    await t.http
      .put(url(w.bureau))
      .set(bearer(token))
      .send({ members: [leader('局长')] })
      .expect(200);
    // a REPORTER above the schools covers them too
    await t.http
      .put(url(w.schools.s2))
      .set(bearer(token))
      .send({ members: [leader('校长乙')] })
      .expect(200);
    await t.http.post(`/api/v1/campaigns/${campaign}/close`).set(bearer(w.organizer.token)).expect(200);
    const closed = await t.http
      .put(url(w.schools.s2))
      .set(bearer(w.reporter2.token))
      .send({ members: [leader('校长丙')] })
      .expect(422);
    expect(closed.body.statusCode).toBe(422);
    await t.http.get(url(w.schools.s2)).set(bearer(w.reporter2.token)).expect(200);
  });
});
