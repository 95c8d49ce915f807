// Sheets for the organization and user imports, built with exceljs as a customer's Excel would save them.
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { sql } from './app.js';
import { bearer } from './fixtures.js';

type Http = ReturnType<typeof request>;

export const ORG_HEADERS = ['单位名称', '上级单位', '单位类型', '单位编码'];
export const USER_HEADERS = ['姓名', '手机号', '邮箱', '单位', '角色'];

export async function sheet(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function upload(
  http: Http,
  token: string,
  what: 'organizations' | 'users',
  file: Buffer,
  dryRun: boolean | null,
) {
  const query = dryRun === null ? '' : `?dryRun=${dryRun}`;
  return http.post(`/api/v1/${what}/import${query}`).set(bearer(token)).attach('file', file, '导入.xlsx');
}

export async function countRows(tenantId: string): Promise<{ orgs: number; users: number; memberships: number }> {
  const [r] = await sql<{ orgs: number; users: number; memberships: number }>(
    `SELECT (SELECT count(*)::int FROM organization WHERE tenant_id = $1) AS orgs,
            (SELECT count(*)::int FROM app_user WHERE tenant_id = $1) AS users,
            (SELECT count(*)::int FROM membership WHERE tenant_id = $1) AS memberships`,
    [tenantId],
  );
  return r!;
}
