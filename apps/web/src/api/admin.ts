// Onboarding and administration (issue 16): units, users, invitations, password, the 操作日志.
// Reads are hooks, writes plain functions, as in queries.ts.
import type {
  AuditEntryView,
  AuditQuery,
  CreateUserRequest,
  InvitationLink,
  InvitationView,
  OrganizationKind,
  OrganizationView,
  Page,
  RegisterTenantRequest,
  ImportResult as SheetImportResult,
  TokenPair,
  UpdateUserRequest,
  UserListQuery,
  UserView,
} from '@campaign-month/contracts';
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { api, apiFetch, unwrap } from './client.js';
import { ApiError } from './errors.js';

const p = (id: string) => ({ path: { id } });

export interface CreateOrganizationRequest {
  parentId: string;
  name: string;
  kind: OrganizationKind;
  code?: string;
}

/** PATCH /organizations/:id: a code of null removes it; archived: false restores an archived unit. */
export interface UpdateOrganizationRequest {
  name?: string;
  kind?: OrganizationKind;
  code?: string | null;
  archived?: false;
}

export interface RegisterTenantResult extends TokenPair {
  tenant: { id: string; name: string };
  organization: OrganizationView;
  user: UserView;
}

export const adminKeys = {
  /** Every organization read (trees, lists): refreshed together after a change. */
  orgs: ['org-tree'] as const,
  users: ['users'] as const,
  audit: ['audit'] as const,
  invitation: (token: string) => ['invitation', token] as const,
};

/** Archived units in the caller's scope (the tree and the pickers leave them out). */
export function useArchivedUnits(enabled: boolean) {
  return useQuery({
    queryKey: [...adminKeys.orgs, 'archived'] as const,
    enabled,
    queryFn: async () => {
      const rows: OrganizationView[] = [];
      for (let page = 1; page <= 20; page += 1) {
        const res = await unwrap<Page<OrganizationView>>(
          api.GET('/api/v1/organizations', { params: { query: { includeArchived: true, page, pageSize: 200 } } }),
        );
        rows.push(...res.items.filter((o) => o.archived));
        if (res.items.length < 200 || page * 200 >= res.total) break;
      }
      return rows;
    },
  });
}

export function useUsers(query: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: [...adminKeys.users, query] as const,
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap<Page<UserView>>(api.GET('/api/v1/users', { params: { query } })),
  });
}

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: [...adminKeys.audit, query] as const,
    placeholderData: keepPreviousData,
    queryFn: () => unwrap<Page<AuditEntryView>>(api.GET('/api/v1/audit', { params: { query } })),
  });
}

/** GET /invitations/:token (public); any refusal (unknown, used, revoked, expired) is final: no retries. */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: adminKeys.invitation(token),
    retry: (n, err) => !(err instanceof ApiError) && n < 2,
    queryFn: () => unwrap<InvitationView>(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } })),
  });
}

/** POST …/import: a dry run or an apply. A refused apply (422) carries the same result in its details. */
async function importSheet(path: string, file: File, dryRun: boolean): Promise<SheetImportResult> {
  const form = new FormData();
  form.append('file', file);
  const res = await apiFetch(`${path}?dryRun=${dryRun}`, { method: 'POST', body: form });
  return (await res.json()) as SheetImportResult;
}

export const adminMutations = {
  registerTenant: (body: RegisterTenantRequest) =>
    unwrap<RegisterTenantResult>(api.POST('/api/v1/auth/register-tenant', { body })),
  createOrganization: (body: CreateOrganizationRequest) =>
    unwrap<OrganizationView>(api.POST('/api/v1/organizations', { body })),
  updateOrganization: (id: string, body: UpdateOrganizationRequest) =>
    unwrap<OrganizationView>(api.PATCH('/api/v1/organizations/{id}', { params: p(id), body })),
  /** Deletes an unused unit; one that other rows refer to is archived instead. */
  archiveOrganization: (id: string) =>
    unwrap<{ id: string; deleted: boolean; archived: boolean }>(
      api.DELETE('/api/v1/organizations/{id}', { params: p(id) }),
    ),
  moveOrganization: (id: string, parentId: string) =>
    unwrap<OrganizationView>(api.POST('/api/v1/organizations/{id}/move', { params: p(id), body: { parentId } })),
  importOrganizations: (file: File, dryRun: boolean) => importSheet('/api/v1/organizations/import', file, dryRun),
  importUsers: (file: File, dryRun: boolean) => importSheet('/api/v1/users/import', file, dryRun),
  createUser: (body: CreateUserRequest) => unwrap<UserView>(api.POST('/api/v1/users', { body })),
  updateUser: (id: string, body: UpdateUserRequest) =>
    unwrap<UserView>(api.PATCH('/api/v1/users/{id}', { params: p(id), body })),
  createInvitation: (userId: string) =>
    unwrap<InvitationLink>(api.POST('/api/v1/users/{id}/invitation', { params: p(userId) })),
  acceptInvitation: (token: string, password: string) =>
    unwrap<TokenPair>(
      api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body: { password } }),
    ),
  changePassword: (currentPassword: string, newPassword: string) =>
    unwrap<TokenPair>(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })),
};

export function invalidateOrganizations(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: adminKeys.orgs });
}

export function invalidateUsers(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: adminKeys.users }),
    qc.invalidateQueries({ queryKey: adminKeys.orgs }),
  ]);
}
