import type {
  AcceptInvitationRequest,
  AuditEntryView,
  ChangePasswordRequest,
  CreateUserRequest,
  InvitationLink,
  InvitationView,
  LoginRequest,
  OrganizationKind,
  OrganizationView,
  Page,
  RegisterTenantRequest,
  Role,
  TokenPair,
  UserView,
} from '@campaign-month/contracts';

// Routes of the HTTP API contract (DESIGN.md) that the API's OpenAPI document may not list yet while
// the backend is being built. Each is typed loosely until it appears in the generated schema.ts, at
// which point the generated (strict) definition replaces it automatically (see client.ts).
export const DESIGN_ROUTES = [
  '/api/v1/campaign-templates',
  '/api/v1/campaigns',
  '/api/v1/campaigns/{id}',
  '/api/v1/campaigns/{id}/launch',
  '/api/v1/campaigns/{id}/close',
  '/api/v1/campaigns/{id}/participants',
  '/api/v1/campaigns/{id}/participants/{orgId}',
  '/api/v1/campaigns/{id}/progress',
  '/api/v1/campaigns/{id}/stats',
  '/api/v1/campaigns/{id}/organizations/{orgId}/leading-group',
  '/api/v1/campaigns/{id}/tasks',
  '/api/v1/tasks/{id}',
  '/api/v1/campaigns/{id}/events',
  '/api/v1/events/{id}',
  '/api/v1/events/{id}/photos',
  '/api/v1/photos/{id}',
  '/api/v1/campaigns/{id}/events/import',
  '/api/v1/campaigns/{id}/organizations/{orgId}/summary',
  '/api/v1/campaigns/{id}/organizations/{orgId}/summary/submit',
  '/api/v1/campaigns/{id}/organizations/{orgId}/summary/approve',
  '/api/v1/campaigns/{id}/organizations/{orgId}/summary/return',
] as const;

export type DesignRoute = (typeof DESIGN_ROUTES)[number];

interface LooseOperation {
  parameters: {
    query?: Record<string, string | number | boolean | undefined>;
    header?: Record<string, string | undefined>;
    path?: Record<string, string>;
    cookie?: never;
  };
  requestBody?: { content: { 'application/json': unknown } };
  responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': unknown } } };
}

interface LoosePathItem {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  get: LooseOperation;
  put: LooseOperation;
  post: LooseOperation;
  patch: LooseOperation;
  delete: LooseOperation;
}

export type DesignPaths = { [P in DesignRoute]: LoosePathItem };

// Routes of issue 16 (DESIGN.md "Onboarding and administration"), typed with the contracts' types. Where
// the generated schema.ts already lists one of them, its generated operation is used only once it accepts
// what the contract sends (same body and query fields): until the API is merged and the client
// regenerated, the contract's operation stands in for the stale one (see ApiPaths in client.ts).
// The uploads (POST /organizations/import, /users/import) and the templates (GET …/import-template.xlsx)
// go through apiFetch and are not listed here.
type Op<Body = never, Query = never, Path = never, Res = unknown> = {
  parameters: {
    query?: [Query] extends [never] ? never : Query;
    header?: never;
    cookie?: never;
  } & ([Path] extends [never] ? { path?: never } : { path: Path });
  responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': Res } } };
} & ([Body] extends [never] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });

type Id = { id: string };
type PageQuery = { page?: number; pageSize?: number };

export interface OrganizationListQuery extends PageQuery {
  parentId?: string;
  kind?: OrganizationKind;
  q?: string;
  includeArchived?: boolean;
}

export interface UserListQuery extends PageQuery {
  q?: string;
  organizationId?: string;
  subtree?: boolean;
  role?: Role;
  active?: boolean;
  pending?: boolean;
}

export interface AuditQuery extends PageQuery {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  organizationId?: string;
  from?: string;
  to?: string;
}

export interface CreateOrganizationRequest {
  parentId: string;
  name: string;
  kind: OrganizationKind;
  code?: string;
}

export interface UpdateOrganizationRequest {
  name?: string;
  kind?: OrganizationKind;
  code?: string | null;
  archived?: false;
}

export interface UpdateUserRequest {
  name?: string;
  email?: string | null;
  phone?: string | null;
  isActive?: boolean;
  memberships?: CreateUserRequest['memberships'];
}

export interface RegisterTenantResult extends TokenPair {
  tenant: { id: string; name: string };
  organization: OrganizationView;
  user: UserView;
}

export interface ContractPaths {
  '/api/v1/auth/register-tenant': { post: Op<RegisterTenantRequest, never, never, RegisterTenantResult> };
  '/api/v1/auth/login': { post: Op<LoginRequest, never, never, TokenPair> };
  '/api/v1/organizations': {
    get: Op<never, OrganizationListQuery, never, Page<OrganizationView>>;
    post: Op<CreateOrganizationRequest, never, never, OrganizationView>;
  };
  '/api/v1/organizations/{id}': {
    patch: Op<UpdateOrganizationRequest, never, Id, OrganizationView>;
    delete: Op<never, never, Id, { id: string; deleted: boolean; archived: boolean }>;
  };
  '/api/v1/organizations/{id}/move': { post: Op<{ parentId: string }, never, Id, OrganizationView> };
  '/api/v1/users': {
    get: Op<never, UserListQuery, never, Page<UserView>>;
    post: Op<CreateUserRequest, never, never, UserView>;
  };
  '/api/v1/users/{id}': { patch: Op<UpdateUserRequest, never, Id, UserView> };
  '/api/v1/users/{id}/invitation': { post: Op<never, never, Id, InvitationLink> };
  '/api/v1/invitations/{token}': { get: Op<never, never, { token: string }, InvitationView> };
  '/api/v1/invitations/{token}/accept': {
    post: Op<AcceptInvitationRequest, never, { token: string }, TokenPair>;
  };
  '/api/v1/me/password': { post: Op<ChangePasswordRequest, never, never, TokenPair> };
  '/api/v1/audit': { get: Op<never, AuditQuery, never, Page<AuditEntryView>> };
}

type BodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** `Con` fits into `Gen`: assignable, and with no field `Gen` does not know. */
type FitsInto<Con, Gen> = [Con] extends [never]
  ? true
  : [Con] extends [Gen]
    ? [Exclude<keyof Con, keyof Gen>] extends [never]
      ? true
      : false
    : false;
type Prefer<Gen, Con> = [Gen] extends [undefined]
  ? Con
  : FitsInto<BodyOf<Con>, BodyOf<Gen>> extends true
    ? FitsInto<QueryOf<Con>, QueryOf<Gen>> extends true
      ? Gen
      : Con
    : Con;
type MergeItem<G, C> = Omit<G, keyof C> & {
  [M in keyof C]: Prefer<M extends keyof G ? Exclude<G[M], undefined> : undefined, C[M]>;
};

/** The generated paths, with the contract's operations where the generated ones are missing or stale. */
export type WithContract<Gen> = {
  [P in keyof Gen | keyof ContractPaths]: P extends keyof ContractPaths
    ? P extends keyof Gen
      ? MergeItem<Gen[P], ContractPaths[P]>
      : ContractPaths[P]
    : P extends keyof Gen
      ? Gen[P]
      : never;
};
