// The organization sheet resolved as a graph, in memory and without queries: each row names its parent by
// name or 单位编码 — an existing unit in the importer's scope or another row of the same file, in any
// order — and becomes a unit to create (id, path and depth computed here), a unit already there (skip),
// or errors by row and column. Pure; tested in organization-import.plan.spec.ts.
import { randomUUID } from 'node:crypto';
import {
  ORGANIZATION_IMPORT_COLUMNS,
  ORGANIZATION_KIND_ALIASES,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  type OrganizationKind,
} from '@campaign-month/contracts';
import { type PlannedRow, RowErrors } from '../../core/spreadsheet/import-result.js';
import type { SheetRow } from '../../core/spreadsheet/sheet-table.js';

export type OrgColumn = (typeof ORGANIZATION_IMPORT_COLUMNS)[number];
const [NAME, PARENT, KIND, CODE] = ORGANIZATION_IMPORT_COLUMNS;
export const ORG_REQUIRED_COLUMNS: OrgColumn[] = [NAME, KIND];

export interface ExistingUnit {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
  path: string;
  depth: number;
  archived: boolean;
}

export interface OrgImportState {
  /** Every unit in the importer's organization:write scope (archived ones included). */
  units: ExistingUnit[];
  /** 单位编码 of the file already used by units outside the scope. */
  codesElsewhere: Set<string>;
  /** The importer's own unit (an empty 上级单位); null when it administers several unrelated units. */
  defaultParentId: string | null;
}

export interface NewUnit {
  id: string;
  parentId: string;
  name: string;
  kind: OrganizationKind;
  code: string | null;
  path: string;
  depth: number;
}

export interface OrgImportPlan {
  planned: PlannedRow[];
  errors: RowErrors;
  /** Parents before children. */
  inserts: NewUnit[];
}

const KIND_BY_TEXT = new Map<string, OrganizationKind>([
  ...ORGANIZATION_KINDS.map((k) => [k, k] as const),
  ...Object.entries(ORGANIZATION_KIND_LABELS).map(([k, label]) => [label, k as OrganizationKind] as const),
  ...Object.entries(ORGANIZATION_KIND_ALIASES),
]);

export function parseOrganizationKind(text: string): OrganizationKind | null {
  return KIND_BY_TEXT.get(text) ?? KIND_BY_TEXT.get(text.toUpperCase()) ?? null;
}

/** Where a row lands: an existing unit (skip) or a new one. */
interface Target {
  id: string;
  path: string;
  depth: number;
  existing: boolean;
  archived: boolean;
}

interface Row {
  row: number;
  name: string;
  parentRef: string;
  kind: OrganizationKind | null;
  code: string | null;
  state: 'new' | 'visiting' | 'done';
  target: Target | null;
  parentId: string | null;
}

