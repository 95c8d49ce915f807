// Issue 17, "wrong today": what a summary (a roll-up above all) states must be true. Each case builds the
// rows that made a document lie before, generates the summary through the API and reads what it says.
import { docxText } from './support/documents.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import { binaryBody, buildEventsWorld, type EventsWorld } from './support/events-fixtures.js';
import { bearer } from './support/fixtures.js';

const S = (c: string, o: string) => `/api/v1/campaigns/${c}/organizations/${o}/summary`;

interface Doc {
  sections: {
    key: string;
    paragraphs: { key: string; text: string; figures: { id: string; value: string; source: SourceLike }[] }[];
    table?: { rows: { text: string }[][] };
  }[];
}
interface SourceLike {
  kind: string;
  filter: Record<string, unknown>;
  taskIds?: string[];
}
const paragraphs = (doc: Doc) => doc.sections.flatMap((s) => s.paragraphs);
const paragraph = (doc: Doc, key: string) => paragraphs(doc).find((p) => p.key === key);
const tableRow = (doc: Doc, unit: string) =>
  doc.sections
    .find((s) => s.key === 'units')
    ?.table?.rows.find((r) => r[1]?.text === unit)
    ?.map((c) => c.text);

/** A UNIT summary version handed in at `submittedAt` (an instant), written straight into the table. */
async function handedIn(w: EventsWorld, unit: string, status: 'SUBMITTED' | 'APPROVED', submittedAt: string) {
  await sql(
    `INSERT INTO summary_report (tenant_id, campaign_id, organization_id, scope, version, status, title, facts, sections,
                                 submitted_at, updated_at)
     SELECT $1, $2, $3, 'UNIT', COALESCE(MAX(version), 0) + 1, $4::"ReportStatus", '活动总结', '{}', '[]', $5::timestamptz, now()
       FROM summary_report WHERE tenant_id = $1 AND campaign_id = $2 AND organization_id = $3 AND scope = 'UNIT'`,
    [w.tenant.tenantId, w.campaign.id, unit, status, submittedAt],
  );
}

