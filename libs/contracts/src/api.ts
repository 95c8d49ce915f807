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
  admin: { name: string; email: string; password: string };
}

export interface MembershipView {
  id: string;
  organizationId: string;
  organizationName: string;
  role: Role;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  isActive: boolean;
  createdAt: string;
  memberships: MembershipView[];
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
  depth: number;
  archived: boolean;
  createdAt: string;
}

export interface OrganizationTreeNode extends OrganizationView {
  children: OrganizationTreeNode[];
}
