// The baseline for event create: a bare node:http server that does the same insert as the product
// (event row, its metric values and an audit row, in one transaction) with `pg`, no framework, no auth, no validation.
import http from 'node:http';
import pg from 'pg';

export async function startBareServer({ url, port = 0, tenantId, campaignId, organizationId, authorId, metricIds, poolSize = 10 }) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const client = await pool.connect();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        await client.query('BEGIN');
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
