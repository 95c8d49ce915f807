// Tasks: GET|POST /campaigns/:id/tasks (one unit or cascaded down the tree) and PATCH /tasks/:id.
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import { bearer } from './support/fixtures.js';
import { type Bureau, createCampaign, day, educationBureau, launch, leader } from './support/planning-fixtures.js';

const fields = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];

describe('tasks', () => {
  let t: TestApp;
  let w: Bureau;
  let other: Bureau;
  let campaign: string;
  const tasksUrl = (id = campaign) => `/api/v1/campaigns/${id}/tasks`;
  const taskCount = async (id = campaign) =>
    (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM task WHERE campaign_id = $1`, [id]))[0]!.n;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    w = await educationBureau(t.http);
    other = await educationBureau(t.http, '另一教育局');
    // startsOn day(-10), endsOn day(20), reportDueOn day(25); every unit below the bureau takes part
    campaign = (await createCampaign(t.http, w.organizer.token, { participants: { subtreeOf: w.bureau } })).id;
    await launch(t.http, w.organizer.token, campaign);
  }, 120_000);
  afterAll(() => t.close());

  describe('POST /campaigns/:id/tasks', () => {
    it('creates a task for one unit', async () => {
      const res = await t.http
        .post(tasksUrl())
        .set(bearer(w.organizer.token))
        .send({
          organizationId: w.schools.s1,
          title: '张贴宣传海报',
          description: '在校门口和教学楼张贴',
          dueOn: day(5),
        })
        .expect(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          campaignId: campaign,
          organization: { id: w.schools.s1, name: '江城县第一中学' },
          parentTaskId: null,
          title: '张贴宣传海报',
          description: '在校门口和教学楼张贴',
          dueOn: day(5),
          status: 'TODO',
          overdue: false,
          completedAt: null,
          responsible: null,
          children: null,
        }),
      );
      const audit = await sql(`SELECT action FROM audit_entry WHERE entity_id = $1`, [res.body.id]);
      expect(audit.map((a) => a.action)).toEqual(['task.create']);
    });

    it("takes title, description and due day from the template's suggested task, never a past day", async () => {
      // the template says 7 days after the first day (day(-10) + 7 = day(-3)): a task created today is due today
      const res = await t.http
        .post(tasksUrl())
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.schools.s2, templateTaskKey: 'flag-ceremony' })
        .expect(201);
      expect(res.body).toEqual(
        expect.objectContaining({ title: '国旗下宣讲', dueOn: day(0), kind: 'GENERAL', overdue: false }),
      );
      expect(res.body.description).toContain('升旗仪式');
      // a day the organizer names is kept, past or not
      const past = await t.http
        .post(tasksUrl())
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.schools.s2, templateTaskKey: 'flag-ceremony', dueOn: day(-3) })
        .expect(201);
      expect(past.body).toEqual(expect.objectContaining({ title: '国旗下宣讲', dueOn: day(-3), overdue: true }));
      const named = await t.http
        .post(tasksUrl())
        .set(bearer(w.organizer.token))
        .send({
          organizationId: w.schools.s2,
          templateTaskKey: 'class-meeting',
          title: '高一年级主题班会',
          dueOn: day(12),
        })
        .expect(201);
      expect(named.body).toEqual(expect.objectContaining({ title: '高一年级主题班会', dueOn: day(12) }));
    });

    it('cascades to every participant below the unit: one child per unit, linked, in one call', async () => {
      const res = await t.http
        .post(tasksUrl())
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.bureau, title: '召开防诈骗主题班会', dueOn: day(14), cascade: 'PARTICIPANTS' })
        .expect(201);
      expect(res.body.organization.id).toBe(w.bureau);
      expect(res.body.children).toEqual({ total: 5, todo: 5, inProgress: 0, done: 0, cancelled: 0, overdue: 0 });
      const kids = await sql<{ organization_id: string; title: string; due_on: Date }>(
        `SELECT organization_id, title, due_on FROM task WHERE parent_task_id = $1 ORDER BY organization_id`,
        [res.body.id],
      );
      expect(kids.map((k) => k.organization_id).sort()).toEqual(
        [w.schools.s1, w.schools.s2, w.district, w.schools.s3, w.office].sort(),
      );
      expect(new Set(kids.map((k) => k.title))).toEqual(new Set(['召开防诈骗主题班会']));
    });

    it('cascades to participating children only, and from a district to its own units', async () => {
      const children = await t.http
        .post(tasksUrl())
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.bureau, title: '报送宣传方案', cascade: 'CHILDREN' })
        .expect(201);
      expect(children.body.children.total).toBe(3); // s1, s2, the district
      const district = await t.http
        .post(tasksUrl())
        .set(bearer(w.districtOrganizer.token))
        .send({ organizationId: w.district, title: '学区内部署', cascade: 'PARTICIPANTS', dueOn: day(3) })
        .expect(201);
      expect(district.body.children.total).toBe(2); // s3 and the office
    });

    it('refuses bad input with the field named and writes nothing', async () => {
      const before = await taskCount();
      const post = (body: object) => t.http.post(tasksUrl()).set(bearer(w.organizer.token)).send(body);
      expect(
        fields((await post({ organizationId: w.schools.s1, title: 'x', dueOn: day(26) }).expect(400)).body),
      ).toEqual(['dueOn']);
      // before the campaign's first day (day(-10)): a task cannot be overdue before the month begins
      expect(
        fields((await post({ organizationId: w.schools.s1, title: 'x', dueOn: day(-11) }).expect(400)).body),
      ).toEqual(['dueOn']);
      expect(
        fields((await post({ organizationId: w.schools.s1, title: 'x', dueOn: '2026-13-01' }).expect(400)).body),
      ).toEqual(['dueOn']);
      expect(fields((await post({ organizationId: w.schools.s1 }).expect(400)).body)).toEqual(['title']);
      expect(
        fields((await post({ organizationId: w.schools.s1, templateTaskKey: 'dragon-dance' }).expect(400)).body),
      ).toEqual(['templateTaskKey']);
      expect(
        fields((await post({ organizationId: w.schools.s1, title: 'x', cascade: 'EVERYONE' }).expect(400)).body),
      ).toEqual(['cascade']);
      expect(
        fields((await post({ organizationId: w.schools.s1, title: 'x', cascade: 'CHILDREN' }).expect(400)).body),
      ).toEqual(['cascade']);
      expect(
        fields((await post({ organizationId: w.schools.s1, title: 'x', priority: 'HIGH' }).expect(400)).body),
      ).toEqual(['priority']);
      expect(fields((await post({ organizationId: 'school-one', title: 'x' }).expect(400)).body)).toEqual([
        'organizationId',
      ]);
      expect(
        fields(
          (
            await post({
              organizationId: w.schools.s1,
              title: 'x',
              responsibleMemberId: '00000000-0000-4000-8000-000000000000',
            }).expect(400)
          ).body,
        ),
      ).toEqual(['responsibleMemberId']);
      expect(fields((await post({ organizationId: w.schools.s1, title: 'x'.repeat(201) }).expect(400)).body)).toEqual([
        'title',
      ]);
      expect(await taskCount()).toBe(before);
    });

    it('refuses a unit that does not take part (400) and a template task on a blank campaign (400)', async () => {
      const { id } = await createCampaign(t.http, w.organizer.token, {
        templateKey: undefined,
        title: '空白活动',
        participants: { organizationIds: [w.schools.s1] },
      });
      const res = await t.http
        .post(tasksUrl(id))
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.schools.s2, title: 'x' })
        .expect(400);
      expect(fields(res.body)).toEqual(['organizationId']);
      const tpl = await t.http
        .post(tasksUrl(id))
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.schools.s1, templateTaskKey: 'flag-ceremony' })
        .expect(400);
      expect(fields(tpl.body)).toEqual(['templateTaskKey']);
      // the organizer unit may hold tasks without taking part
      await t.http
        .post(tasksUrl(id))
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.bureau, title: '制定方案' })
        .expect(201);
    });

    it('answers 404 outside the scope, 403 for roles that cannot create tasks, 422 on a closed campaign', async () => {
      await t.http
        .post(tasksUrl())
        .set(bearer(w.districtOrganizer.token))
        .send({ organizationId: w.schools.s1, title: 'x' })
        .expect(404);
      await t.http
        .post(tasksUrl())
        .set(bearer(other.organizer.token))
        .send({ organizationId: other.schools.s1, title: 'x' })
        .expect(404);
      await t.http
        .post(tasksUrl())
        .set(bearer(w.reporter1.token))
        .send({ organizationId: w.schools.s1, title: 'x' })
        .expect(403);
      const { id } = await createCampaign(t.http, w.organizer.token, {
        participants: { organizationIds: [w.schools.s1] },
      });
      await launch(t.http, w.organizer.token, id);
      await t.http.post(`/api/v1/campaigns/${id}/close`).set(bearer(w.organizer.token)).expect(200);
      await t.http
        .post(tasksUrl(id))
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.schools.s1, title: 'x' })
        .expect(422);
    });
  });

  describe('GET /campaigns/:id/tasks', () => {
    it("lists the tasks of units in your scope; parents show their children's progress", async () => {
      const all = await t.http.get(tasksUrl()).query({ pageSize: 200 }).set(bearer(w.organizer.token)).expect(200);
      expect(all.body.total).toBe(all.body.items.length);
      const parent = all.body.items.find(
        (x: { title: string; organization: { id: string } }) =>
          x.title === '召开防诈骗主题班会' && x.organization.id === w.bureau,
      );
      expect(parent.children.total).toBe(5);
      const mine = await t.http.get(tasksUrl()).query({ pageSize: 200 }).set(bearer(w.reporter1.token)).expect(200);
      expect(new Set(mine.body.items.map((x: { organization: { id: string } }) => x.organization.id))).toEqual(
        new Set([w.schools.s1]),
      );
      // ordered by due day, undated last
      const dues = mine.body.items.map((x: { dueOn: string | null }) => x.dueOn);
      expect(dues.filter(Boolean)).toEqual([...dues.filter(Boolean)].sort());
      expect(dues.indexOf(null) === -1 || dues.slice(dues.indexOf(null)).every((d: string | null) => d === null)).toBe(
        true,
      );
    });

    it("filtering by a unit outside the caller's scope is 404 (a sibling's, another tenant's), as on the events list", async () => {
      const filtered = (org: string) =>
        t.http.get(tasksUrl()).query({ organizationId: org }).set(bearer(w.reporter1.token));
      expect((await filtered(w.schools.s1)).status).toBe(200);
      expect((await filtered(w.schools.s2)).status).toBe(404);
      expect((await filtered(other.schools.s1)).status).toBe(404);
    });

    it('filters by unit, status, overdue, parent and top level, and pages', async () => {
      const get = (query: object) =>
        t.http
          .get(tasksUrl())
          .query({ pageSize: 200, ...query })
          .set(bearer(w.organizer.token))
          .expect(200);
      const s2 = await get({ organizationId: w.schools.s2 });
      expect(s2.body.items.every((x: { organization: { id: string } }) => x.organization.id === w.schools.s2)).toBe(
        true,
      );
      const overdue = await get({ overdue: 'true' });
      expect(overdue.body.items.map((x: { title: string }) => x.title)).toEqual(['国旗下宣讲']);
      const notOverdue = await get({ overdue: 'false' });
      expect(notOverdue.body.total + overdue.body.total).toBe((await get({})).body.total);
      const parent = (await get({ organizationId: w.bureau, topLevel: 'true' })).body.items.find(
        (x: { title: string }) => x.title === '召开防诈骗主题班会',
      );
      const kids = await get({ parentTaskId: parent.id });
      expect(kids.body.total).toBe(5);
      const top = await get({ topLevel: 'true' });
      expect(top.body.items.every((x: { parentTaskId: string | null }) => x.parentTaskId === null)).toBe(true);
      const todo = await get({ status: 'TODO' });
      expect(todo.body.items.every((x: { status: string }) => x.status === 'TODO')).toBe(true);
      const page = await t.http
        .get(tasksUrl())
        .query({ page: 2, pageSize: 3 })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(page.body).toEqual(expect.objectContaining({ page: 2, pageSize: 3 }));
      expect(page.body.items).toHaveLength(3);
    });

    it('refuses bad filters with 400 and answers 404 outside the scope', async () => {
      await t.http.get(tasksUrl()).query({ status: 'LATE' }).set(bearer(w.organizer.token)).expect(400);
      await t.http.get(tasksUrl()).query({ overdue: 'maybe' }).set(bearer(w.organizer.token)).expect(400);
      await t.http.get(tasksUrl()).query({ organizationId: 'x' }).set(bearer(w.organizer.token)).expect(400);
      await t.http.get(tasksUrl()).set(bearer(other.organizer.token)).expect(404);
      await t.http.get(tasksUrl('00000000-0000-4000-8000-000000000000')).set(bearer(w.organizer.token)).expect(404);
    });
  });

  describe('PATCH /tasks/:id', () => {
    let taskId: string;
    let memberId: string;
    beforeAll(async () => {
      const res = await t.http
        .post(tasksUrl())
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.schools.s1, title: '校讯通推送防范提示', dueOn: day(2) })
        .expect(201);
      taskId = res.body.id;
      const group = await t.http
        .put(`/api/v1/campaigns/${campaign}/organizations/${w.schools.s1}/leading-group`)
        .set(bearer(w.reporter1.token))
        .send({ members: [leader('张华'), { name: '陈静', title: '班主任代表', role: 'MEMBER' }] })
        .expect(200);
      memberId = group.body.members[1].id;
    });

    it('lets the unit move the task along, assign it, complete it and reopen it', async () => {
      const started = await t.http
        .patch(`/api/v1/tasks/${taskId}`)
        .set(bearer(w.reporter1.token))
        .send({ status: 'IN_PROGRESS', responsibleMemberId: memberId })
        .expect(200);
      expect(started.body).toEqual(
        expect.objectContaining({
          status: 'IN_PROGRESS',
          responsible: { id: memberId, name: '陈静', title: '班主任代表' },
          completedAt: null,
        }),
      );
      const done = await t.http
        .patch(`/api/v1/tasks/${taskId}`)
        .set(bearer(w.reporter1.token))
        .send({ status: 'DONE' })
        .expect(200);
      expect(done.body.completedAt).toBeTruthy();
      const reopened = await t.http
        .patch(`/api/v1/tasks/${taskId}`)
        .set(bearer(w.reporter1.token))
        .send({ status: 'IN_PROGRESS', responsibleMemberId: null })
        .expect(200);
      expect(reopened.body).toEqual(expect.objectContaining({ completedAt: null, responsible: null }));
      const audit = await sql(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id`, [taskId]);
      expect(audit.map((a) => a.action)).toEqual([
        'task.create',
        'task.status_change',
        'task.status_change',
        'task.status_change',
      ]);
    });

    it('keeps the title, description, due day and cancelling for organizers', async () => {
      await t.http.patch(`/api/v1/tasks/${taskId}`).set(bearer(w.reporter1.token)).send({ title: '改名' }).expect(403);
      await t.http
        .patch(`/api/v1/tasks/${taskId}`)
        .set(bearer(w.reporter1.token))
        .send({ dueOn: day(20) })
        .expect(403);
      await t.http
        .patch(`/api/v1/tasks/${taskId}`)
        .set(bearer(w.reporter1.token))
        .send({ status: 'CANCELLED' })
        .expect(403);
      const edited = await t.http
        .patch(`/api/v1/tasks/${taskId}`)
        .set(bearer(w.organizer.token))
        .send({ title: '校讯通和家长微信群推送防范提示', dueOn: day(4), description: null })
        .expect(200);
      expect(edited.body).toEqual(
        expect.objectContaining({ title: '校讯通和家长微信群推送防范提示', dueOn: day(4), description: null }),
      );
      const undated = await t.http
        .patch(`/api/v1/tasks/${taskId}`)
        .set(bearer(w.organizer.token))
        .send({ dueOn: null })
        .expect(200);
      expect(undated.body.dueOn).toBeNull();
    });

    it('refuses bad input with the field named and changes nothing', async () => {
      const before = (await sql(`SELECT title, status, due_on FROM task WHERE id = $1`, [taskId]))[0];
      const patch = (body: object, token = w.organizer.token) =>
        t.http.patch(`/api/v1/tasks/${taskId}`).set(bearer(token)).send(body);
      expect(fields((await patch({ dueOn: day(26) }).expect(400)).body)).toEqual(['dueOn']);
      expect(fields((await patch({ dueOn: day(-11) }).expect(400)).body)).toEqual(['dueOn']);
      expect(fields((await patch({ status: 'LATE' }).expect(400)).body)).toEqual(['status']);
      expect(fields((await patch({ status: null }).expect(400)).body)).toEqual(['status']);
      expect(fields((await patch({ title: null }).expect(400)).body)).toEqual(['title']);
      expect(fields((await patch({ campaignId: campaign }).expect(400)).body)).toEqual(['campaignId']);
      const s2Member = await t.http
        .put(`/api/v1/campaigns/${campaign}/organizations/${w.schools.s2}/leading-group`)
        .set(bearer(w.reporter2.token))
        .send({ members: [leader('钱校长')] })
        .expect(200);
      // a member of another unit's group cannot be responsible here
      expect(
        fields((await patch({ responsibleMemberId: s2Member.body.members[0].id }, w.reporter1.token).expect(400)).body),
      ).toEqual(['responsibleMemberId']);
      expect((await sql(`SELECT title, status, due_on FROM task WHERE id = $1`, [taskId]))[0]).toEqual(before);
    });

    it('cancelling a cascaded task cancels its open children; done ones stay done', async () => {
      const parent = await t.http
        .post(tasksUrl())
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.bureau, title: '发放《致家长的一封信》', cascade: 'CHILDREN', dueOn: day(9) })
        .expect(201);
      const kids = (
        await t.http.get(tasksUrl()).query({ parentTaskId: parent.body.id }).set(bearer(w.organizer.token)).expect(200)
      ).body.items;
      const s1Kid = kids.find((k: { organization: { id: string } }) => k.organization.id === w.schools.s1);
      await t.http
        .patch(`/api/v1/tasks/${s1Kid.id}`)
        .set(bearer(w.reporter1.token))
        .send({ status: 'DONE' })
        .expect(200);
      const listed = await t.http
        .get(tasksUrl())
        .query({ organizationId: w.bureau, topLevel: 'true', pageSize: 200 })
        .set(bearer(w.organizer.token))
        .expect(200);
      expect(listed.body.items.find((x: { id: string }) => x.id === parent.body.id).children).toEqual({
        total: 3,
        todo: 2,
        inProgress: 0,
        done: 1,
        cancelled: 0,
        overdue: 0,
      });
      const cancelled = await t.http
        .patch(`/api/v1/tasks/${parent.body.id}`)
        .set(bearer(w.organizer.token))
        .send({ status: 'CANCELLED' })
        .expect(200);
      expect(cancelled.body.status).toBe('CANCELLED');
      expect(cancelled.body.children).toEqual({ total: 3, todo: 0, inProgress: 0, done: 1, cancelled: 2, overdue: 0 });
    });

    it('answers 404 for a task of another unit or tenant, 403 for a viewer, 422 on a closed campaign', async () => {
      await t.http.patch(`/api/v1/tasks/${taskId}`).set(bearer(w.reporter2.token)).send({ status: 'DONE' }).expect(404);
      await t.http
        .patch(`/api/v1/tasks/${taskId}`)
        .set(bearer(other.organizer.token))
        .send({ status: 'DONE' })
        .expect(404);
      await t.http
        .patch(`/api/v1/tasks/${taskId}`)
        .set(bearer(w.districtOrganizer.token))
        .send({ status: 'DONE' })
        .expect(404);
      await t.http.patch(`/api/v1/tasks/${taskId}`).set(bearer(w.viewer1.token)).send({ status: 'DONE' }).expect(403);
      await t.http
        .patch('/api/v1/tasks/00000000-0000-4000-8000-000000000000')
        .set(bearer(w.organizer.token))
        .send({ status: 'DONE' })
        .expect(404);
      await t.http.post(`/api/v1/campaigns/${campaign}/close`).set(bearer(w.organizer.token)).expect(200);
      await t.http.patch(`/api/v1/tasks/${taskId}`).set(bearer(w.reporter1.token)).send({ status: 'DONE' }).expect(422);
    });
  });
  describe('成立领导小组: saving the group completes its task (decision 039)', () => {
    let month: string;
    const group = (id: string) => `/api/v1/campaigns/${month}/organizations/${id}/leading-group`;
    const statusOf = async (id: string) =>
      (await sql<{ status: string }>(`SELECT status::text FROM task WHERE id = $1`, [id]))[0]!.status;
    beforeAll(async () => {
      month = (await createCampaign(t.http, w.organizer.token, { participants: { subtreeOf: w.bureau } })).id;
      await launch(t.http, w.organizer.token, month);
    });

    it('hands the task down with its kind; a saved group closes the unit’s task and the parent follows', async () => {
      // s2 recorded its group before the task came: its task starts done
      await t.http
        .put(group(w.schools.s2))
        .set(bearer(w.reporter2.token))
        .send({ members: [leader('李明')] })
        .expect(200);
      const parent = await t.http
        .post(tasksUrl(month))
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.bureau, templateTaskKey: 'leading-group', cascade: 'CHILDREN' })
        .expect(201);
      expect(parent.body).toEqual(
        expect.objectContaining({ kind: 'LEADING_GROUP', dueOn: day(0), status: 'IN_PROGRESS' }),
      );
      const kids = await sql<{ id: string; organization_id: string; kind: string; status: string }>(
        `SELECT id, organization_id, kind::text, status::text FROM task WHERE parent_task_id = $1`,
        [parent.body.id],
      );
      expect(new Set(kids.map((k) => k.kind))).toEqual(new Set(['LEADING_GROUP']));
      const kid = (org: string) => kids.find((k) => k.organization_id === org)!;
      expect(kid(w.schools.s2).status).toBe('DONE');
      expect(kid(w.schools.s1).status).toBe('TODO');

      await t.http
        .put(group(w.schools.s1))
        .set(bearer(w.reporter1.token))
        .send({ members: [leader('张华')] })
        .expect(200);
      expect(await statusOf(kid(w.schools.s1).id)).toBe('DONE');
      const audit = await sql<{ changes: { tasksCompleted: string[] } }>(
        `SELECT changes FROM audit_entry WHERE action = 'leading_group.replace' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit[0]!.changes.tasksCompleted).toEqual([kid(w.schools.s1).id]);
      // the district's task is still open (its group is not recorded), so the bureau's stays in progress
      expect(await statusOf(kid(w.district).id)).toBe('TODO');
      expect(await statusOf(parent.body.id)).toBe('IN_PROGRESS');
    });

    it('leaves a task of another kind open', async () => {
      const other = await t.http
        .post(tasksUrl(month))
        .set(bearer(w.organizer.token))
        .send({ organizationId: w.schools.s1, title: '成立工作专班', dueOn: day(3) })
        .expect(201);
      await t.http
        .put(group(w.schools.s1))
        .set(bearer(w.reporter1.token))
        .send({ members: [leader('张华')] })
        .expect(200);
      expect(await statusOf(other.body.id)).toBe('TODO');
    });
  });
});
