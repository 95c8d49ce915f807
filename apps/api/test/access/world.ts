// The access matrix's world: tenant T with R (root) ─ A ─ A1 and R ─ B, users of every role placed at A
// ("self"), A1 ("child"), R ("parent") and B ("sibling"), and a second tenant with the same roles.
// Route files (./routes/*.routes.ts) add the rows they need in prepare() and describe each route.
import { type Permission, ROLES, type Role, roleGrants } from '@campaign-month/contracts';
import type request from 'supertest';
import { createOrg, createUser, registerTenant, type Tenant } from '../support/fixtures.js';

export type Http = ReturnType<typeof request>;
export const POSITIONS = ['self', 'child', 'parent', 'sibling', 'other'] as const;
export type Position = (typeof POSITIONS)[number];
export type ActorKey = `${Role}@${Position}`;

export interface World {
  http: Http;
  tenant: Tenant;
  other: Tenant;
  org: { R: string; A: string; A1: string; B: string };
  actors: Record<ActorKey, { id: string; token: string; role: Role; position: Position }>;
  /** Rows created by the route files' prepare() (campaign ids, event ids, …). */
  data: Record<string, string>;
}

export interface CellRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  attach?: { field: string; file: Buffer; filename: string };
}

export interface RouteCase {
  /** As in the OpenAPI document: 'GET /api/v1/organizations/{id}'. */
  route: string;
  /** The permission the route requires, or any one of several (null: any signed-in user). */
  permission: Permission | Permission[] | null;
  /** 'A': the row belongs to unit A (visible from self and parent only); 'list': a scoped list. */
  target: 'A' | 'list';
  success: number;
  /** Builds the request for one actor; may create a fresh row per cell (deletes, state changes). */
  request(world: World, actor: ActorKey): Promise<CellRequest> | CellRequest;
  /** Overrides the rule for special cells; return undefined to keep it. */
  expect?(actor: { role: Role; position: Position }): number | undefined;
}

export interface RouteFile {
  prepare?(world: World): Promise<void>;
  cases: RouteCase[];
}

/** The rule every cell follows unless a route overrides it. */
const inScope = (p: string) => p === 'self' || p === 'parent';
/** Visible, but the role may not do it: 403 once the row is found (a route whose rule is decided on the row). */
export const forbiddenUnless =
  (allowed: (role: string, position: string) => boolean) => (a: { role: string; position: string }) =>
    inScope(a.position) && !allowed(a.role, a.position) ? 403 : undefined;

export function expectedStatus(rc: RouteCase, role: Role, position: Position): number {
  const override = rc.expect?.({ role, position });
  if (override !== undefined) return override;
  const needed = rc.permission === null ? [] : [rc.permission].flat();
  if (needed.length && !needed.some((p) => roleGrants(role, p))) return 403;
  if (rc.target === 'list') return rc.success;
  return position === 'self' || position === 'parent' ? rc.success : 404;
}

export async function buildWorld(http: Http): Promise<World> {
  const tenant = await registerTenant(http, '矩阵市公安局', 'POLICE');
  const other = await registerTenant(http, '另一客户', 'GOVERNMENT_AGENCY');
  const A = await createOrg(http, tenant.adminToken, tenant.rootId, 'A 分局', 'POLICE');
  const A1 = await createOrg(http, tenant.adminToken, A, 'A1 派出所', 'POLICE');
  const B = await createOrg(http, tenant.adminToken, tenant.rootId, 'B 分局', 'POLICE');
  const at: Record<Position, { token: string; org: string }> = {
    self: { token: tenant.adminToken, org: A },
    child: { token: tenant.adminToken, org: A1 },
    parent: { token: tenant.adminToken, org: tenant.rootId },
    sibling: { token: tenant.adminToken, org: B },
    other: { token: other.adminToken, org: other.rootId },
  };
  const actors = {} as World['actors'];
  await Promise.all(
    POSITIONS.flatMap((position) =>
      ROLES.map(async (role) => {
        const u = await createUser(
          http,
          at[position].token,
          [{ organizationId: at[position].org, role }],
          `${role.toLowerCase()}-${position}`,
        );
        actors[`${role}@${position}`] = { id: u.id, token: u.token, role, position };
      }),
    ),
  );
  return { http, tenant, other, org: { R: tenant.rootId, A, A1, B }, actors, data: {} };
}
