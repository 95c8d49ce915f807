// Onboarding and administration (DESIGN.md "Onboarding and administration"): imports from Excel,
// invitations, password change, the audit log. Plain types only.
import type { OrganizationKind, Role } from './enums.js';

/** One problem of an imported sheet: the spreadsheet's row number (the header is row 1) and column header. */
export interface ImportRowError {
  row: number;
  /** The column's header as in the template (单位名称, 上级单位 …); null when the row as a whole is wrong. */
  column: string | null;
  message: string;
}

/**
 * The answer of POST /organizations/import and POST /users/import. A dry run checks every row and writes
 * nothing; an apply writes every row or, when any row has an error, nothing (all-or-nothing, 422).
 */
export interface ImportResult {
  dryRun: boolean;
  /** Data rows read (blank rows are ignored). */
  rows: number;
  /** Rows that add something (on a dry run: would add). */
  created: number;
  /**
   * Rows that change something already there (user import: a membership added to an existing user of the
   * tenant). Always 0 for organizations.
   */
  updated: number;
  /** Rows that are already there (same 单位编码, or same name under the same parent; same 手机号/邮箱). */
  skipped: number;
  errors: ImportRowError[];
  /** Per data row, what happened to it, in sheet order (at most the first 1,000 rows). */
  preview: ImportRowOutcome[];
}

export interface ImportRowOutcome {
  row: number;
  /** 单位名称 or 姓名 */
  name: string;
  /** update: an existing user gets a membership (user import only). */
  outcome: 'create' | 'update' | 'skip' | 'error';
  /** The created or existing row's id (after an apply, or a skip). */
  id: string | null;
}

/** Organization sheet columns, in template order. */
export const ORGANIZATION_IMPORT_COLUMNS = ['单位名称', '上级单位', '单位类型', '单位编码'] as const;
/** User sheet columns, in template order. */
export const USER_IMPORT_COLUMNS = ['姓名', '手机号', '邮箱', '单位', '角色'] as const;

/** Short Chinese names accepted in the 单位类型 column besides the enum and ORGANIZATION_KIND_LABELS. */
export const ORGANIZATION_KIND_ALIASES: Record<string, OrganizationKind> = {
  政府: 'GOVERNMENT_AGENCY',
  机关: 'GOVERNMENT_AGENCY',
  公安: 'POLICE',
  公安局: 'POLICE',
  派出所: 'POLICE',
  医保: 'MEDICAL_INSURANCE',
  医保局: 'MEDICAL_INSURANCE',
  教育: 'EDUCATION_BUREAU',
  教育局: 'EDUCATION_BUREAU',
  学校: 'SCHOOL',
  小学: 'SCHOOL',
  中学: 'SCHOOL',
  幼儿园: 'SCHOOL',
  高校: 'UNIVERSITY',
  大学: 'UNIVERSITY',
  医院: 'HOSPITAL',
  卫生院: 'HOSPITAL',
  乡镇: 'TOWN',
  街道: 'TOWN',
  村: 'VILLAGE',
  社区: 'VILLAGE',
  '村(社区)': 'VILLAGE',
  '村（社区）': 'VILLAGE',
  银行: 'BANK',
  支付机构: 'PAYMENT_PLATFORM',
  企业: 'ENTERPRISE',
  其他: 'OTHER',
};

/** Role names accepted in the 角色 column besides the enum. */
export const ROLE_ALIASES: Record<string, Role> = {
  管理员: 'ADMIN',
  组织者: 'ORGANIZER',
  填报员: 'REPORTER',
  查看者: 'VIEWER',
  查阅者: 'VIEWER',
};

/** POST /users/:id/invitation: a one-time link to set a password (7 days; a new link revokes the old). */
export interface InvitationLink {
  url: string;
  /** The token alone (the last part of url), for clients that build their own link. */
  token: string;
  expiresAt: string;
}

/** GET /invitations/:token (public): what the invited person sees before setting a password. */
export interface InvitationView {
  userName: string;
  /** The log-in the user will type: the 手机号 or e-mail, partly masked (138****5678). */
  login: string;
  tenantName: string;
  organizationNames: string[];
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** GET /audit: one entry of the 操作日志. */
export interface AuditEntryView {
  id: string;
  createdAt: string;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  organization: { id: string; name: string } | null;
  ip: string | null;
  changes: unknown;
}

/**
 * GET /audit filters (with page, pageSize). from/to: a calendar day YYYY-MM-DD in the tenant's time zone
 * (to includes that whole day) or an ISO timestamp. organizationId: entries of that unit (subtree=true: and
 * of the units below it).
 */
export interface AuditQuery {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  organizationId?: string;
  subtree?: boolean;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}
