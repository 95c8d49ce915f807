// Issue 4's scenario: the education bureau launches the school month from its template for its whole
// subtree, cascades "国旗下宣讲" to every school, one school sets its leading group and finishes the task,
// and progress shows that school green and the others yellow or red as their dates say.
import { startTestApp, type TestApp, truncateAll } from './support/app.js';
import { bearer, createOrg } from './support/fixtures.js';
import { type Bureau, day, educationBureau, insertEvent } from './support/planning-fixtures.js';

describe('planning scenario: the school month', () => {
  let t: TestApp;
  let w: Bureau;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    w = await educationBureau(t.http);
  }, 120_000);
  afterAll(() => t.close());

  it('runs from the template to a progress board of green, yellow and red schools', async () => {
    const organizer = bearer(w.organizer.token);
    const s4 = await createOrg(t.http, w.admin, w.district, '城南小学', 'SCHOOL');
    const { s1, s2, s3 } = w.schools;

    // 1. The bureau picks the template and the whole subtree's schools in one call, then launches.
    const templates = await t.http.get('/api/v1/campaign-templates').set(organizer).expect(200);
    const school = templates.body.items.find((x: { organizerKinds: string[] }) =>
      x.organizerKinds.includes('EDUCATION_BUREAU'),
    );
    expect(school.name).toBe('防范通讯网络新型违法犯罪宣传月');
    const created = await t.http
      .post('/api/v1/campaigns')
      .set(organizer)
      .send({
        templateKey: school.key,
        startsOn: day(-8),
        endsOn: day(22),
        reportDueOn: day(27),
        directiveTitle: '关于开展防范通讯网络新型违法犯罪宣传月活动的通知',
        participants: { subtreeOf: w.bureau, kinds: school.participantKinds },
      })
      .expect(201);
    const id = created.body.id;
    expect(created.body.participantCount).toBe(4);
    expect(created.body.title).toBe(`${day(-8).slice(0, 4)}年防范通讯网络新型违法犯罪宣传月`);
    await t.http.post(`/api/v1/campaigns/${id}/launch`).set(organizer).expect(200);

    // 2. Two suggested tasks handed down to every school: the leading group (the organizer names its day,
    //    3 days after the start, already past: left alone, the template would say today) and "国旗下宣讲",
    //    due in two days.
    const groupTask = await t.http
      .post(`/api/v1/campaigns/${id}/tasks`)
      .set(organizer)
      .send({ organizationId: w.bureau, templateTaskKey: 'leading-group', dueOn: day(-5), cascade: 'PARTICIPANTS' })
      .expect(201);
    expect(groupTask.body).toEqual(expect.objectContaining({ dueOn: day(-5), kind: 'LEADING_GROUP' }));
    const flag = await t.http
      .post(`/api/v1/campaigns/${id}/tasks`)
      .set(organizer)
      .send({ organizationId: w.bureau, title: '国旗下宣讲', dueOn: day(2), cascade: 'PARTICIPANTS' })
      .expect(201);
    expect(flag.body.children).toEqual({ total: 4, todo: 4, inProgress: 0, done: 0, cancelled: 0, overdue: 0 });

    // 3. 一中 records its leading group, assigns and finishes both tasks, and logs the talk.
    const reporter1 = bearer(w.reporter1.token);
    const group = await t.http
      .put(`/api/v1/campaigns/${id}/organizations/${s1}/leading-group`)
      .set(reporter1)
      .send({
        members: [
          { name: '张华', title: '校长', role: 'LEADER', duty: '全面负责' },
          { name: '李强', title: '副校长', role: 'DEPUTY', duty: '负责活动的具体组织实施' },
          { name: '王芳', title: '主任', role: 'MEMBER', department: '政教处', duty: '负责国旗下宣讲和主题班会' },
        ],
      })
      .expect(200);
    const wang = group.body.members.find((m: { name: string }) => m.name === '王芳').id;
    const s1Tasks = (await t.http.get(`/api/v1/campaigns/${id}/tasks`).set(reporter1).expect(200)).body.items as {
      id: string;
      title: string;
    }[];
    expect(s1Tasks.map((x) => x.title).sort()).toEqual(['国旗下宣讲', '成立宣传月活动领导小组']);
    for (const task of s1Tasks) {
      await t.http
        .patch(`/api/v1/tasks/${task.id}`)
        .set(reporter1)
        .send({ status: 'DONE', responsibleMemberId: wang })
        .expect(200);
    }
    await insertEvent(
      {
        tenantId: w.tenant.tenantId,
        campaignId: id,
        organizationId: s1,
        type: 'FLAG_CEREMONY',
        occurredOn: day(0),
        title: '国旗下讲话：远离电信网络诈骗',
      },
      { audience: 1800 },
    );

    // 二中 has its group task done but not the talk yet (due in two days); 城关小学 and 城南小学 did nothing.
    const reporter2 = bearer(w.reporter2.token);
    const s2Tasks = (
      await t.http.get(`/api/v1/campaigns/${id}/tasks`).query({ status: 'TODO' }).set(reporter2).expect(200)
    ).body.items as { id: string; title: string }[];
    await t.http
      .patch(`/api/v1/tasks/${s2Tasks.find((x) => x.title === '成立宣传月活动领导小组')!.id}`)
      .set(reporter2)
      .send({ status: 'DONE' })
      .expect(200);

    // 4. The board.
    const board = await t.http
      .get(`/api/v1/campaigns/${id}/progress`)
      .query({ sort: 'light' })
      .set(organizer)
      .expect(200);
    const light = Object.fromEntries(
      board.body.items.map((u: { organizationId: string; light: string }) => [u.organizationId, u.light]),
    );
    expect(light).toEqual({ [s1]: 'GREEN', [s2]: 'YELLOW', [s3]: 'RED', [s4]: 'RED' });
    expect(board.body.lights).toEqual({ GREEN: 1, YELLOW: 1, RED: 2 });
    expect(board.body.items.map((u: { light: string }) => u.light)).toEqual(['RED', 'RED', 'YELLOW', 'GREEN']);
    const one = board.body.items.find((u: { organizationId: string }) => u.organizationId === s1);
    expect(one).toEqual(
      expect.objectContaining({
        leadingGroupSet: true,
        leaderName: '张华',
        tasks: { total: 2, done: 2, overdue: 0, dueSoon: 0 },
        eventCount: 1,
        summaryStatus: null,
      }),
    );
    expect(board.body.items.find((u: { organizationId: string }) => u.organizationId === s3).tasks).toEqual({
      total: 2,
      done: 0,
      overdue: 1,
      dueSoon: 1,
    });

    // The parent tasks show how far the schools got; the school sees only itself; the stats count the talk.
    const parents = await t.http
      .get(`/api/v1/campaigns/${id}/tasks`)
      .query({ organizationId: w.bureau })
      .set(organizer)
      .expect(200);
    const flagParent = parents.body.items.find((x: { id: string }) => x.id === flag.body.id);
    expect(flagParent.children).toEqual({ total: 4, todo: 3, inProgress: 0, done: 1, cancelled: 0, overdue: 0 });
    const groupParent = parents.body.items.find((x: { id: string }) => x.id === groupTask.body.id);
    expect(groupParent.children).toEqual(expect.objectContaining({ done: 2, overdue: 2 }));
    const mine = await t.http.get(`/api/v1/campaigns/${id}/progress`).set(reporter1).expect(200);
    expect(mine.body.items.map((u: { organizationId: string; light: string }) => [u.organizationId, u.light])).toEqual([
      [s1, 'GREEN'],
    ]);
    const stats = await t.http.get(`/api/v1/campaigns/${id}/stats`).set(organizer).expect(200);
    expect(stats.body.byType).toEqual([{ type: 'FLAG_CEREMONY', count: 1, metricSums: { audience: '1800.00' } }]);
  });
});
