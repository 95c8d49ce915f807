// The daily digest with two API processes running the job workers on the same database (issue 18): each
// user with something today gets exactly one e-mail, a user with nothing gets none, however many processes
// tick. A real SMTP server (smtp-server) receives the messages.
import { type ApiProcess, startApiProcess, stopApiProcess } from './support/api-process.js';
import { type TestApp, sql, startTestApp, truncateAll } from './support/app.js';
import { bearer, createUser } from './support/fixtures.js';
import { eventually, startSmtpSink } from './support/notify-sinks.js';
import { type Bureau, day, schoolsMonth } from './support/planning-fixtures.js';

describe('the daily digest', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const processes: ApiProcess[] = [];
  let w: Bureau;
  let campaign: string;
  let idle: { id: string; email: string };

  beforeAll(async () => {
    await truncateAll();
    smtp = await startSmtpSink();
    t = await startTestApp();
    ({ w, campaign } = await schoolsMonth(t.http));
    // a reporter of a unit outside the month: nothing is due for them, so no digest
    idle = await createUser(t.http, w.admin, [{ organizationId: w.office, role: 'REPORTER' }], 'idle');
    await t.http
      .put(`/api/v1/campaigns/${campaign}/reminder-rules`)
      .set(bearer(w.organizer.token))
      .send({
        dueSoonDays: 3,
        overdue: true,
        escalateAfterDays: 3,
        noGroupByDay: null,
        noEventDays: null,
        summaryDueSoonDays: null,
        digestHour: 0,
      })
      .expect(200);
    await sql(
      `INSERT INTO task (tenant_id, campaign_id, organization_id, title, due_on, status)
       VALUES ($1, $2, $3, '张贴反诈海报', $5::date, 'TODO'), ($1, $2, $4, '国旗下宣讲', $5::date, 'TODO'),
              ($1, $2, $4, '家长会宣讲', $6::date, 'TODO')`,
      [w.tenant.tenantId, campaign, w.schools.s1, w.schools.s2, day(-5), day(2)],
    );
  }, 60_000);

  afterAll(async () => {
    for (const p of processes) await stopApiProcess(p.child);
    await t?.close();
    await smtp?.close();
  });

  it('two processes send one digest per user with something due, and none to a user with nothing', async () => {
    const env = {
      WORKERS: 'true',
      SMTP_URL: smtp.url,
      NOTIFY_TICK_SECONDS: '1',
      JOBS_POLL_SECONDS: '1',
    };
    processes.push(await startApiProcess('digest-a', { env }), await startApiProcess('digest-b', { env }));
    const expected = [w.reporter1, w.reporter2, w.organizer].map((u) => u.id);
    const emails = new Map(
      (
        await sql<{ id: string; email: string }>(`SELECT id, email FROM app_user WHERE id = ANY($1::uuid[])`, [
          expected,
        ])
      ).map((r) => [r.id, r.email]),
    );
    await eventually(() => smtp.mails.length >= expected.length, 30_000, 'the digests');
    // several more ticks of both processes: nothing is sent twice
    await new Promise((r) => setTimeout(r, 4000));
    const received = smtp.mails.flatMap((m) => m.to);
    for (const id of expected) expect(received.filter((to) => to === emails.get(id))).toHaveLength(1);
    expect(received).not.toContain(idle.email);
    expect(received).toHaveLength(expected.length);

    const r2 = smtp.mails.find((m) => m.to[0] === emails.get(w.reporter2.id))!;
    // the subject and body are UTF-8 (encoded words / base64 or quoted-printable): decoded, they name the items
    expect(decode(r2.raw)).toContain('国旗下宣讲');
    expect(decode(r2.raw)).toContain('家长会宣讲');
    const rows = await sql(
      `SELECT user_id FROM notification_delivery WHERE dedupe_key LIKE 'digest:%' AND status = 'SENT'`,
    );
    expect(rows).toHaveLength(expected.length);
  }, 90_000);
});

/** The text of a MIME message, its encoded parts decoded (enough to search it). */
function decode(raw: string): string {
  const parts = [raw];
  for (const m of raw.matchAll(/=\?utf-8\?B\?([^?]+)\?=/gi)) parts.push(Buffer.from(m[1]!, 'base64').toString('utf8'));
  for (const m of raw.matchAll(/=\?utf-8\?Q\?([^?]+)\?=/gi))
    parts.push(Buffer.from(m[1]!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'), 'latin1').toString());
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(raw))
    parts.push(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8'));
  if (/Content-Transfer-Encoding: quoted-printable/i.test(raw))
    parts.push(
      Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_s, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
        'latin1',
      ).toString('utf8'),
    );
  return parts.join('\n');
}
