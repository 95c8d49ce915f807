// The baseline for event create: a bare node:http server that does the same insert as the product
// (event row, its metric values and an audit row, in one transaction) with `pg`, no framework, no auth, no validation.
// Since the product maintains the aggregates of decision 040 with every create, so does the baseline (the same
// two upserts, for fairness); with an Idempotency-Key header it also claims the key as the product does (an
// idempotency_record row; the write only when the claim took).
import http from 'node:http';
import pg from 'pg';

export async function startBareServer({ url, port = 0, tenantId, campaignId, organizationId: defaultOrganizationId, authorId, metricIds, poolSize = 10 }) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const client = await pool.connect();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        // the unit named in the body when there is one (the spread runs), else the configured one
        const organizationId = body.organizationId ?? defaultOrganizationId;
        await client.query('BEGIN');
        const key = req.headers['idempotency-key'];
        if (key) {
          const claim = await client.query(
            `INSERT INTO idempotency_record (tenant_id, scope, key, request_hash, state, response_status, response_body, expires_at)
             VALUES ($1, $2, $3, md5($4), 'COMPLETED', 201, $4::jsonb, now() + interval '24 hours')
             ON CONFLICT (tenant_id, scope, key) DO NOTHING RETURNING id`,
            [tenantId, `events.create user:${authorId}`, key, JSON.stringify(body)],
          );
          if (claim.rowCount === 0) {
            await client.query('ROLLBACK');
            res.writeHead(409);
            res.end();
            return;
          }
        }
        const { rows } = await client.query(
          `INSERT INTO publicity_event (tenant_id, campaign_id, organization_id, type, title, occurred_on, location, description, author_id)
           VALUES ($1, $2, $3, $4::"EventType", $5, $6, $7, $8, $9) RETURNING id, created_at`,
          [tenantId, campaignId, organizationId, body.type, body.title, body.occurredOn, body.location, body.description, authorId],
        );
        const entries = Object.entries(body.metrics ?? {});
        if (entries.length) {
          await client.query(
            `INSERT INTO event_metric_value (tenant_id, event_id, metric_definition_id, value)
             SELECT $1, $2, unnest($3::uuid[]), unnest($4::numeric[])`,
            [tenantId, rows[0].id, entries.map(([k]) => metricIds[k]), entries.map(([, v]) => v)],
          );
        }
        // the product keeps the aggregates with every create: so does the baseline
        await client.query(
          `INSERT INTO campaign_unit_day_type (tenant_id, campaign_id, organization_id, occurred_on, type, event_count)
           VALUES ($1, $2, $3, $4, $5::"EventType", 1)
           ON CONFLICT (tenant_id, campaign_id, organization_id, occurred_on, type)
           DO UPDATE SET event_count = campaign_unit_day_type.event_count + EXCLUDED.event_count`,
          [tenantId, campaignId, organizationId, body.occurredOn, body.type],
        );
        if (entries.length) {
          await client.query(
            `INSERT INTO campaign_unit_day_type_metric (tenant_id, campaign_id, organization_id, occurred_on, type, metric_definition_id, total, value_count)
             SELECT $1, $2, $3, $4, $5::"EventType", m.id, m.v::numeric(16, 2), 1 FROM unnest($6::uuid[], $7::numeric[]) AS m(id, v) ORDER BY m.id
             ON CONFLICT (tenant_id, campaign_id, organization_id, occurred_on, type, metric_definition_id)
             DO UPDATE SET total = campaign_unit_day_type_metric.total + EXCLUDED.total,
                           value_count = campaign_unit_day_type_metric.value_count + EXCLUDED.value_count`,
            [tenantId, campaignId, organizationId, body.occurredOn, body.type, entries.map(([k]) => metricIds[k]), entries.map(([, v]) => v)],
          );
        }
        // the product writes an audit row with every create: so does the baseline
        await client.query(
          `INSERT INTO audit_entry (tenant_id, actor_id, action, entity_type, entity_id, changes) VALUES ($1, $2, 'event.create', 'PublicityEvent', $3, $4)`,
          [tenantId, authorId, rows[0].id, JSON.stringify({ type: body.type, title: body.title })],
        );
        await client.query('COMMIT');
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: rows[0].id, createdAt: rows[0].created_at }));
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        res.writeHead(500);
        res.end(String(e.message));
      } finally {
        client.release();
      }
    });
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async close() {
      await new Promise((r) => server.close(r));
      await pool.end();
    },
  };
}
