// 督办 (issue 18) through the real AppModule with its job workers on: the bell, 催办 and its hourly limit
// under parallel requests, reminder rules and their checks (escalation to the superior), the returned
// summary's notification with the comment, channels in each platform's own format (钉钉 signed), a failing
// sink retried, secrets masked, internal URLs refused, and GET /jobs/:id scoped to the job's starter.
import { createHmac } from 'node:crypto';
import { type TestApp, sql, startTestApp, truncateAll } from './support/app.js';
import { bearer, createUser } from './support/fixtures.js';
import { eventually, type Hit, startHttpSink, startSmtpSink } from './support/notify-sinks.js';
import { type Bureau, day, schoolsMonth } from './support/planning-fixtures.js';
import { ReminderChecksService } from '../src/modules/reminders/reminder-checks.service.js';

const V1 = '/api/v1';

describe('reminders and notifications (督办)', () => {
  let t: TestApp;
  let plain: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let sink: Awaited<ReturnType<typeof startHttpSink>>;
  let w: Bureau;
  let other: Bureau;
  let campaign: string;
  let reporter3: { id: string; token: string };

  const notes = async (token: string, query = '') =>
    (await t.http.get(`${V1}/notifications${query}`).set(bearer(token)).expect(200)).body as {
      items: { id: string; kind: string; title: string; body: string; link: string; organizationId: string }[];
      total: number;
    };

  beforeAll(async () => {
    await truncateAll();
    smtp = await startSmtpSink();
    sink = await startHttpSink();
    t = await startTestApp({
      WORKERS: 'true',
      SMTP_URL: smtp.url,
      NOTIFY_ALLOW_PRIVATE_URLS: 'true',
      NOTIFY_TICK_SECONDS: '1',
      NOTIFY_RETRY_DELAY_SECONDS: '1',
      JOBS_POLL_SECONDS: '1',
    });
    // the same product without the flag: channel URLs into private networks are refused
    plain = await startTestApp();
    ({ w, other, campaign } = await schoolsMonth(t.http));
    reporter3 = await createUser(t.http, w.admin, [{ organizationId: w.schools.s3, role: 'REPORTER' }], 'reporter3');
  }, 60_000);

  afterAll(async () => {
    await plain?.close();
    await t?.close();
    await sink?.close();
    await smtp?.close();
  });

  describe('reminder rules', () => {
    const rulesUrl = () => `${V1}/campaigns/${campaign}/reminder-rules`;
    const rules = {
      dueSoonDays: 2,
      overdue: true,
      escalateAfterDays: 2,
      noGroupByDay: 1,
      noEventDays: 3,
      summaryDueSoonDays: 5,
      digestHour: 8,
    };

    it('start from the template defaults and are changed by the organizer', async () => {
      const got = await t.http.get(rulesUrl()).set(bearer(w.organizer.token)).expect(200);
      expect(got.body).toEqual({
        dueSoonDays: 3,
        overdue: true,
        escalateAfterDays: 3,
        noGroupByDay: 3,
        noEventDays: 7,
        summaryDueSoonDays: 3,
        digestHour: 9,
      });
      await t.http.put(rulesUrl()).set(bearer(w.organizer.token)).send(rules).expect(200, rules);
      await t.http.get(rulesUrl()).set(bearer(w.organizer.token)).expect(200, rules);
    });

    it('refuse values out of range with field details; reporters 403, another tenant 404', async () => {
      const bad = await t.http
        .put(rulesUrl())
        .set(bearer(w.organizer.token))
        .send({ ...rules, digestHour: 24, dueSoonDays: -1 })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['digestHour', 'dueSoonDays']);
      await t.http
        .put(rulesUrl())
        .set(bearer(w.organizer.token))
        .send({ ...rules, overdue: 'yes' })
        .expect(400);
      await t.http.get(rulesUrl()).set(bearer(w.reporter1.token)).expect(403);
      await t.http.get(rulesUrl()).set(bearer(other.organizer.token)).expect(404);
      await t.http.put(rulesUrl()).set(bearer(other.organizer.token)).send(rules).expect(404);
    });
  });

  describe('催办', () => {
    it('reaches the unit’s reporters at once; requests sent together chase a unit once an hour, the rest skipped', async () => {
      const send = () =>
        t.http
          .post(`${V1}/campaigns/${campaign}/reminders`)
          .set(bearer(w.organizer.token))
          .send({ organizationIds: [w.schools.s1], message: '请本周内完成海报张贴' });
      const answers = await Promise.all(Array.from({ length: 6 }, send));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(answers.map((a) => a.body.units).sort()).toEqual([0, 0, 0, 0, 0, 1]);
      const winner = answers.find((a) => a.body.units === 1)!;
      expect(winner.body).toEqual({ units: 1, recipients: 1, skipped: [] });
      for (const a of answers.filter((x) => x.body.units === 0)) {
        expect(a.body.skipped).toEqual([
          { organizationId: w.schools.s1, reason: 'CHASED_THIS_HOUR', lastChasedAt: expect.any(String) },
        ]);
      }
      const mine = await notes(w.reporter1.token, '?unread=true');
      const chases = mine.items.filter((n) => n.kind === 'CHASE');
      expect(chases).toHaveLength(1);
      expect(chases[0]!.body).toContain('请本周内完成海报张贴');
      expect(chases[0]!.link).toBe(`/unit/${campaign}/tasks`);
      // the unit sees who chased it and when
      const list = await t.http
        .get(`${V1}/campaigns/${campaign}/organizations/${w.schools.s1}/reminders`)
        .set(bearer(w.reporter1.token))
        .expect(200);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ actorId: w.organizer.id, actorName: 'organizer', recipients: 1 });
      const audit = await sql(
        `SELECT organization_id FROM audit_entry WHERE action = 'campaign.chase' AND entity_id = $1`,
        [campaign],
      );
      expect(audit.map((a) => a.organization_id)).toEqual([w.schools.s1]);
      // the other school was not chased
      expect((await notes(w.reporter2.token)).items.filter((n) => n.kind === 'CHASE')).toHaveLength(0);
    });

    it('filters units as the progress board does, and keeps to the organizer’s scope', async () => {
      // nobody has a leading group: NO_GROUP chases s2 and s3 (s1 was chased this hour)
      const res = await t.http
        .post(`${V1}/campaigns/${campaign}/reminders`)
        .set(bearer(w.organizer.token))
        .send({ filter: 'NO_GROUP' })
        .expect(200);
      expect(res.body.units).toBe(2);
      expect(res.body.skipped.map((s: { organizationId: string }) => s.organizationId)).toEqual([w.schools.s1]);
      const n = (await notes(reporter3.token)).items.find((x) => x.kind === 'CHASE')!;
      expect(n.link).toBe(`/unit/${campaign}/group`);
      expect(n.body).toContain('领导小组');
      // reporters cannot chase (403); other tenants, or a unit outside the campaign, are 404
      await t.http.post(`${V1}/campaigns/${campaign}/reminders`).set(bearer(w.reporter1.token)).send({}).expect(403);
      await t.http
        .post(`${V1}/campaigns/${campaign}/reminders`)
        .set(bearer(other.organizer.token))
        .send({})
        .expect(404);
      await t.http
        .post(`${V1}/campaigns/${campaign}/reminders`)
        .set(bearer(w.organizer.token))
        .send({ organizationIds: [other.schools.s1] })
        .expect(404);
      await t.http
        .post(`${V1}/campaigns/${campaign}/reminders`)
        .set(bearer(w.organizer.token))
        .send({ filter: 'LATE' })
        .expect(400);
      await t.http
        .get(`${V1}/campaigns/${campaign}/organizations/${w.schools.s1}/reminders`)
        .set(bearer(w.reporter2.token))
        .expect(404);
    });
  });

  describe('the bell', () => {
    it('lists only the caller’s own notifications; another user’s ids are ignored when marking read', async () => {
      const r1 = await notes(w.reporter1.token);
      const r2 = await notes(w.reporter2.token);
      expect(r1.total).toBeGreaterThan(0);
      expect(r2.items.some((n) => r1.items.some((m) => m.id === n.id))).toBe(false);
      const count = async (token: string) =>
        (await t.http.get(`${V1}/notifications/unread-count`).set(bearer(token)).expect(200)).body.unread as number;
      const before1 = await count(w.reporter1.token);
      // reporter2 names reporter1's notifications: nothing of reporter1's changes
      const foreign = await t.http
        .post(`${V1}/notifications/read`)
        .set(bearer(w.reporter2.token))
        .send({ ids: r1.items.map((n) => n.id) })
        .expect(200);
      expect(foreign.body.updated).toBe(0);
      expect(await count(w.reporter1.token)).toBe(before1);
      // another tenant sees none of them
      expect((await notes(other.organizer.token)).total).toBe(0);
      const own = await t.http
        .post(`${V1}/notifications/read`)
        .set(bearer(w.reporter1.token))
        .send({ ids: [r1.items[0]!.id] })
        .expect(200);
      expect(own.body).toEqual({ updated: 1, unread: before1 - 1 });
      await t.http.post(`${V1}/notifications/read`).set(bearer(w.reporter1.token)).send({}).expect(400);
      await t.http
        .post(`${V1}/notifications/read`)
        .set(bearer(w.reporter1.token))
        .send({ ids: ['nope'] })
        .expect(400);
      const all = await t.http
        .post(`${V1}/notifications/read`)
        .set(bearer(w.reporter1.token))
        .send({ all: true })
        .expect(200);
      expect(all.body.unread).toBe(0);
      expect((await notes(w.reporter1.token, '?unread=true')).total).toBe(0);
    });
  });

  describe('rule checks', () => {
    it('tell the unit of an overdue task, escalate it to the organizers above, once a day however often they run', async () => {
      await sql(
        `INSERT INTO task (tenant_id, campaign_id, organization_id, title, due_on, status)
         VALUES ($1, $2, $3, '张贴反诈海报', $4::date, 'TODO'), ($1, $2, $3, '国旗下宣讲', $5::date, 'IN_PROGRESS')`,
        [w.tenant.tenantId, campaign, w.schools.s3, day(-4), day(1)],
      );
      // the workers' tick runs the checks on its own
      const mine = await eventually(
        async () => {
          const n = await notes(reporter3.token);
          const kinds = new Set(n.items.map((x) => x.kind));
          return ['TASK_OVERDUE', 'TASK_DUE_SOON', 'NO_GROUP', 'NO_EVENTS'].every((k) => kinds.has(k)) && n;
        },
        20_000,
        'the overdue and due-soon notifications',
      );
      const overdue = mine.items.find((x) => x.kind === 'TASK_OVERDUE')!;
      expect(overdue.title).toBe('任务已逾期：张贴反诈海报');
      expect(overdue.body).toContain('逾期4天');
      expect(overdue.link).toBe(`/unit/${campaign}/tasks`);
      // no group by day 1, no event for 3 days (the month started 10 days ago), summary due in 25 days (rule: 5): not yet
      expect(mine.items.map((x) => x.kind)).toEqual(expect.arrayContaining(['NO_GROUP', 'NO_EVENTS']));
      expect(mine.items.some((x) => x.kind === 'SUMMARY_DUE_SOON')).toBe(false);
      // escalation: the district's organizer (s3's parent) and the bureau's (the campaign's organizer unit)
      for (const token of [w.districtOrganizer.token, w.organizer.token]) {
        const up = await eventually(
          async () => (await notes(token)).items.find((x) => x.kind === 'ESCALATION'),
          10_000,
        );
        expect(up.body).toContain('城关小学的任务“张贴反诈海报”已逾期4天');
        expect(up.link).toBe(`/campaigns/${campaign}`);
      }
      // other schools' reporters hear nothing of s3's tasks
      expect((await notes(w.reporter2.token)).items.some((x) => x.kind === 'TASK_OVERDUE')).toBe(false);
      // more checks today add nothing
      const checks = t.app.get(ReminderChecksService);
      await checks.runTenant(w.tenant.tenantId);
      await checks.runTenant(w.tenant.tenantId);
      const rows = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM notification WHERE tenant_id = $1 AND fact_key LIKE 'task-%' GROUP BY user_id, fact_key, day HAVING count(*) > 1`,
        [w.tenant.tenantId],
      );
      expect(rows).toEqual([]);
      const escalations = await sql(`SELECT user_id FROM notification WHERE tenant_id = $1 AND kind = 'ESCALATION'`, [
        w.tenant.tenantId,
      ]);
      expect(escalations.map((e) => e.user_id).sort()).toEqual([w.districtOrganizer.id, w.organizer.id].sort());
    }, 40_000);
  });

  describe('a returned summary', () => {
    it('notifies the unit’s reporters at once, with the reviewer’s comment', async () => {
      await sql(
        `INSERT INTO summary_report (tenant_id, campaign_id, organization_id, scope, version, status, title, facts, sections)
         VALUES ($1, $2, $3, 'UNIT', 1, 'SUBMITTED', '活动总结', '{}'::jsonb, $4::jsonb)`,
        [
          w.tenant.tenantId,
          campaign,
          w.schools.s2,
          JSON.stringify({ title: '活动总结', opening: { text: '' }, sections: [] }),
        ],
      );
      await t.http
        .post(`${V1}/campaigns/${campaign}/organizations/${w.schools.s2}/summary/return`)
        .set(bearer(w.organizer.token))
        .send({ comment: '请补充受众人次的统计口径' })
        .expect(200);
      const n = (await notes(w.reporter2.token)).items.find((x) => x.kind === 'SUMMARY_RETURNED')!;
      expect(n.title).toBe('活动总结被退回：江城县第二中学');
      expect(n.body).toContain('意见：请补充受众人次的统计口径');
      expect(n.link).toBe(`/unit/${campaign}/summary`);
    });
  });

  describe('channels', () => {
    const channelsUrl = (org: string) => `${V1}/organizations/${org}/notification-channels`;
    const SECRET = 'SECabcdef0123456789abcdef0123456789';

    it('deliver a 催办 to 企业微信 and 钉钉 in their formats (钉钉 signed), a webhook and e-mail; secrets stay masked', async () => {
      const put = await t.http
        .put(channelsUrl(w.schools.s2))
        .set(bearer(w.admin))
        .send([
          { kind: 'WECOM', url: `${sink.url}/robot/wecom?key=k1`, enabled: true },
          { kind: 'DINGTALK', url: `${sink.url}/robot/dingtalk?access_token=t1`, secret: SECRET, enabled: true },
          { kind: 'WEBHOOK', url: `${sink.url}/hook`, secret: 'hook-secret-0123456789', enabled: true },
          { kind: 'EMAIL', to: ['Office@School2.example'], enabled: true },
          { kind: 'WEBHOOK', url: `${sink.url}/disabled`, enabled: false },
        ])
        .expect(200);
      expect(put.body.items).toHaveLength(5);
      expect(JSON.stringify(put.body)).not.toContain(SECRET);
      const ding = put.body.items.find((c: { kind: string }) => c.kind === 'DINGTALK');
      expect(ding.secretMasked).toBe('••••6789');
      expect(put.body.items.find((c: { kind: string }) => c.kind === 'EMAIL').to).toEqual(['office@school2.example']);
      // keeping a channel by id without its secret keeps the secret
      const again = await t.http
        .put(channelsUrl(w.schools.s2))
        .set(bearer(w.admin))
        .send(
          put.body.items.map((c: { id: string; kind: string; url: string | null; to: string[]; enabled: boolean }) => ({
            id: c.id,
            kind: c.kind,
            ...(c.url ? { url: c.url } : { to: c.to }),
            enabled: c.enabled,
          })),
        )
        .expect(200);
      expect(again.body.items.find((c: { kind: string }) => c.kind === 'DINGTALK').secretMasked).toBe('••••6789');
      const got = await t.http.get(channelsUrl(w.schools.s2)).set(bearer(w.admin)).expect(200);
      expect(JSON.stringify(got.body)).not.toContain(SECRET);
      expect(JSON.stringify(got.body)).not.toContain('hook-secret');

      // s2 was chased this hour already (NO_GROUP above): an hour later, as far as the limit knows
      await sql(`UPDATE campaign_reminder SET hour = hour - interval '1 hour' WHERE organization_id = $1`, [
        w.schools.s2,
      ]);
      const chased = await t.http
        .post(`${V1}/campaigns/${campaign}/reminders`)
        .set(bearer(w.organizer.token))
        .send({ organizationIds: [w.schools.s2], message: '请尽快登记本周活动' })
        .expect(200);
      expect(chased.body.units).toBe(1);
      const byPath = (p: string) => sink.hits.filter((h) => h.path === p);
      await eventually(
        () =>
          byPath('/robot/wecom').length &&
          byPath('/robot/dingtalk').length &&
          byPath('/hook').length &&
          smtp.mails.length,
        20_000,
        'every channel',
      );
      const wecom = byPath('/robot/wecom')[0]!;
      expect(wecom.query.get('key')).toBe('k1');
      expect(wecom.body).toEqual({
        msgtype: 'markdown',
        markdown: { content: expect.stringContaining('请尽快登记本周活动') },
      });
      expect((wecom.body as { markdown: { content: string } }).markdown.content).toMatch(/^### 催办：/);

      const dingtalk: Hit = byPath('/robot/dingtalk')[0]!;
      expect(dingtalk.body).toEqual({
        msgtype: 'markdown',
        markdown: { title: expect.stringMatching(/^催办：/), text: expect.stringContaining('请尽快登记本周活动') },
      });
      const timestamp = dingtalk.query.get('timestamp')!;
      expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(60 * 60_000);
      // 钉钉's check: base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), sent URL-encoded
      const expected = createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64');
      expect(dingtalk.query.get('sign')).toBe(expected);
      expect(dingtalk.query.get('access_token')).toBe('t1');

      const hook = byPath('/hook')[0]!;
      expect(hook.body).toMatchObject({ event: 'notification', organizationId: w.schools.s2, campaignId: campaign });
      const signature = createHmac('sha256', 'hook-secret-0123456789').update(JSON.stringify(hook.body)).digest('hex');
      expect(hook.headers['x-signature']).toBe(`sha256=${signature}`);
      expect(byPath('/disabled')).toHaveLength(0);
      expect(smtp.mails.map((m) => m.to)).toContainEqual(['office@school2.example']);
      // each channel got the message once
      await new Promise((r) => setTimeout(r, 1500));
      expect([byPath('/robot/wecom').length, byPath('/robot/dingtalk').length, byPath('/hook').length]).toEqual([
        1, 1, 1,
      ]);
    }, 40_000);

    it('retry a failing sink with backoff: 500 twice, then delivered once, the failure visible in between', async () => {
      await t.http
        .put(channelsUrl(w.schools.s1))
        .set(bearer(w.admin))
        .send([{ kind: 'WEBHOOK', url: `${sink.url}/flaky/2/s1`, enabled: true }])
        .expect(200);
      await sql(`UPDATE campaign_reminder SET hour = hour - interval '1 hour' WHERE organization_id = $1`, [
        w.schools.s1,
      ]);
      await t.http
        .post(`${V1}/campaigns/${campaign}/reminders`)
        .set(bearer(w.organizer.token))
        .send({ organizationIds: [w.schools.s1] })
        .expect(200);
      const failed = await eventually(
        async () => {
          const c = (await t.http.get(channelsUrl(w.schools.s1)).set(bearer(w.admin)).expect(200)).body.items[0];
          return c.lastFailure && c;
        },
        15_000,
        'the first failure',
      );
      expect(failed.lastFailure).toMatchObject({ status: 500, message: expect.stringContaining('HTTP 500') });
      expect(failed.lastSuccessAt).toBeNull();
      const ok = await eventually(
        async () => {
          const c = (await t.http.get(channelsUrl(w.schools.s1)).set(bearer(w.admin)).expect(200)).body.items[0];
          return c.lastSuccessAt && c;
        },
        30_000,
        'the delivery after retries',
      );
      expect(ok.lastFailure.status).toBe(500);
      const hits = sink.hits.filter((h) => h.path === '/flaky/2/s1');
      expect(hits.map((h) => h.status)).toEqual([500, 500, 200]);
      await new Promise((r) => setTimeout(r, 1500));
      expect(sink.hits.filter((h) => h.path === '/flaky/2/s1' && h.status === 200)).toHaveLength(1);
    }, 60_000);

    it('refuse URLs into the server’s network without NOTIFY_ALLOW_PRIVATE_URLS (400), and non-admins', async () => {
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://10.1.2.3/x',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]:8080/x',
        'http://[::ffff:127.0.0.1]/x',
        'http://localhost:3000/x',
        'http://192.168.1.10/x',
        'ftp://example.com/x',
      ]) {
        const res = await plain.http
          .put(channelsUrl(w.schools.s3))
          .set(bearer(w.admin))
          .send([{ kind: 'WEBHOOK', url, enabled: true }]);
        expect(`${url} ${res.status}`).toBe(`${url} 400`);
        expect(res.body.details[0].field).toBe('channels[0].url');
      }
      await plain.http.get(channelsUrl(w.schools.s3)).set(bearer(w.organizer.token)).expect(403);
      await plain.http.get(channelsUrl(w.schools.s3)).set(bearer(other.admin)).expect(404);
      await plain.http
        .put(channelsUrl(w.schools.s3))
        .set(bearer(w.admin))
        .send([{ kind: 'EMAIL', enabled: true }])
        .expect(400);
    });

    it('test every enabled channel in the background; the job is the starter’s to read', async () => {
      const started = await t.http
        .post(`${V1}/organizations/${w.schools.s2}/notification-channels/test`)
        .set(bearer(w.admin))
        .expect(202);
      const job = await eventually(
        async () => {
          const r = await t.http.get(`${V1}/jobs/${started.body.jobId}`).set(bearer(w.admin)).expect(200);
          return r.body.status === 'COMPLETED' && r.body;
        },
        20_000,
        'the test job',
      );
      expect(job).toMatchObject({ progress: 100, error: null, result: { channels: 4, sent: 4 } });
      await t.http.get(`${V1}/jobs/${started.body.jobId}`).set(bearer(w.organizer.token)).expect(404);
      await t.http.get(`${V1}/jobs/${started.body.jobId}`).set(bearer(other.admin)).expect(404);
      await t.http.get(`${V1}/jobs/00000000-0000-4000-8000-000000000000`).set(bearer(w.admin)).expect(404);
    }, 30_000);
  });
});
