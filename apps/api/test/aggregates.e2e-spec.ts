// The maintained aggregates (decision 040) stay equal to the raw events whatever the writes and however they
// interleave: random creates (with and without an Idempotency-Key), edits of type, day and metric values,
// deletes and ledger imports, sent at once to this jest process's app and two more API processes started from
// the build (dist/) on the same database; afterwards the verification (npm run db:verify-aggregates) recomputes
// the aggregates from the raw rows and finds no difference.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { EVENT_TYPES } from '@campaign-month/contracts';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { findAggregateDifferences } from '../src/modules/events/verify-aggregates.js';
import { startApiProcess, stopApiProcess } from './support/api-process.js';
import { sql, startTestApp, type TestApp, testDatabaseUrl, truncateAll } from './support/app.js';
import { buildEventsWorld, type EventsWorld } from './support/events-fixtures.js';

const UNIT_NAMES = ['城关派出所', '城关社区警务室', '东城派出所'];
const DAYS = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
/** Few types and days, so that concurrent writes meet on the same cells. */
const TYPES = EVENT_TYPES.slice(0, 3);

const metricsArb = fc.record(
  {
    audience: fc.integer({ min: 0, max: 5000 }),
    leaflets: fc.integer({ min: 0, max: 300 }),
    lossesAvoided: fc.integer({ min: 0, max: 1_000_000 }).map((cents) => (cents / 100).toFixed(2)),
  },
  { requiredKeys: [] },
);
const cellArb = { unit: fc.nat(2), day: fc.constantFrom(...DAYS.slice(0, 4)), type: fc.constantFrom(...TYPES) };

const opArb = fc.oneof(
  fc.record({ op: fc.constant('create' as const), ...cellArb, metrics: metricsArb, keyed: fc.boolean() }),
  fc.record({
    op: fc.constant('edit' as const),
    target: fc.nat(),
    type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
    day: fc.option(fc.constantFrom(...DAYS.slice(0, 4)), { nil: undefined }),
    metrics: fc.option(metricsArb, { nil: undefined }),
  }),
  fc.record({ op: fc.constant('delete' as const), target: fc.nat() }),
  fc.record({
    op: fc.constant('import' as const),
    rows: fc.array(fc.record({ ...cellArb, metrics: metricsArb }), { minLength: 1, maxLength: 6 }),
  }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

async function ledger(rows: Extract<Op, { op: 'import' }>['rows']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('活动台账');
  sheet.addRow(['活动台账']);
  sheet.addRow([
    '单位',
    '日期',
    '活动类型',
    '标题',
    '地点',
    '内容',
    '覆盖群众(人次)',
    '发放宣传单(份)',
    '张贴海报(张)',
    '避免损失(元)',
    '照片数',
  ]);
  for (const r of rows) {
    const m = r.metrics;
    sheet.addRow([
      UNIT_NAMES[r.unit],
      r.day,
      r.type,
      '台账导入的活动',
      null,
      null,
      m.audience ?? null,
      m.leaflets ?? null,
      null,
      m.lossesAvoided ?? null,
      null,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('maintained aggregates under concurrent writes (property)', () => {
  let t: TestApp;
  let w: EventsWorld;
  let others: { url: string; child: ChildProcess }[] = [];

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    w = await buildEventsWorld(t.http);
    others = await Promise.all([startApiProcess('aggregates-1'), startApiProcess('aggregates-2')]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all(others.map((o) => stopApiProcess(o.child)));
    await t.close();
  });

  const units = () => [w.org.A, w.org.A1, w.org.B];
  const send = (base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${w.reporterR.token}`,
        ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    }).then((r) => r.status);

  async function apply(op: Op, base: string, pool: string[]): Promise<number> {
    const target = 'target' in op ? pool[op.target % Math.max(pool.length, 1)] : undefined;
    switch (op.op) {
      case 'create':
        return send(
          base,
          'POST',
          `/campaigns/${w.campaign.id}/events`,
          {
            organizationId: units()[op.unit],
            type: op.type,
            title: '宣传活动',
            occurredOn: op.day,
            metrics: op.metrics,
          },
          op.keyed ? { 'Idempotency-Key': randomUUID() } : {},
        );
      case 'edit':
        if (!target) return 404;
        return send(base, 'PATCH', `/events/${target}`, {
          ...(op.type ? { type: op.type } : {}),
          ...(op.day ? { occurredOn: op.day } : {}),
          ...(op.metrics ? { metrics: op.metrics } : {}),
        });
      case 'delete':
        if (!target) return 404;
        return send(base, 'DELETE', `/events/${target}`);
      case 'import': {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(await ledger(op.rows))]), '台账.xlsx');
        return send(base, 'POST', `/campaigns/${w.campaign.id}/events/import`, form);
      }
    }
  }

  it('finds no difference between the aggregates and the raw events after random interleaved writes', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 30 }), async (ops) => {
        const pool = (
          await sql<{ id: string }>(`SELECT id FROM publicity_event WHERE campaign_id = $1 ORDER BY id`, [
            w.campaign.id,
          ])
        ).map((r) => r.id);
        const bases = [t.url, ...others.map((o) => o.url)];
        const results = await Promise.all(ops.map((op, i) => apply(op, bases[i % bases.length]!, pool)));
        for (const s of results) statuses.set(s, (statuses.get(s) ?? 0) + 1);
        // every write either happened or was refused for a reason a client can act on: never a server error
        expect(results.filter((s) => s >= 500)).toEqual([]);
        expect(await findAggregateDifferences(testDatabaseUrl())).toEqual([]);
      }),
      { numRuns: 12 },
    );
    // the runs did write: creates, edits, deletes and imports went through
    expect(statuses.get(201)).toBeGreaterThan(10);
    expect(statuses.get(200)).toBeGreaterThan(3);
    expect(statuses.get(204)).toBeGreaterThan(3);
    const [{ n }] = (await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM campaign_unit_day_type WHERE campaign_id = $1 AND event_count > 0`,
      [w.campaign.id],
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
  }, 300_000);

  it('reports a difference when an aggregate row is wrong (the verification can fail)', async () => {
    await sql(
      `INSERT INTO publicity_event (tenant_id, campaign_id, organization_id, type, title, occurred_on)
       VALUES ($1, $2, $3, 'POSTER', '绕过聚合写入', '2026-11-20')`,
      [w.tenant.tenantId, w.campaign.id, w.org.B],
    );
    const differences = await findAggregateDifferences(testDatabaseUrl());
    expect(differences).toEqual([
      expect.objectContaining({
        kind: 'count',
        organization_id: w.org.B,
        occurred_on: '2026-11-20',
        type: 'POSTER',
        stored: null,
        raw: '1',
      }),
    ]);
    await sql(`DELETE FROM publicity_event WHERE title = '绕过聚合写入'`);
    expect(await findAggregateDifferences(testDatabaseUrl())).toEqual([]);
  });
});
