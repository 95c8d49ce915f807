// The user sheet resolved in memory, without queries: each row is a person (by 手机号 or 邮箱; two rows
// of one person with two units give two memberships) at a unit of the importer's user:write scope with a
// role it may grant. A person already in the tenant is skipped when it has that membership, gets it when
// the importer may manage that user, and is otherwise "already used" — as a log-in of another tenant is.
import { randomUUID } from 'node:crypto';
import { ROLE_ALIASES, ROLE_LABELS, ROLES, type Role, USER_IMPORT_COLUMNS } from '@campaign-month/contracts';
import { normalizePhone, PHONE_PATTERN } from '../../core/auth/login-id.js';
import type { Actor } from '../../core/context/request-context.js';
import { type PlannedRow, RowErrors } from '../../core/spreadsheet/import-result.js';
import type { SheetRow } from '../../core/spreadsheet/sheet-table.js';
import { canManageUser, mayGrant } from './user-scope.js';

export type UserColumn = (typeof USER_IMPORT_COLUMNS)[number];
const [NAME, PHONE, EMAIL, UNIT, ROLE] = USER_IMPORT_COLUMNS;
export const USER_REQUIRED_COLUMNS: UserColumn[] = [NAME, UNIT, ROLE];
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ScopeUnit {
  id: string;
  name: string;
  code: string | null;
  path: string;
  archived: boolean;
}

export interface ExistingUser {
  id: string;
  email: string | null;
  phone: string | null;
  memberships: { organizationId: string; role: Role; path: string }[];
}

export interface UserImportState {
  /** Units in the importer's user:write scope. */
  units: ScopeUnit[];
  /** Users of the tenant with a 手机号 or 邮箱 of the file. */
  users: ExistingUser[];
  /** 手机号 and e-mails of the file that users of other tenants hold. */
  usedElsewhere: Set<string>;
}

export interface UserImportPlan {
  planned: PlannedRow[];
  errors: RowErrors;
  newUsers: { id: string; name: string; email: string | null; phone: string | null }[];
  newMemberships: { userId: string; organizationId: string; role: Role }[];
}

const ROLE_BY_TEXT = new Map<string, Role>([
  ...ROLES.map((r) => [r, r] as const),
  ...Object.entries(ROLE_LABELS).map(([r, label]) => [label, r as Role] as const),
  ...Object.entries(ROLE_ALIASES),
]);

export function parseRole(text: string): Role | null {
  return ROLE_BY_TEXT.get(text) ?? ROLE_BY_TEXT.get(text.toUpperCase()) ?? null;
}

interface Person {
  firstRow: number;
  phone: string | null;
  email: string | null;
  units: Map<string, number>;
  /** Set once resolved: the user's id (new or existing) and, for an existing user, its row. */
  id?: string;
  existing?: ExistingUser | null;
}

interface Row {
  row: number;
  name: string;
  phone: string | null;
  email: string | null;
  unit: ScopeUnit | null;
  role: Role | null;
  person: Person | null;
}

