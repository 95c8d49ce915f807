// Events routes (issue 5): events, photos, the ledger. prepare() writes an ACTIVE campaign organized at R
// with A, A1 and B taking part (and metric definitions) straight into the database, an event of unit A
// and a photo of it. Every unit's people see the campaign (R organizes it, A, A1 and B take part), so
// lists answer 200 everywhere but in the other tenant; rows of unit A follow the default rule.
import ExcelJS from 'exceljs';
import { sql } from '../../support/app.js';
import { insertCampaign, insertEvent, makeImage } from '../../support/events-fixtures.js';
import type { Position, RouteCase, RouteFile, World } from '../world.js';

let ledger: Buffer;
let seed = 100;

/** Lists: every position of the tenant sees the campaign; the other tenant does not. */
const otherTenant404 = ({ position }: { position: Position }) => (position === 'other' ? 404 : undefined);

async function freshEvent(w: World): Promise<string> {
  return insertEvent({
    tenantId: w.tenant.tenantId,
    campaignId: w.data.eventsCampaign!,
    organizationId: w.org.A,
    title: '矩阵用活动',
  });
}

async function freshPhoto(w: World): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO event_photo (tenant_id, event_id, storage_key, thumbnail_key, content_type, size_bytes, sha256)
     VALUES ($1, $2, $3, $4, 'image/png', 1, md5(random()::text)) RETURNING id`,
    [
      w.tenant.tenantId,
      w.data.eventA,
      `${w.tenant.tenantId}/photos/matrix/${seed}.png`,
      `${w.tenant.tenantId}/photos/matrix/${seed++}.thumb.webp`,
    ],
  );
  return row!.id;
}

const cases: RouteCase[] = [
  {
    route: 'GET /api/v1/campaigns/{id}/events',
    permission: 'event:read',
    target: 'list',
    success: 200,
    expect: otherTenant404,
    request: (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.data.eventsCampaign}/events` }),
  },
  {
    route: 'POST /api/v1/campaigns/{id}/events',
    permission: 'event:write',
    target: 'A',
    success: 201,
    request: (w) => ({
      method: 'POST',
      path: `/api/v1/campaigns/${w.data.eventsCampaign}/events`,
      body: {
        organizationId: w.org.A,
        type: 'POSTER',
        title: '张贴海报',
        occurredOn: '2026-11-06',
        metrics: { posters: 20 },
      },
    }),
  },
  {
    route: 'GET /api/v1/campaigns/{id}/events.xlsx',
    permission: 'event:read',
    target: 'list',
    success: 200,
    expect: otherTenant404,
    request: (w) => ({ method: 'GET', path: `/api/v1/campaigns/${w.data.eventsCampaign}/events.xlsx` }),
  },
  {
    route: 'POST /api/v1/campaigns/{id}/events/import',
    permission: 'event:write',
    target: 'A',
    success: 201,
    // Units are named in the file: a reporter who sees the campaign but not unit A gets row errors (400).
    expect: ({ role, position }) =>
      role === 'REPORTER' && (position === 'child' || position === 'sibling') ? 400 : undefined,
    request: (w) => ({
      method: 'POST',
      path: `/api/v1/campaigns/${w.data.eventsCampaign}/events/import`,
      attach: { field: 'file', file: ledger, filename: '台账.xlsx' },
    }),
  },
  {
    route: 'GET /api/v1/events/{id}',
    permission: 'event:read',
    target: 'A',
    success: 200,
    request: (w) => ({ method: 'GET', path: `/api/v1/events/${w.data.eventA}` }),
  },
  {
    route: 'PATCH /api/v1/events/{id}',
    permission: 'event:write',
    target: 'A',
    success: 200,
    request: (w) => ({
      method: 'PATCH',
      path: `/api/v1/events/${w.data.eventA}`,
      body: { title: '集市日发放宣传单', metrics: { leaflets: 300 } },
    }),
  },
  {
    route: 'DELETE /api/v1/events/{id}',
    permission: 'event:write',
    target: 'A',
    success: 204,
    request: async (w) => ({ method: 'DELETE', path: `/api/v1/events/${await freshEvent(w)}` }),
  },
  {
    route: 'POST /api/v1/events/{id}/photos',
    permission: 'event:write',
    target: 'A',
    success: 201,
    request: async (w) => ({
      method: 'POST',
      path: `/api/v1/events/${w.data.eventA}/photos`,
      attach: { field: 'file', file: await makeImage('png', seed++, { width: 16, height: 16 }), filename: 'photo.png' },
    }),
  },
  {
    route: 'GET /api/v1/photos/{id}',
    permission: 'event:read',
    target: 'A',
    success: 200,
    request: (w) => ({ method: 'GET', path: `/api/v1/photos/${w.data.photoA}` }),
  },
  {
    // 入选总结: a fresh photo per cell, so that nine chosen never stop a later cell
    route: 'PATCH /api/v1/photos/{id}',
    permission: 'event:write',
    target: 'A',
    success: 200,
    request: async (w) => ({
      method: 'PATCH',
      path: `/api/v1/photos/${await freshPhoto(w)}`,
      body: { inSummary: false },
    }),
  },
  {
    route: 'DELETE /api/v1/photos/{id}',
    permission: 'event:write',
    target: 'A',
    success: 204,
    request: async (w) => ({ method: 'DELETE', path: `/api/v1/photos/${await freshPhoto(w)}` }),
  },
];

export const eventRoutes: RouteFile = {
  async prepare(w) {
    const campaign = await insertCampaign({
      tenantId: w.tenant.tenantId,
      organizerOrgId: w.org.R,
      participants: [w.org.A, w.org.A1, w.org.B],
    });
    w.data.eventsCampaign = campaign.id;
    w.data.eventA = await freshEvent(w);
    const photo = await w.http
      .post(`/api/v1/events/${w.data.eventA}/photos`)
      .set('Authorization', `Bearer ${w.actors['REPORTER@self'].token}`)
      .attach('file', await makeImage('jpeg', 1), 'photo.jpg');
    if (photo.status !== 201) throw new Error(`photo ${photo.status} ${JSON.stringify(photo.body)}`);
    w.data.photoA = photo.body.id;

    const unitName = (await sql<{ name: string }>(`SELECT name FROM organization WHERE id = $1`, [w.org.A]))[0]!.name;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('活动台账');
    sheet.addRow(['单位', '日期', '活动类型', '标题', '发放宣传单(份)']);
    sheet.addRow([unitName, '2026-11-07', '发放宣传单', '导入的活动', 500]);
    ledger = Buffer.from(await wb.xlsx.writeBuffer());
  },
  cases,
};
