// Builds the benchmark tenant fast, with set-based SQL: a tree of ~5,000 units in four levels (--scale: 50,000
// in five), one ACTIVE month with every leaf unit taking part, tasks, leading groups, and N events with metric
// values, then the maintained aggregates of decision 040 filled by one INSERT … SELECT … GROUP BY each.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const TYPES = ['FLAG_CEREMONY', 'MEETING', 'POSTER', 'LEAFLET', 'MESSAGE_PUSH', 'TAKE_HOME_MATERIAL', 'WARD_VISIT', 'LECTURE', 'COUNTER_REMINDER', 'ON_SITE_INTERCEPTION'];

export async function buildDataset(url, { units = 5000, events = 500000, levels = 4, passwordHash, say = () => {} }) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const started = Date.now();
  try {
    const tenantId = randomUUID();
    await db.query(`INSERT INTO tenant (id, name) VALUES ($1, '基准测试市')`, [tenantId]);
    // Four levels: 1 root, 10 districts, 100 towns, the rest leaf units spread over the towns.
    const orgs = [];
    const root = { id: randomUUID(), parent: null, depth: 0, kind: 'GOVERNMENT_AGENCY', name: '基准测试市' };
    root.path = `/${root.id}/`;
    orgs.push(root);
    const districts = Array.from({ length: 10 }, (_, i) => node(root, `第${i + 1}区`, 'GOVERNMENT_AGENCY'));
    const towns = districts.flatMap((d, i) => Array.from({ length: 10 }, (_, j) => node(d, `第${i + 1}区第${j + 1}镇`, 'TOWN')));
    // five levels: a level of 1,000 villages (10 per town) between the towns and the leaves
    const villages = levels >= 5 ? towns.flatMap((t, i) => Array.from({ length: 10 }, (_, j) => node(t, `第${i + 1}镇第${j + 1}村`, 'TOWN'))) : [];
    const parents = levels >= 5 ? villages : towns;
    const inner = 1 + districts.length + towns.length + villages.length;
    const leavesPerParent = Math.max(1, Math.round((units - inner) / parents.length));
    const leaves = parents.flatMap((t, i) => Array.from({ length: leavesPerParent }, (_, j) => node(t, `单位${i + 1}-${j + 1}`, j % 3 === 0 ? 'SCHOOL' : j % 3 === 1 ? 'HOSPITAL' : 'BANK')));
    orgs.push(...districts, ...towns, ...villages, ...leaves);
    for (let i = 0; i < orgs.length; i += 1000) {
      const chunk = orgs.slice(i, i + 1000);
      const values = chunk.map((_, k) => `($${k * 7 + 1}::uuid, $${k * 7 + 2}::uuid, $${k * 7 + 3}::uuid, $${k * 7 + 4}, $${k * 7 + 5}::"OrganizationKind", $${k * 7 + 6}, $${k * 7 + 7})`);
      await db.query(
        `INSERT INTO organization (id, tenant_id, parent_id, name, kind, path, depth) VALUES ${values.join(',')}`,
        chunk.flatMap((o) => [o.id, tenantId, o.parent, o.name, o.kind, o.path, o.depth]),
      );
    }
    const users = {};
    for (const [role, org] of [['ORGANIZER', root], ['REPORTER', root], ['VIEWER', root]]) {
      const id = randomUUID();
      const email = `bench-${role.toLowerCase()}-${tenantId.slice(0, 8)}@bench.test`;
      await db.query(`INSERT INTO app_user (id, tenant_id, email, name, password_hash) VALUES ($1, $2, $3, $4, $5)`, [id, tenantId, email, role, passwordHash]);
      await db.query(`INSERT INTO membership (tenant_id, user_id, organization_id, role) VALUES ($1, $2, $3, $4)`, [tenantId, id, org.id, role]);
      users[role] = { id, email };
    }
    const campaignId = randomUUID();
    await db.query(
      `INSERT INTO campaign (id, tenant_id, organizer_org_id, title, template_key, starts_on, ends_on, report_due_on, directive_title, directive_number, status)
       VALUES ($1, $2, $3, '2026年全民反诈在行动集中宣传月', 'anti-fraud', '2026-11-01', '2026-11-30', '2026-12-05',
               '关于开展2026年全民反诈在行动集中宣传月活动的通知', '基准通〔2026〕1号', 'ACTIVE')`,
      [campaignId, tenantId, root.id],
    );
    const leafIds = leaves.map((l) => l.id);
    await db.query(
      `INSERT INTO participant (tenant_id, campaign_id, organization_id) SELECT $1, $2, unnest($3::uuid[])`,
      [tenantId, campaignId, leafIds],
    );
    const metrics = [
      ['audience', '受众人次', '人次', 'COUNT'],
      ['leaflets', '发放宣传单', '份', 'COUNT'],
      ['posters', '张贴海报', '张', 'COUNT'],
      ['interceptedTransactions', '阻止可疑交易', '笔', 'COUNT'],
      ['lossesAvoided', '避免损失', '元', 'MONEY'],
    ];
    const metricIds = {};
    for (const [i, [key, label, unit, kind]] of metrics.entries()) {
      const { rows } = await db.query(
        `INSERT INTO metric_definition (tenant_id, campaign_id, key, label, unit, kind, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [tenantId, campaignId, key, label, unit, kind, i],
      );
      metricIds[key] = rows[0].id;
    }
    // one task per leaf, due on a spread of days; two thirds done
    await db.query(
      `INSERT INTO task (tenant_id, campaign_id, organization_id, title, due_on, status, completed_at)
       SELECT $1, $2, u, '国旗下宣讲', DATE '2026-11-20' + (n % 20)::int, CASE WHEN n % 3 = 0 THEN 'TODO' ELSE 'DONE' END::"TaskStatus",
              CASE WHEN n % 3 = 0 THEN NULL ELSE TIMESTAMPTZ '2026-11-10 10:00+08' END
         FROM unnest($3::uuid[]) WITH ORDINALITY AS x(u, n)`,
      [tenantId, campaignId, leafIds],
    );
    // a leading group of three for every other leaf
    await db.query(
      `WITH g AS (
         INSERT INTO leading_group (tenant_id, campaign_id, organization_id)
         SELECT $1, $2, u FROM unnest($3::uuid[]) WITH ORDINALITY AS x(u, n) WHERE n % 2 = 0 RETURNING id)
       INSERT INTO leading_group_member (tenant_id, leading_group_id, name, title, role, sort_order)
       SELECT $1, g.id, r.name, r.title, r.role::"LeadingGroupRole", r.ord FROM g
       CROSS JOIN (VALUES ('张校长', '校长', 'LEADER', 0), ('李副校长', '副校长', 'DEPUTY', 1), ('王主任', '主任', 'MEMBER', 2)) AS r(name, title, role, ord)`,
      [tenantId, campaignId, leafIds],
    );
    // events: spread over the leaves, the month's days and the types; two or three metric values each
    const batch = 100000;
    for (let from = 0; from < events; from += batch) {
      const n = Math.min(batch, events - from);
      await db.query(
        `WITH e AS (
           INSERT INTO publicity_event (tenant_id, campaign_id, organization_id, type, title, occurred_on, location, description, author_id)
           SELECT $1, $2, ($3::uuid[])[1 + (g % $4)], ($5::text[])[1 + (g % $6)]::"EventType", '宣传活动' || g,
                  DATE '2026-11-01' + (g % 30), '宣传地点' || (g % 7), '开展宣传活动,向群众讲解防范知识并发放宣传资料。第' || g || '场。', $7
             FROM generate_series($8::int, $9::int) AS g
           RETURNING id, type)
         INSERT INTO event_metric_value (tenant_id, event_id, metric_definition_id, value)
         SELECT $1, e.id, m.id, m.v FROM e CROSS JOIN LATERAL (VALUES ($10::uuid, 30 + (random() * 200)::int), ($11::uuid, (random() * 300)::int)) AS m(id, v)`,
        [tenantId, campaignId, leafIds, leafIds.length, TYPES, TYPES.length, users.REPORTER.id, from + 1, from + n, metricIds.audience, metricIds.leaflets],
      );
    }
    say(`events written (${Math.round((Date.now() - started) / 1000)} s); filling the aggregates…`);
    // the maintained aggregates (decision 040), as the migration backfills them: one grouped INSERT each; the
    // statistics first (planned on an empty table's estimates, the 10 M-value join of --scale ran for many minutes)
    await db.query('ANALYZE publicity_event, event_metric_value');
    await db.query(
      `INSERT INTO campaign_unit_day_type (tenant_id, campaign_id, organization_id, occurred_on, type, event_count)
       SELECT e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type, count(*)::int
         FROM publicity_event e WHERE e.tenant_id = $1 AND e.campaign_id = $2
        GROUP BY e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type`,
      [tenantId, campaignId],
    );
    await db.query(
      `INSERT INTO campaign_unit_day_type_metric (tenant_id, campaign_id, organization_id, occurred_on, type, metric_definition_id, total, value_count)
       SELECT e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type, v.metric_definition_id, sum(v.value), count(*)::int
         FROM publicity_event e JOIN event_metric_value v ON v.tenant_id = e.tenant_id AND v.event_id = e.id
        WHERE e.tenant_id = $1 AND e.campaign_id = $2
        GROUP BY e.tenant_id, e.campaign_id, e.organization_id, e.occurred_on, e.type, v.metric_definition_id`,
      [tenantId, campaignId],
    );
    await db.query('ANALYZE');
    const aggregateRows = (await db.query(`SELECT (SELECT count(*) FROM campaign_unit_day_type)::int AS counts, (SELECT count(*) FROM campaign_unit_day_type_metric)::int AS sums`)).rows[0];
    return {
      aggregateRows, tenantId, campaignId, rootId: root.id, leafIds, towns: towns.map((t) => t.id), districts: districts.map((d) => d.id), units: orgs.length, events, users, metricIds, ms: Date.now() - started };
  } finally {
    await db.end();
  }
}

function node(parent, name, kind) {
  const id = randomUUID();
  return { id, parent: parent.id, depth: parent.depth + 1, kind, name, path: `${parent.path}${id}/` };
}