export function planOrganizationImport(
  sheet: SheetRow<OrgColumn>[],
  state: OrgImportState,
  newId: () => string = randomUUID,
): OrgImportPlan {
  const errors = new RowErrors();
  const unitById = new Map(state.units.map((u) => [u.id, u]));
  const unitByCode = new Map(state.units.filter((u) => u.code).map((u) => [u.code!, u]));
  const activeByName = group(
    state.units.filter((u) => !u.archived),
    (u) => u.name,
  );
  const activeChild = new Map(state.units.filter((u) => !u.archived).map((u) => [`${u.parentId}/${u.name}`, u]));
  const asTarget = (u: ExistingUnit): Target => ({ ...u, existing: true });

  const rows: Row[] = sheet.map(({ row, cells }) => {
    const r: Row = {
      row,
      name: cells[NAME],
      parentRef: cells[PARENT],
      kind: null,
      code: cells[CODE] || null,
      state: 'new',
      target: null,
      parentId: null,
    };
    if (!r.name) errors.add(row, NAME, '请填写单位名称');
    else if (r.name.length > 200) errors.add(row, NAME, '单位名称不能超过200个字');
    if (!cells[KIND]) errors.add(row, KIND, '请填写单位类型');
    else {
      r.kind = parseOrganizationKind(cells[KIND]);
      if (!r.kind)
        errors.add(
          row,
          KIND,
          `单位类型“${cells[KIND]}”无法识别,可填:${Object.values(ORGANIZATION_KIND_LABELS).join('、')}`,
        );
    }
    if (r.code && r.code.length > 64) errors.add(row, CODE, '单位编码不能超过64个字符');
    return r;
  });

  const rowByCode = new Map<string, Row>();
  for (const r of rows) {
    if (!r.code) continue;
    const first = rowByCode.get(r.code);
    if (first) errors.add(r.row, CODE, `单位编码“${r.code}”与第${first.row}行重复`);
    else rowByCode.set(r.code, r);
    if (state.codesElsewhere.has(r.code)) errors.add(r.row, CODE, `单位编码“${r.code}”已被其他单位使用`);
  }
  const rowsByName = group(
    rows.filter((r) => r.name),
    (r) => r.name,
  );

  const stack: Row[] = [];
  const resolve = (r: Row): Target | null => {
    if (r.state === 'done') return r.target;
    if (r.state === 'visiting') {
      const cycle = stack.slice(stack.indexOf(r));
      const list = cycle.map((c) => c.row).join('、');
      for (const c of cycle) if (!errors.has(c.row)) errors.add(c.row, PARENT, `上级单位形成循环(第${list}行)`);
      return null;
    }
    r.state = 'visiting';
    stack.push(r);
    r.target = locate(r);
    stack.pop();
    r.state = 'done';
    return r.target;
  };

  const locate = (r: Row): Target | null => {
    // the same 单位编码 as a unit in scope: that unit, already there
    const known = r.code ? unitByCode.get(r.code) : undefined;
    if (known && rowByCode.get(r.code!) === r) return asTarget(known);
    const parent = parentOf(r);
    if (!parent || errors.has(r.row)) return null;
    r.parentId = parent.id;
    const same = parent.existing ? activeChild.get(`${parent.id}/${r.name}`) : undefined;
    if (same) return asTarget(same);
    const id = newId();
    return { id, path: `${parent.path}${id}/`, depth: parent.depth + 1, existing: false, archived: false };
  };

  const parentOf = (r: Row): Target | null => {
    const ref = r.parentRef;
    if (!ref) {
      const own = state.defaultParentId ? unitById.get(state.defaultParentId) : undefined;
      if (!own) {
        errors.add(r.row, PARENT, '您管理多个单位,请填写上级单位(名称或单位编码)');
        return null;
      }
      return asTarget(own);
    }
    const candidates = new Map<string, Target>();
    let broken: Row | null = null;
    const consider = (t: Target | null, from?: Row) => {
      if (t) candidates.set(t.id, t);
      else if (from) broken = from;
    };
    const byCodeRow = rowByCode.get(ref);
    const byCodeUnit = unitByCode.get(ref);
    if (byCodeRow && byCodeRow !== r) consider(resolve(byCodeRow), byCodeRow);
    else if (byCodeUnit) consider(asTarget(byCodeUnit));
    else {
      for (const other of rowsByName.get(ref) ?? []) if (other !== r) consider(resolve(other), other);
      for (const u of activeByName.get(ref) ?? []) consider(asTarget(u));
    }
    if (errors.has(r.row)) return null; // part of a cycle
    if (broken) {
      errors.add(r.row, PARENT, `上级单位“${ref}”(第${(broken as Row).row}行)有错误,本行无法导入`);
      return null;
    }
    if (candidates.size === 0) {
      errors.add(r.row, PARENT, `上级单位“${ref}”不存在`);
      return null;
    }
    if (candidates.size > 1) {
      errors.add(r.row, PARENT, `上级单位“${ref}”对应多个同名单位,请改填其单位编码`);
      return null;
    }
    const parent = [...candidates.values()][0]!;
    if (parent.archived) {
      errors.add(r.row, PARENT, `上级单位“${ref}”已归档`);
      return null;
    }
    return parent;
  };

  for (const r of rows) resolve(r);

  // one name once under one parent (reported on the later row)
  const seen = new Map<string, Row>();
  for (const r of rows) {
    if (!r.target || !r.parentId) continue;
    const key = `${r.parentId}/${r.name}`;
    const first = seen.get(key);
    if (first) errors.add(r.row, NAME, `同一上级单位下单位名称“${r.name}”重复(第${first.row}行)`);
    else seen.set(key, r);
  }

  const planned: PlannedRow[] = rows.map((r) => ({
    row: r.row,
    name: r.name,
    outcome: errors.has(r.row) || !r.target ? 'error' : r.target.existing ? 'skip' : 'create',
    id: r.target?.id ?? null,
  }));
  const inserts = rows
    .filter((r) => r.target && !r.target.existing && !errors.has(r.row))
    .map((r) => ({
      id: r.target!.id,
      parentId: r.parentId!,
      name: r.name,
      kind: r.kind!,
      code: r.code,
      path: r.target!.path,
      depth: r.target!.depth,
    }))
    .sort((a, b) => a.depth - b.depth);
  return { planned, errors, inserts };
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