describe('summaries tell the truth (issue 17)', () => {
  let t: TestApp;
  let w: EventsWorld;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '100000' });
    // 反诈中心 (R, not taking part) ─ 城关派出所 (A) ─ 城关社区警务室 (A1); R ─ 东城派出所 (B); reports due 2026-12-05
    w = await buildEventsWorld(t.http);
  }, 60_000);
  afterAll(() => t.close());

  const rollup = async () =>
    (await t.http.post(S(w.campaign.id, w.org.R)).set(bearer(w.organizerR.token)).send({ scope: 'ROLLUP' }).expect(201))
      .body;

  describe('item 1: a unit that handed in after the deadline is late', () => {
    afterAll(() => sql(`DELETE FROM summary_report WHERE campaign_id = $1`, [w.campaign.id]));

    it('counts the first hand-in day in the tenant’s time zone and never writes 均按时提交 over a late one', async () => {
      // 城关派出所: 23:30 in Shanghai on the due day (15:30 UTC): on time
      await handedIn(w, w.org.A, 'SUBMITTED', '2026-12-05T15:30:00Z');
      // 城关社区警务室: handed in on the 3rd, approved since
      await handedIn(w, w.org.A1, 'APPROVED', '2026-12-03T02:00:00Z');
      // 东城派出所: 00:30 in Shanghai on the 6th (still the 5th in UTC): late
      await handedIn(w, w.org.B, 'SUBMITTED', '2026-12-05T16:30:00Z');
      const body = await rollup();
      const late = Object.fromEntries(body.facts.units.map((u: { name: string; late: boolean }) => [u.name, u.late]));
      expect(late).toEqual({ 城关派出所: false, 城关社区警务室: false, 东城派出所: true });
      const text = paragraph(body.document, 'units.participation')?.text ?? '';
      expect(text).not.toContain('均已按时提交');
      expect(text).toContain('东城派出所');
      expect(text).toContain('逾期提交');
      expect(text).not.toMatch(/城关派出所[^。]*逾期/);
      expect(tableRow(body.document, '东城派出所')?.at(-1)).toBe('已提交（逾期提交）');
      expect(tableRow(body.document, '城关派出所')?.at(-1)).toBe('已提交');
    });

    it('a summary handed in on time, returned and handed in again later, was still handed in on time', async () => {
      await sql(`DELETE FROM summary_report WHERE campaign_id = $1`, [w.campaign.id]);
      await handedIn(w, w.org.A, 'SUBMITTED', '2026-12-04T02:00:00Z');
      await handedIn(w, w.org.A1, 'SUBMITTED', '2026-12-04T02:00:00Z');
      await handedIn(w, w.org.B, 'SUBMITTED', '2026-12-04T02:00:00Z');
      await sql(
        `UPDATE summary_report SET status = 'RETURNED' WHERE organization_id = $1 AND campaign_id = $2 AND version = 1`,
        [w.org.B, w.campaign.id],
      );
      await handedIn(w, w.org.B, 'SUBMITTED', '2026-12-06T02:00:00Z');
      const body = await rollup();
      expect(body.facts.units.every((u: { late: boolean }) => !u.late)).toBe(true);
      expect(paragraph(body.document, 'units.participation')?.text).toContain('各单位均已按时提交');
    });
  });

  describe('item 2: a task handed down is counted once, through the units’ tasks', () => {
    const tasksUrl = () => `/api/v1/campaigns/${w.campaign.id}/tasks`;
    const patchTask = (id: string, status: string, token = w.organizerR.token) =>
      t.http.patch(`/api/v1/tasks/${id}`).set(bearer(token)).send({ status }).expect(200);
    const status = async (id: string) =>
      (
        await sql<{ status: string; done: boolean }>(
          `SELECT status, completed_at IS NOT NULL AS done FROM task WHERE id = $1`,
          [id],
        )
      )[0];
    let parents: string[] = [];
    /** parent id → unit id → child id */
    const kids: Record<string, Record<string, string>> = {};

    beforeAll(async () => {
      await sql(`DELETE FROM summary_report WHERE campaign_id = $1`, [w.campaign.id]);
      // three tasks handed down from 反诈中心 to 城关派出所 and 东城派出所: six tasks of units
      parents = [];
      for (const [title, dueOn] of [
        ['张贴宣传海报', '2026-11-20'],
        ['召开反诈专题会议', undefined],
        ['走访辖区商户', undefined],
      ] as const) {
        const res = await t.http
          .post(tasksUrl())
          .set(bearer(w.organizerR.token))
          .send({ organizationId: w.org.R, title, cascade: 'CHILDREN', ...(dueOn ? { dueOn } : {}) })
          .expect(201);
        parents.push(res.body.id);
        const rows = await sql<{ id: string; organization_id: string }>(
          `SELECT id, organization_id FROM task WHERE parent_task_id = $1`,
          [res.body.id],
        );
        kids[res.body.id] = Object.fromEntries(rows.map((r) => [r.organization_id, r.id]));
      }
      // 城关派出所 finished the poster task; 东城派出所's is overdue (due 11月20日)
      await patchTask(kids[parents[0]!]![w.org.A]!, 'DONE', w.reporterA.token);
    });

    it('a roll-up counts the six tasks the units hold, one done, one overdue, and each figure’s rows are what it counts', async () => {
      const body = await rollup();
      expect(body.facts.tasks).toMatchObject({ total: 6, done: 1, overdue: 1, cancelled: 0 });
      const p = paragraph(body.document, 'deployment.tasks')!;
      expect(p.text).toContain('各单位共部署具体任务6项');
      expect(p.text).toContain('已完成1项');
      expect(p.text).toContain('逾期未完成1项');
      expect(p.text).not.toContain('9项');
      for (const f of p.figures) {
        // every figure here counts fewer than 20 rows: the sample is all of them
        expect(f.source.taskIds).toHaveLength(Number(f.value));
        for (const id of f.source.taskIds ?? []) expect(parents).not.toContain(id);
        expect(f.source.filter).toMatchObject({ subtree: true, leafTasks: true });
      }
      const overdue = p.figures.find((f) => f.id.endsWith('.overdue'))!;
      expect(overdue.source.taskIds).toEqual([kids[parents[0]!]![w.org.B]]);
    });

    it('a task handed down follows its units’ tasks: in progress, done when all are done or cancelled, cancelled when all are', async () => {
      const [poster, meeting, visit] = parents as [string, string, string];
      expect(await status(poster)).toEqual({ status: 'IN_PROGRESS', done: false });
      expect(await status(meeting)).toEqual({ status: 'TODO', done: false });
      await patchTask(kids[poster]![w.org.B]!, 'DONE', w.reporterB.token);
      expect(await status(poster)).toEqual({ status: 'DONE', done: true });
      // reopened by a unit: the task handed down is open again
      await patchTask(kids[poster]![w.org.B]!, 'IN_PROGRESS', w.reporterB.token);
      expect(await status(poster)).toEqual({ status: 'IN_PROGRESS', done: false });
      // one unit's task cancelled, the other's done: done
      await patchTask(kids[meeting]![w.org.A]!, 'CANCELLED');
      expect(await status(meeting)).toEqual({ status: 'TODO', done: false });
      await patchTask(kids[meeting]![w.org.B]!, 'DONE', w.reporterB.token);
      expect(await status(meeting)).toEqual({ status: 'DONE', done: true });
      // every unit's task cancelled: cancelled
      await patchTask(kids[visit]![w.org.A]!, 'CANCELLED');
      await patchTask(kids[visit]![w.org.B]!, 'CANCELLED');
      expect(await status(visit)).toEqual({ status: 'CANCELLED', done: false });
      // its own status is not set by hand (only cancelling it, which cancels its units' open tasks)
      await t.http
        .patch(`/api/v1/tasks/${poster}`)
        .set(bearer(w.organizerR.token))
        .send({ status: 'DONE' })
        .expect(422);
      expect(await status(poster)).toEqual({ status: 'IN_PROGRESS', done: false });
    });
  });

  describe('item 7: an organization that does not take part has a roll-up only', () => {
    it('its summary routes default to the roll-up; a participant’s still default to its own summary', async () => {
      const organizer = bearer(w.organizerR.token);
      const generated = await t.http.post(S(w.campaign.id, w.org.R)).set(organizer).send({}).expect(201);
      expect(generated.body).toMatchObject({ scope: 'ROLLUP', facts: { kind: 'ROLLUP' } });
      const got = await t.http.get(S(w.campaign.id, w.org.R)).set(organizer).expect(200);
      // nothing changed since it was generated: the roll-up, computed again, prints the same
      expect(got.body).toMatchObject({ scope: 'ROLLUP', version: generated.body.version, outdated: false });
      for (const ext of ['docx', 'pdf', 'md']) {
        await t.http
          .get(`${S(w.campaign.id, w.org.R)}.${ext}`)
          .set(organizer)
          .expect(200);
      }
      // an explicit UNIT scope still names the missing participant
      await t.http.get(S(w.campaign.id, w.org.R)).query({ scope: 'UNIT' }).set(organizer).expect(404);
      const unit = await t.http.post(S(w.campaign.id, w.org.A)).set(bearer(w.reporterA.token)).send({}).expect(201);
      expect(unit.body.scope).toBe('UNIT');
    }, 30_000);
  });

  describe('item 4: what a download still lacks, and the day it is signed', () => {
    const download = (path: string, token: string) =>
      t.http.get(path).set(bearer(token)).buffer(true).parse(binaryBody).expect(200);
    /** Writes every paragraph the version still asks for. */
    const writeAll = async (path: string, token: string, scope: 'UNIT' | 'ROLLUP') => {
      const got = await t.http.get(path).query({ scope }).set(bearer(token)).expect(200);
      const narrative = Object.fromEntries(
        (got.body.needsInput as string[]).map((key) => [key, '下一步，我们将持续深化反诈宣传。']),
      );
      return t.http
        .patch(path)
        .set(bearer(token))
        .set('If-Match', String(got.body.version))
        .send({ scope, narrative })
        .expect(200);
    };

    it('a roll-up’s Word, PDF and Markdown say how many paragraphs are still to write, as its JSON lists them', async () => {
      const path = S(w.campaign.id, w.org.R);
      const generated = await t.http.post(path).set(bearer(w.organizerR.token)).send({ scope: 'ROLLUP' }).expect(201);
      const open = generated.body.needsInput as string[];
      expect(open).toContain('shortcomings');
      for (const ext of ['docx', 'pdf', 'md']) {
        const res = await download(`${path}.${ext}?scope=ROLLUP`, w.organizerR.token);
        expect(res.headers['x-summary-needs-input']).toBe(String(open.length));
      }
      expect(
        await docxText((await download(`${path}.docx?scope=ROLLUP`, w.organizerR.token)).body as Buffer),
      ).toContain('【待填写】');
      await writeAll(path, w.organizerR.token, 'ROLLUP');
      const done = await download(`${path}.docx?scope=ROLLUP`, w.organizerR.token);
      expect(done.headers['x-summary-needs-input']).toBe('0');
      expect(await docxText(done.body as Buffer)).not.toMatch(/【待/);
    }, 30_000);

    describe('while the month is still running', () => {
      beforeAll(() =>
        sql(`UPDATE campaign SET ends_on = '2026-12-31', report_due_on = '2027-01-05' WHERE id = $1`, [w.campaign.id]),
      );
      afterAll(() =>
        sql(`UPDATE campaign SET ends_on = '2026-11-30', report_due_on = '2026-12-05' WHERE id = $1`, [w.campaign.id]),
      );

      it('a draft is signed on the day it was generated, never on a day to come, and on the day it is submitted once it is', async () => {
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
        const chinese = (day: string) => {
          const [y, m, d] = day.split('-').map(Number);
          return `${y}年${m}月${d}日`;
        };
        const path = S(w.campaign.id, w.org.B);
        const draft = await t.http.post(path).set(bearer(w.reporterB.token)).send({}).expect(201);
        expect(draft.body.document.signature.isoDate).toBe(today);
        const edited = await writeAll(path, w.reporterB.token, 'UNIT');
        // as if generated (and downloaded) five days ago
        await sql(
          `UPDATE summary_report SET sections = jsonb_set(jsonb_set(sections, '{signature,isoDate}', '"2026-12-01"'),
                                                          '{signature,date}', '"2026年12月1日"'),
                                     facts = jsonb_set(facts, '{signatureDate}', '"2026-12-01"')
            WHERE id = $1`,
          [edited.body.id],
        );
        expect(await docxText((await download(`${path}.docx`, w.reporterB.token)).body as Buffer)).toContain(
          '2026年12月1日',
        );
        const submitted = await t.http.post(`${path}/submit`).set(bearer(w.reporterB.token)).send({}).expect(200);
        expect(submitted.body.document.signature).toMatchObject({ isoDate: today, date: chinese(today) });
        expect(submitted.body.facts.signatureDate).toBe(today);
        for (const ext of ['docx', 'md']) {
          const res = await download(`${path}.${ext}`, w.reporterB.token);
          const text = ext === 'docx' ? await docxText(res.body as Buffer) : (res.body as Buffer).toString('utf8');
          expect(text).toContain(chinese(today));
          expect(text).not.toContain('2026年12月1日');
        }
      }, 30_000);
    });
  });

  describe('item 3: a version is outdated when any figure or fact it prints has changed', () => {
    const path = () => S(w.campaign.id, w.org.A);
    const reporter = () => bearer(w.reporterA.token);
    const outdated = async () => (await t.http.get(path()).set(reporter()).expect(200)).body.outdated as boolean;
    const regenerate = async () => {
      await t.http.post(path()).set(reporter()).send({}).expect(201);
      expect(await outdated()).toBe(false);
    };
    let leaflets: string;
    let posters: string;
    let task: string;

    beforeAll(async () => {
      await sql(`DELETE FROM summary_report WHERE campaign_id = $1`, [w.campaign.id]);
      const log = async (type: string, title: string, audience: number) =>
        (
          await t.http
            .post(`/api/v1/campaigns/${w.campaign.id}/events`)
            .set(reporter())
            .send({ organizationId: w.org.A, type, title, occurredOn: '2026-11-10', metrics: { audience } })
            .expect(201)
        ).body.id as string;
      leaflets = await log('LEAFLET', '集市日发放宣传单', 300);
      posters = await log('POSTER', '社区张贴海报', 200);
      task = (
        await t.http
          .post(`/api/v1/campaigns/${w.campaign.id}/tasks`)
          .set(bearer(w.organizerR.token))
          .send({ organizationId: w.org.A, title: '组织一次集市日宣传' })
          .expect(201)
      ).body.id;
      await regenerate();
    });

    it('nothing changed: not outdated, however often it is read', async () => {
      expect(await outdated()).toBe(false);
      expect(await outdated()).toBe(false);
    });

    it('an event’s type changed (same totals, other figures in section 三)', async () => {
      await t.http.patch(`/api/v1/events/${posters}`).set(reporter()).send({ type: 'MEETING' }).expect(200);
      expect(await outdated()).toBe(true);
      await regenerate();
    });

    it('a task done after the version was generated', async () => {
      await t.http.patch(`/api/v1/tasks/${task}`).set(reporter()).send({ status: 'DONE' }).expect(200);
      expect(await outdated()).toBe(true);
      await regenerate();
    });

    it('a leading group saved after the version was generated', async () => {
      await t.http
        .put(`/api/v1/campaigns/${w.campaign.id}/organizations/${w.org.A}/leading-group`)
        .set(reporter())
        .send({ members: [{ name: '王军', title: '所长', role: 'LEADER', duty: '全面负责' }] })
        .expect(200);
      expect(await outdated()).toBe(true);
      await regenerate();
    });

    it('a metric value corrected', async () => {
      await t.http
        .patch(`/api/v1/events/${leaflets}`)
        .set(reporter())
        .send({ metrics: { audience: 350 } })
        .expect(200);
      expect(await outdated()).toBe(true);
      await regenerate();
    });

    it('an event deleted', async () => {
      await t.http.delete(`/api/v1/events/${posters}`).set(reporter()).expect(204);
      expect(await outdated()).toBe(true);
      await regenerate();
    });

    it('an edit of the narrative keeps the version’s figures: still current when nothing changed', async () => {
      const got = await t.http.get(path()).set(reporter()).expect(200);
      const edited = await t.http
        .patch(path())
        .set(reporter())
        .set('If-Match', String(got.body.version))
        .send({ narrative: { shortcomings: '宣传覆盖面仍需扩大。' } })
        .expect(200);
      expect(edited.body.outdated).toBe(false);
    });
  });
});
