// The organization and user imports at the scale of a city: N units (four levels deep under the bench
// tenant's root, listed children first) and M users, each file sent as a dry run and then applied.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import pg from 'pg';

/** An ADMIN at the root, to import with (the dataset's users are organizer, reporter and viewer). */
export async function addAdmin(url, { tenantId, rootId, passwordHash }) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const id = randomUUID();
    const email = `bench-admin-${tenantId.slice(0, 8)}@bench.test`;
    await db.query(`INSERT INTO app_user (id, tenant_id, email, name, password_hash) VALUES ($1, $2, $3, '管理员', $4)`, [id, tenantId, email, passwordHash]);
    await db.query(`INSERT INTO membership (tenant_id, user_id, organization_id, role) VALUES ($1, $2, $3, 'ADMIN')`, [tenantId, id, rootId]);
    return email;
  } finally {
    await db.end();
  }
}

async function xlsx(headers, rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 单位名称, 上级单位, 单位类型, 单位编码: districts → towns → units, deepest rows first. */
export function organizationSheet(units) {
  const districts = 10;
  const towns = 10;
  const perTown = Math.max(1, Math.ceil((units - districts - districts * towns) / (districts * towns)));
  const rows = [];
  for (let d = 0; d < districts; d++)
    for (let t = 0; t < towns; t++)
      for (let u = 0; u < perTown; u++) rows.push([`导入${d}区${t}镇${u}号单位`, `IMP-${d}-${t}`, u % 2 ? '医院' : '学校', `IMP-${d}-${t}-${u}`]);
  for (let d = 0; d < districts; d++) for (let t = 0; t < towns; t++) rows.push([`导入${d}区${t}镇`, `IMP-${d}`, '乡镇', `IMP-${d}-${t}`]);
  for (let d = 0; d < districts; d++) rows.push([`导入${d}区`, '', '政府', `IMP-${d}`]);
  return { rows, unitCodes: rows.slice(0, districts * towns * perTown).map((r) => r[3]) };
}

export async function buildImportFiles({ units, users }) {
  const org = organizationSheet(units);
  const userRows = Array.from({ length: users }, (_, i) => [
    `导入用户${i}`,
    `16${String(i).padStart(9, '0')}`,
    i % 3 === 0 ? `import-${i}@bench.test` : '',
    org.unitCodes[i % org.unitCodes.length],
    i % 10 === 0 ? '组织者' : '填报员',
  ]);
  return {
    units: org.rows.length,
    users,
    organizations: await xlsx(['单位名称', '上级单位', '单位类型', '单位编码'], org.rows),
    userFile: await xlsx(['姓名', '手机号', '邮箱', '单位', '角色'], userRows),
  };
}

export async function sendImport(url, token, what, file, dryRun) {
  const form = new FormData();
  form.append('file', new Blob([file]), `${what}.xlsx`);
  const started = performance.now();
  const r = await fetch(`${url}/api/v1/${what}/import?dryRun=${dryRun}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await r.json().catch(() => null);
  return { ms: Math.round(performance.now() - started), status: r.status, created: body?.created, skipped: body?.skipped, errors: body?.errors?.length ?? null };
}
