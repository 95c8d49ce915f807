import {
  type ExistingUnit,
  type OrgColumn,
  type OrgImportState,
  planOrganizationImport,
} from './organization-import.plan.js';
import type { SheetRow } from '../../core/spreadsheet/sheet-table.js';

const ROOT: ExistingUnit = {
  id: 'root',
  parentId: null,
  name: '区教育局',
  code: null,
  path: '/root/',
  depth: 0,
  archived: false,
};
const state = (units: ExistingUnit[] = [ROOT]): OrgImportState => ({
  units,
  codesElsewhere: new Set(),
  defaultParentId: 'root',
});
let n = 0;
const ids = () => `n${++n}`;
const rows = (...cells: [string, string, string, string][]): SheetRow<OrgColumn>[] =>
  cells.map(([a, b, c, d], i) => ({ row: i + 2, cells: { 单位名称: a, 上级单位: b, 单位类型: c, 单位编码: d } }));

describe('planOrganizationImport', () => {
  it('resolves rows in any order and computes paths and depths in memory, parents first', () => {
    n = 0;
    const plan = planOrganizationImport(
      rows(['班', '校', '学校', ''], ['校', '镇', '学校', ''], ['镇', '', '乡镇', 'T1']),
      state(),
      ids,
    );
    expect(plan.errors.list).toEqual([]);
    expect(plan.inserts.map((u) => [u.name, u.depth, u.path])).toEqual([
      ['镇', 1, '/root/n1/'],
      ['校', 2, '/root/n1/n2/'],
      ['班', 3, '/root/n1/n2/n3/'],
    ]);
  });

  it('skips rows already there by code or by name under the same parent', () => {
    const town = { id: 't', parentId: 'root', name: '镇', code: 'T1', path: '/root/t/', depth: 1, archived: false };
    const school = { id: 's', parentId: 't', name: '校', code: null, path: '/root/t/s/', depth: 2, archived: false };
    const plan = planOrganizationImport(
      rows(['改名的镇', '', '乡镇', 'T1'], ['校', 'T1', '学校', '']),
      state([ROOT, town, school]),
    );
    expect(plan.planned.map((p) => [p.outcome, p.id])).toEqual([
      ['skip', 't'],
      ['skip', 's'],
    ]);
    expect(plan.inserts).toEqual([]);
  });

  it('marks every row of a cycle, and rows below it', () => {
    const plan = planOrganizationImport(
      rows(['甲', '乙', '学校', ''], ['乙', '丙', '学校', ''], ['丙', '甲', '学校', ''], ['丁', '丙', '学校', '']),
      state(),
    );
    expect(plan.errors.list.map((e) => [e.row, e.message])).toEqual([
      [2, '上级单位形成循环(第2、3、4行)'],
      [3, '上级单位形成循环(第2、3、4行)'],
      [4, '上级单位形成循环(第2、3、4行)'],
      [5, '上级单位“丙”(第4行)有错误,本行无法导入'],
    ]);
    expect(plan.inserts).toEqual([]);
  });
});