export function planUserImport(
  sheet: SheetRow<UserColumn>[],
  state: UserImportState,
  actor: Actor,
  newId: () => string = randomUUID,
): UserImportPlan {
  const errors = new RowErrors();
  const unitByCode = new Map(state.units.filter((u) => u.code).map((u) => [u.code!, u]));
  const unitsByName = new Map<string, ScopeUnit[]>();
  for (const u of state.units.filter((x) => !x.archived))
    unitsByName.set(u.name, [...(unitsByName.get(u.name) ?? []), u]);
  const userByPhone = new Map(state.users.filter((u) => u.phone).map((u) => [u.phone!, u]));
  const userByEmail = new Map(state.users.filter((u) => u.email).map((u) => [u.email!, u]));
  const personByPhone = new Map<string, Person>();
  const personByEmail = new Map<string, Person>();

  const rows: Row[] = sheet.map(({ row, cells }) => {
    const r: Row = { row, name: cells[NAME], phone: null, email: null, unit: null, role: null, person: null };
    if (!r.name) errors.add(row, NAME, '请填写姓名');
    else if (r.name.length > 100) errors.add(row, NAME, '姓名不能超过100个字');
    if (cells[PHONE]) {
      r.phone = normalizePhone(cells[PHONE]);
      if (!PHONE_PATTERN.test(r.phone)) errors.add(row, PHONE, `手机号“${cells[PHONE]}”格式不正确`);
    }
    if (cells[EMAIL]) {
      r.email = cells[EMAIL].toLowerCase();
      if (r.email.length > 254 || !EMAIL_PATTERN.test(r.email))
        errors.add(row, EMAIL, `邮箱“${cells[EMAIL]}”格式不正确`);
    }
    if (!r.phone && !r.email) errors.add(row, PHONE, '手机号和邮箱至少填写一项');
    for (const [login, column] of [
      [r.phone, PHONE],
      [r.email, EMAIL],
    ] as const) {
      if (login && state.usedElsewhere.has(login)) errors.add(row, column, `${column}“${login}”已被使用`);
    }
    r.unit = findUnit(cells[UNIT], row);
    if (!cells[ROLE]) errors.add(row, ROLE, '请填写角色');
    else {
      r.role = parseRole(cells[ROLE]);
      if (!r.role) errors.add(row, ROLE, `角色“${cells[ROLE]}”无法识别,可填:管理员、组织者、填报员、查看者`);
      else if (r.unit && !mayGrant(actor, r.unit.path, r.role))
        errors.add(row, ROLE, `您不能授予高于自己的角色(${ROLE_LABELS[r.role]})`);
    }
    if (!errors.has(row)) r.person = personOf(r);
    return r;
  });

  function findUnit(ref: string, row: number): ScopeUnit | null {
    if (!ref) {
      errors.add(row, UNIT, '请填写单位(名称或单位编码)');
      return null;
    }
    const byCode = unitByCode.get(ref);
    const matches = byCode ? [byCode] : (unitsByName.get(ref) ?? []);
    if (matches.length === 0) errors.add(row, UNIT, `单位“${ref}”不存在`);
    else if (matches.length > 1) errors.add(row, UNIT, `单位“${ref}”对应多个同名单位,请改填其单位编码`);
    else if (matches[0]!.archived) errors.add(row, UNIT, `单位“${ref}”已归档`);
    else return matches[0]!;
    return null;
  }

  /** The person of a row: one seen before with the same 手机号 or 邮箱 (they must agree), or a new one. */
  function personOf(r: Row): Person | null {
    const byPhone = r.phone ? personByPhone.get(r.phone) : undefined;
    const byEmail = r.email ? personByEmail.get(r.email) : undefined;
    if (byPhone && byEmail && byPhone !== byEmail) {
      errors.add(r.row, EMAIL, `手机号与邮箱分别出现在第${byPhone.firstRow}行和第${byEmail.firstRow}行的不同人员中`);
      return null;
    }
    const p = byPhone ?? byEmail ?? { firstRow: r.row, phone: null, email: null, units: new Map<string, number>() };
    if (p.phone && r.phone && p.phone !== r.phone) {
      errors.add(r.row, PHONE, `邮箱“${r.email}”在第${p.firstRow}行对应另一个手机号`);
      return null;
    }
    if (p.email && r.email && p.email !== r.email) {
      errors.add(r.row, EMAIL, `手机号“${r.phone}”在第${p.firstRow}行对应另一个邮箱`);
      return null;
    }
    const again = p.units.get(r.unit!.id);
    if (again) {
      errors.add(
        r.row,
        r.phone ? PHONE : EMAIL,
        `${r.phone ? `手机号“${r.phone}”` : `邮箱“${r.email}”`}与第${again}行重复`,
      );
      return null;
    }
    p.units.set(r.unit!.id, r.row);
    p.phone ??= r.phone;
    p.email ??= r.email;
    if (p.phone) personByPhone.set(p.phone, p);
    if (p.email) personByEmail.set(p.email, p);
    return p;
  }

  const plan: UserImportPlan = { planned: [], errors, newUsers: [], newMemberships: [] };
  for (const r of rows) {
    const p = r.person;
    let outcome: PlannedRow['outcome'] = 'error';
    if (p && !errors.has(r.row)) {
      if (p.existing === undefined) resolveExisting(r, p);
      if (p.existing === null && p.id === undefined) {
        p.id = newId();
        plan.newUsers.push({ id: p.id, name: r.name, email: p.email, phone: p.phone });
      }
      if (!errors.has(r.row)) {
        const had = p.existing?.memberships.some((m) => m.organizationId === r.unit!.id);
        if (had) outcome = 'skip';
        else if (p.existing && !canManageUser(actor, p.existing.memberships)) {
          const column = p.phone && userByPhone.get(p.phone) === p.existing ? PHONE : EMAIL;
          errors.add(r.row, column, `${column}“${column === PHONE ? p.phone : p.email}”已被使用`);
        } else {
          outcome = p.existing ? 'update' : 'create';
          plan.newMemberships.push({ userId: p.id!, organizationId: r.unit!.id, role: r.role! });
        }
      }
    }
    plan.planned.push({ row: r.row, name: r.name, outcome: errors.has(r.row) ? 'error' : outcome, id: p?.id ?? null });
  }
  return plan;

  /** The tenant's user with the person's 手机号 or 邮箱 (null: none; two different users is an error). */
  function resolveExisting(r: Row, p: Person): void {
    const byPhone = p.phone ? userByPhone.get(p.phone) : undefined;
    const byEmail = p.email ? userByEmail.get(p.email) : undefined;
    if (byPhone && byEmail && byPhone !== byEmail) {
      errors.add(r.row, EMAIL, `邮箱“${p.email}”已被使用`);
      p.existing = undefined;
      return;
    }
    p.existing = byPhone ?? byEmail ?? null;
    if (p.existing) p.id = p.existing.id;
  }
}
