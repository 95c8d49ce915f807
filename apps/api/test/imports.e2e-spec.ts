// The organization and user imports (issue 16): templates, dry runs, errors by row and column,
// all-or-nothing, order independence, re-imports, scale, and concurrent identical imports.
import ExcelJS from 'exceljs';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import { binaryBody } from './support/events-fixtures.js';
import { bearer, createOrg, createUser, registerTenant, type Tenant } from './support/fixtures.js';
import { countRows, ORG_HEADERS, sheet, upload, USER_HEADERS } from './support/import-fixtures.js';

const V1 = '/api/v1';
type Err = { row: number; column: string | null; message: string };

describe('organization and user imports', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '10000' });
    tenant = await registerTenant(t.http, '临湖区教育局', 'EDUCATION_BUREAU');
  }, 60_000);
  afterAll(() => t.close());

  const download = async (path: string) =>
    (await t.http.get(`${V1}${path}`).set(bearer(tenant.adminToken)).buffer(true).parse(binaryBody).expect(200))
      .body as Buffer;

  async function readSheets(buffer: Buffer): Promise<string[][][]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb.worksheets.map((ws) => {
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    });
  }

  describe('templates', () => {
    it('download with the header row, two example rows and a 说明 sheet, and import back cleanly', async () => {
      const orgTemplate = await download('/organizations/import-template.xlsx');
      const [orgSheet, orgHelp] = await readSheets(orgTemplate);
      expect(orgSheet![0]).toEqual(ORG_HEADERS);
      expect(orgSheet).toHaveLength(3);
      expect(JSON.stringify(orgHelp)).toContain('学校');
      expect(JSON.stringify(orgHelp)).toContain('村(社区)');
      const userTemplate = await download('/users/import-template.xlsx');
      const [userSheet, userHelp] = await readSheets(userTemplate);
      expect(userSheet![0]).toEqual(USER_HEADERS);
      expect(userSheet).toHaveLength(3);
      expect(JSON.stringify(userHelp)).toContain('填报员');

      const before = await countRows(tenant.tenantId);
      const dry = await upload(t.http, tenant.adminToken, 'organizations', orgTemplate, true).expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, rows: 2, created: 2, updated: 0, skipped: 0, errors: [] });
      expect(dry.body.preview.map((p: { outcome: string }) => p.outcome)).toEqual(['create', 'create']);
      expect(await countRows(tenant.tenantId)).toEqual(before);
      const applied = await upload(t.http, tenant.adminToken, 'organizations', orgTemplate, false).expect(201);
      expect(applied.body).toMatchObject({ dryRun: false, created: 2, errors: [] });
      // the user template's units are the organization template's
      const users = await upload(t.http, tenant.adminToken, 'users', userTemplate, true).expect(200);
      expect(users.body).toMatchObject({ rows: 2, created: 2, errors: [] });
      expect(await countRows(tenant.tenantId)).toEqual({ ...before, orgs: before.orgs + 2 });
    });
  });

  describe('organizations', () => {
    it('a dry run writes nothing; an apply writes everything in sheet order or any order (children first)', async () => {
      const rows = [
        ['一小二班', '一小', '学校', ''],
        ['一小', '东片', '小学', 'DP-01'],
        ['东片', '', '街道', 2001],
        ['二小', 'DP-01', 'SCHOOL', ''],
      ];
      const file = await sheet(ORG_HEADERS, rows);
      const before = await countRows(tenant.tenantId);
      const dry = await upload(t.http, tenant.adminToken, 'organizations', file, true).expect(200);
      expect(dry.body).toMatchObject({ rows: 4, created: 4, skipped: 0, errors: [] });
      expect(dry.body.preview.every((p: { id: string | null }) => p.id === null)).toBe(true);
      expect(await countRows(tenant.tenantId)).toEqual(before);
      const res = await upload(t.http, tenant.adminToken, 'organizations', file, false).expect(201);
      expect(res.body).toMatchObject({ rows: 4, created: 4, errors: [] });
      const got = await sql<{
        name: string;
        code: string | null;
        kind: string;
        depth: number;
        parent: string | null;
        path: string;
        ppath: string;
      }>(
        `SELECT o.name, o.code, o.kind::text, o.depth, p.name AS parent, o.path, p.path AS ppath
           FROM organization o JOIN organization p ON p.id = o.parent_id
          WHERE o.tenant_id = $1 AND o.name = ANY($2) ORDER BY o.depth, o.name`,
        [tenant.tenantId, ['东片', '一小', '二小', '一小二班']],
      );
      const byDepth = (a: unknown[], b: unknown[]) =>
        Number(a[4]) - Number(b[4]) || String(a[0]).localeCompare(String(b[0]));
      expect(got.map((g) => [g.name, g.parent, g.kind, g.code, g.depth]).sort(byDepth)).toEqual(
        [
          ['东片', '临湖区教育局', 'TOWN', '2001', 1],
          ['一小', '东片', 'SCHOOL', 'DP-01', 2],
          ['二小', '一小', 'SCHOOL', null, 3], // 上级单位 by the 单位编码 of another row
          ['一小二班', '一小', 'SCHOOL', null, 3],
        ].sort(byDepth),
      );
      for (const g of got) expect(g.path.startsWith(g.ppath)).toBe(true);
      const [audit] = await sql<{ organization_id: string; changes: { created: number } }>(
        `SELECT organization_id, changes FROM audit_entry WHERE tenant_id = $1 AND action = 'organization.import' ORDER BY id DESC LIMIT 1`,
        [tenant.tenantId],
      );
      expect(audit).toMatchObject({ organization_id: tenant.rootId, changes: { created: 4 } });

      // a re-import adds nothing twice: by 单位编码, or by name under the same parent
      const again = await upload(t.http, tenant.adminToken, 'organizations', file, false).expect(201);
      expect(again.body).toMatchObject({ rows: 4, created: 0, skipped: 4, errors: [] });
      expect(again.body.preview.every((p: { id: string | null }) => p.id !== null)).toBe(true);
      expect(await countRows(tenant.tenantId)).toEqual({ ...before, orgs: before.orgs + 4 });
    });

    it('finds the header by name: any column order, extra columns ignored, blank rows skipped; a missing column is one error', async () => {
      const file = await sheet(
        ['备注', '单位编码', '单位类型', '单位名称'],
        [['x', 'HX-1', '医院', '第一医院'], [], ['', '', '', '']],
      );
      const res = await upload(t.http, tenant.adminToken, 'organizations', file, true).expect(200);
      expect(res.body).toMatchObject({ rows: 1, created: 1, errors: [] });
      const missing = await sheet(['单位名称', '上级单位'], [['某单位', '']]);
      const bad = await upload(t.http, tenant.adminToken, 'organizations', missing, true).expect(200);
      expect(bad.body.errors).toEqual([{ row: 1, column: '单位类型', message: '缺少必填列“单位类型”' }]);
    });

    it('reports each problem by row and column; an apply with any error is 422 and writes nothing', async () => {
      const west = await createOrg(t.http, tenant.adminToken, tenant.rootId, '西片');
      const north = await createOrg(t.http, tenant.adminToken, tenant.rootId, '北片');
      await createOrg(t.http, tenant.adminToken, west, '中心校');
      await createOrg(t.http, tenant.adminToken, north, '中心校');
      await t.http
        .post(`${V1}/organizations`)
        .set(bearer(tenant.adminToken))
        .send({ parentId: north, name: '北片卫生院', kind: 'HOSPITAL', code: 'NORTH-1' })
        .expect(201);
      const branch = await createUser(t.http, tenant.adminToken, [{ organizationId: west, role: 'ADMIN' }], 'west');
      const other = await registerTenant(t.http, '外区教育局');
      const rows = [
        ['好单位', '', '学校', ''], // 2 fine
        ['甲', '不存在的单位', '学校', ''], // 3 unknown parent
        ['乙', '中心校', '学校', ''], // 4 names one unit in scope (the sibling's namesake is out of scope)
        ['丙', '', '飞船', ''], // 5 unknown type
        ['丁', '', '学校', 'W-1'], // 6
        ['戊', '', '学校', 'W-1'], // 7 code twice in the file
        ['己', '', '学校', 'NORTH-1'], // 8 code of a unit outside the scope
        ['环一', '环二', '学校', ''], // 9 cycle
        ['环二', '环一', '学校', ''], // 10 cycle
        ['好单位', '', '学校', ''], // 11 the same name under the same parent
        ['庚', '北片', '学校', ''], // 12 a sibling branch: as unknown
        ['辛', '外区教育局', '学校', ''], // 13 another tenant's unit: as unknown
        ['', '', '学校', ''], // 14 no name
        ['壬', '环一', '学校', ''], // 15 under a row with errors
      ];
      const file = await sheet(ORG_HEADERS, rows);
      const before = await countRows(tenant.tenantId);
      const dry = await upload(t.http, branch.token, 'organizations', file, true).expect(200);
      const errors = dry.body.errors as Err[];
      expect(errors).toEqual([
        { row: 3, column: '上级单位', message: '上级单位“不存在的单位”不存在' },
        {
          row: 5,
          column: '单位类型',
          message: expect.stringMatching(/^单位类型“飞船”无法识别/),
        },
        { row: 7, column: '单位编码', message: '单位编码“W-1”与第6行重复' },
        { row: 8, column: '单位编码', message: '单位编码“NORTH-1”已被其他单位使用' },
        { row: 9, column: '上级单位', message: '上级单位形成循环(第9、10行)' },
        { row: 10, column: '上级单位', message: '上级单位形成循环(第9、10行)' },
        { row: 11, column: '单位名称', message: '同一上级单位下单位名称“好单位”重复(第2行)' },
        { row: 12, column: '上级单位', message: '上级单位“北片”不存在' },
        { row: 13, column: '上级单位', message: '上级单位“外区教育局”不存在' },
        { row: 14, column: '单位名称', message: '请填写单位名称' },
        { row: 15, column: '上级单位', message: '上级单位“环一”(第9行)有错误,本行无法导入' },
      ]);
      expect(dry.body.preview.find((p: { row: number }) => p.row === 4)).toMatchObject({ outcome: 'create' });
      const applied = await upload(t.http, branch.token, 'organizations', file, false).expect(422);
      expect(applied.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
      expect(applied.body.details.errors).toEqual(errors);
      expect(await countRows(tenant.tenantId)).toEqual(before);
      expect(other.rootId).toBeTruthy();
    });

    it('asks for 单位编码 when a parent name matches several units; an empty parent needs a single own unit', async () => {
      const file = await sheet(ORG_HEADERS, [['新校', '中心校', '学校', '']]);
      const res = await upload(t.http, tenant.adminToken, 'organizations', file, true).expect(200);
      expect(res.body.errors).toEqual([
        { row: 2, column: '上级单位', message: '上级单位“中心校”对应多个同名单位,请改填其单位编码' },
      ]);
      const a = await createOrg(t.http, tenant.adminToken, tenant.rootId, '双管甲');
      const b = await createOrg(t.http, tenant.adminToken, tenant.rootId, '双管乙');
      const two = await createUser(
        t.http,
        tenant.adminToken,
        [
          { organizationId: a, role: 'ADMIN' },
          { organizationId: b, role: 'ADMIN' },
        ],
        'two',
      );
      const empty = await upload(
        t.http,
        two.token,
        'organizations',
        await sheet(ORG_HEADERS, [['某校', '', '学校', '']]),
        true,
      ).expect(200);
      expect(empty.body.errors).toEqual([
        { row: 2, column: '上级单位', message: '您管理多个单位,请填写上级单位(名称或单位编码)' },
      ]);
      const named = await upload(
        t.http,
        two.token,
        'organizations',
        await sheet(ORG_HEADERS, [['某校', '双管乙', '学校', '']]),
        true,
      ).expect(200);
      expect(named.body.errors).toEqual([]);
    });

    it('needs dryRun, an .xlsx (415) under the size limit (413), and organization:write', async () => {
      const file = await sheet(ORG_HEADERS, [['某校', '', '学校', '']]);
      await upload(t.http, tenant.adminToken, 'organizations', file, null).expect(400);
      await upload(t.http, tenant.adminToken, 'organizations', Buffer.from('单位名称,上级单位\n甲,乙\n'), true).expect(
        415,
      );
      await upload(t.http, tenant.adminToken, 'users', Buffer.from('%PDF-1.4 not a sheet'), true).expect(415);
      const big = Buffer.alloc(t.config.uploads.maxImportBytes + 1024, 1);
      await upload(t.http, tenant.adminToken, 'organizations', big, true).expect(413);
      const reporter = await createUser(
        t.http,
        tenant.adminToken,
        [{ organizationId: tenant.rootId, role: 'REPORTER' }],
        'rep',
      );
      await upload(t.http, reporter.token, 'organizations', file, true).expect(403);
    });

    it('applies 5,000 units (four levels, children listed before parents) in a few seconds; a re-import skips them all', async () => {
      const rows: unknown[][] = [];
      for (let d = 0; d < 10; d++) {
        for (let s = 0; s < 20; s++) {
          for (let u = 0; u < 24; u++)
            rows.push([`大区${d}街道${s}单位${u}`, `BIG-${d}-${s}`, '学校', `BIG-${d}-${s}-${u}`]);
          rows.push([`大区${d}街道${s}`, `大区${d}`, '街道', `BIG-${d}-${s}`]);
        }
        rows.push([`大区${d}`, '', '政府', `BIG-${d}`]);
      }
      expect(rows).toHaveLength(5010);
      const file = await sheet(ORG_HEADERS, rows);
      const started = Date.now();
      const res = await upload(t.http, tenant.adminToken, 'organizations', file, false).expect(201);
      const ms = Date.now() - started;
      expect(res.body).toMatchObject({ rows: 5010, created: 5010, errors: [] });
      expect(res.body.preview).toHaveLength(1000);
      expect(ms).toBeLessThan(15_000);
      const [deep] = await sql<{ depth: number; ok: boolean }>(
        `SELECT o.depth, o.path LIKE p.path || '%' AS ok FROM organization o JOIN organization p ON p.id = o.parent_id
          WHERE o.tenant_id = $1 AND o.code = 'BIG-9-19-23'`,
        [tenant.tenantId],
      );
      expect(deep).toEqual({ depth: 3, ok: true });
      const again = await upload(t.http, tenant.adminToken, 'organizations', file, false).expect(201);
      expect(again.body).toMatchObject({ created: 0, skipped: 5010 });
    }, 60_000);

    it('two identical imports sent at once create every unit once', async () => {
      const file = await sheet(ORG_HEADERS, [
        ['并发甲', '', '学校', ''],
        ['并发乙', '并发甲', '学校', 'PAR-1'],
      ]);
      const results = await Promise.all(
        [0, 1, 2].map(() => upload(t.http, tenant.adminToken, 'organizations', file, false)),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(results.map((r) => r.body.created).sort()).toEqual([0, 0, 2]);
      const [n] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM organization WHERE tenant_id = $1 AND name IN ('并发甲', '并发乙')`,
        [tenant.tenantId],
      );
      expect(n!.n).toBe(2);
    });
  });

  describe('users', () => {
    let unitA: string;
    let unitB: string;
    let branch: { id: string; email: string; token: string };

    beforeAll(async () => {
      unitA = await createOrg(t.http, tenant.adminToken, tenant.rootId, '用户甲校', 'SCHOOL');
      await t.http
        .patch(`${V1}/organizations/${unitA}`)
        .set(bearer(tenant.adminToken))
        .send({ code: 'U-A' })
        .expect(200);
      unitB = await createOrg(t.http, tenant.adminToken, unitA, '用户乙班', 'SCHOOL');
      branch = await createUser(t.http, tenant.adminToken, [{ organizationId: unitA, role: 'ADMIN' }], 'ua');
    });

    it('creates users without password, phone and e-mail normalised, roles by alias; one person on two rows gets two memberships', async () => {
      const file = await sheet(USER_HEADERS, [
        ['王老师', 13800000001, 'Wang@School.Example', '用户甲校', '填报员'],
        ['王老师', '+86 138-0000-0001', '', '用户乙班', 'VIEWER'],
        ['赵老师', '', 'zhao@school.example', 'U-A', '查阅者'],
        ['钱主任', '139 0000 0002', '', '用户乙班', '组织者'],
      ]);
      const before = await countRows(tenant.tenantId);
      const dry = await upload(t.http, branch.token, 'users', file, true).expect(200);
      expect(dry.body).toMatchObject({ rows: 4, created: 4, updated: 0, skipped: 0, errors: [] });
      expect(await countRows(tenant.tenantId)).toEqual(before);
      const res = await upload(t.http, branch.token, 'users', file, false).expect(201);
      expect(res.body).toMatchObject({ rows: 4, created: 4, errors: [] });
      expect(res.body.preview[0].id).toBe(res.body.preview[1].id);
      const users = await sql<{
        name: string;
        phone: string | null;
        email: string | null;
        password_hash: string | null;
        roles: string[];
      }>(
        `SELECT u.name, u.phone, u.email, u.password_hash, array_agg(m.role::text ORDER BY m.role) AS roles
           FROM app_user u JOIN membership m ON m.user_id = u.id
          WHERE u.tenant_id = $1 AND u.name IN ('王老师', '赵老师', '钱主任') GROUP BY u.id ORDER BY u.name`,
        [tenant.tenantId],
      );
      expect(users).toEqual(
        [
          {
            name: '王老师',
            phone: '13800000001',
            email: 'wang@school.example',
            password_hash: null,
            roles: ['REPORTER', 'VIEWER'],
          },
          { name: '赵老师', phone: null, email: 'zhao@school.example', password_hash: null, roles: ['VIEWER'] },
          { name: '钱主任', phone: '13900000002', email: null, password_hash: null, roles: ['ORGANIZER'] },
        ].sort((a, b) => (a.name < b.name ? -1 : 1)),
      );
      const again = await upload(t.http, branch.token, 'users', file, false).expect(201);
      expect(again.body).toMatchObject({ created: 0, updated: 0, skipped: 4 });
    });

    it('adds a membership to an existing user it may manage (updated), and treats others’ log-ins as already used', async () => {
      const existing = await createUser(
        t.http,
        tenant.adminToken,
        [{ organizationId: unitB, role: 'REPORTER' }],
        'exist',
      );
      const other = await registerTenant(t.http, '别区教育局');
      const file = await sheet(USER_HEADERS, [
        ['已有用户', '', existing.email, '用户甲校', '查看者'], // 2 update
        ['租户管理员', '', tenant.adminEmail, '用户乙班', '查看者'], // 3 the tenant admin: not the branch's to change
        ['外人', '', other.adminEmail.toUpperCase(), '用户乙班', '查看者'], // 4 another tenant's e-mail
      ]);
      const dry = await upload(t.http, branch.token, 'users', file, true).expect(200);
      expect(dry.body.errors).toEqual([
        { row: 3, column: '邮箱', message: `邮箱“${tenant.adminEmail}”已被使用` },
        { row: 4, column: '邮箱', message: `邮箱“${other.adminEmail}”已被使用` },
      ]);
      const ok = await sheet(USER_HEADERS, [['已有用户', '', existing.email, '用户甲校', '查看者']]);
      const res = await upload(t.http, branch.token, 'users', ok, false).expect(201);
      expect(res.body).toMatchObject({ created: 0, updated: 1, skipped: 0 });
      expect(res.body.preview[0]).toMatchObject({ outcome: 'update', id: existing.id });
      const roles = await sql<{ organization_id: string }>(
        `SELECT organization_id FROM membership WHERE user_id = $1`,
        [existing.id],
      );
      expect(roles.map((r) => r.organization_id).sort()).toEqual([unitA, unitB].sort());
    });

    it('reports bad rows by row and column, and an apply with any of them writes nothing (422)', async () => {
      await createOrg(t.http, tenant.adminToken, unitB, '同名班');
      await createOrg(t.http, tenant.adminToken, unitA, '同名班');
      const file = await sheet(USER_HEADERS, [
        ['好人', '13700000001', '', '用户甲校', '填报员'], // 2 fine
        ['无联系', '', '', '用户甲校', '填报员'], // 3
        ['坏手机', '12345', '', '用户甲校', '填报员'], // 4
        ['坏邮箱', '', 'not-an-email', '用户甲校', '填报员'], // 5
        ['无单位', '13700000005', '', '不存在的学校', '填报员'], // 6
        ['同名', '13700000006', '', '同名班', '填报员'], // 7
        ['怪角色', '13700000007', '', '用户甲校', '校长'], // 8
        ['好人', '137 0000 0001', '', '用户甲校', '查看者'], // 9 duplicate of row 2
        ['越界', '13700000009', '', '临湖区教育局', '填报员'], // 10 above the branch: as unknown
      ]);
      const before = await countRows(tenant.tenantId);
      const dry = await upload(t.http, branch.token, 'users', file, true).expect(200);
      expect(dry.body.errors).toEqual([
        { row: 3, column: '手机号', message: '手机号和邮箱至少填写一项' },
        { row: 4, column: '手机号', message: '手机号“12345”格式不正确' },
        { row: 5, column: '邮箱', message: '邮箱“not-an-email”格式不正确' },
        { row: 6, column: '单位', message: '单位“不存在的学校”不存在' },
        { row: 7, column: '单位', message: '单位“同名班”对应多个同名单位,请改填其单位编码' },
        { row: 8, column: '角色', message: '角色“校长”无法识别,可填:管理员、组织者、填报员、查看者' },
        { row: 9, column: '手机号', message: '手机号“13700000001”与第2行重复' },
        { row: 10, column: '单位', message: '单位“临湖区教育局”不存在' },
      ]);
      const res = await upload(t.http, branch.token, 'users', file, false).expect(422);
      expect(res.body.details.errors).toHaveLength(8);
      expect(await countRows(tenant.tenantId)).toEqual(before);
    });

    it('applies 5,000 users in one go; identical imports sent at once create each user once', async () => {
      const rows = Array.from({ length: 5000 }, (_, i) => [
        `批量${i}`,
        `15${String(i).padStart(9, '0')}`,
        '',
        i % 2 ? 'U-A' : '用户乙班',
        '填报员',
      ]);
      const file = await sheet(USER_HEADERS, rows);
      const started = Date.now();
      const res = await upload(t.http, tenant.adminToken, 'users', file, false).expect(201);
      expect(res.body).toMatchObject({ rows: 5000, created: 5000, errors: [] });
      expect(Date.now() - started).toBeLessThan(15_000);
      const small = await sheet(USER_HEADERS, [['并发用户', '13600000001', '', '用户甲校', '填报员']]);
      const results = await Promise.all([0, 1, 2].map(() => upload(t.http, tenant.adminToken, 'users', small, false)));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(results.map((r) => r.body.created).sort()).toEqual([0, 0, 1]);
      const [n] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE phone = '13600000001'`);
      expect(n!.n).toBe(1);
    }, 60_000);
  });
});
