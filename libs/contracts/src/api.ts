// Request and response shapes of the HTTP API (DESIGN.md), shared by the API and the web app.
// Plain types only: no Prisma, no decorators.
import type { OrganizationKind, Role } from './enums.js';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; message: string }[] | Record<string, unknown>;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

export interface RegisterTenantRequest {
  tenantName: string;
  organization: { name: string; kind: OrganizationKind };
  admin: { name: string; email?: string; phone?: string; password: string };
}

/** POST /auth/login: `login` is a 手机号 or an e-mail (`email` is still accepted in its place). */
export interface LoginRequest {
  login?: string;
  email?: string;
  password: string;
}

export interface MembershipView {
  id: string;
  organizationId: string;
  organizationName: string;
  /** The unit's kind: forms fit it (event types, 领导小组 departments). */
  organizationKind: OrganizationKind;
  role: Role;
}

export interface UserView {
  id: string;
  /** A user has an e-mail, a 手机号 or both; either one logs in. */
  email: string | null;
  phone: string | null;
  name: string;
  isActive: boolean;
  /** False until the user has set a password through an invitation link (待激活). */
  hasPassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  memberships: MembershipView[];
}

/** POST /users: no password — the admin hands the user a one-time invitation link (POST /users/:id/invitation). */
export interface CreateUserRequest {
  name: string;
  email?: string;
  phone?: string;
  memberships: { organizationId: string; role: Role }[];
}

/** PATCH /users/:id: every field optional; email/phone null removes one (a user keeps at least one). */
export interface UpdateUserRequest {
  name?: string;
  email?: string | null;
  phone?: string | null;
  isActive?: boolean;
  memberships?: { organizationId: string; role: Role }[];
}

/** GET /users filters (with page, pageSize). */
export interface UserListQuery {
  /** Part of the name, e-mail or 手机号. */
  q?: string;
  /** Users with a membership at this unit (subtree=true: at it or below it); a unit outside your scope is 404. */
  organizationId?: string;
  subtree?: boolean;
  /** Users with a membership of this role (at organizationId / its subtree when given, else in your scope). */
  role?: Role;
  active?: boolean;
  /** true: no password yet (待激活); false: has one. */
  pending?: boolean;
  page?: number;
  pageSize?: number;
}

export interface MeView extends UserView {
  tenant: { id: string; name: string; timeZone: string };
  permissions: string[];
}

export interface OrganizationView {
  id: string;
  parentId: string | null;
  name: string;
  kind: OrganizationKind;
  /** 单位编码: optional, unique in the tenant. */
  code: string | null;
  depth: number;
  archived: boolean;
  createdAt: string;
}

export interface OrganizationTreeNode extends OrganizationView {
  /** Units in the whole subtree below this one (not counting itself). */
  descendantCount: number;
  /** Users with a membership at this unit itself. */
  memberCount: number;
  children: OrganizationTreeNode[];
}
