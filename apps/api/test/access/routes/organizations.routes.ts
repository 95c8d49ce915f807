import { createOrg } from '../../support/fixtures.js';
import { ORG_HEADERS, sheet, USER_HEADERS } from '../../support/import-fixtures.js';
import type { RouteFile } from '../world.js';

// one active unit of a name under one parent: every cell creates its own
let n = 0;
const unique = (name: string) => `${name}${++n}`;

export const organizationRoutes: RouteFile = {
  cases: [
    {
      route: 'GET /api/v1/organizations',
      permission: 'organization:read',
      target: 'list',
      success: 200,
      request: () => ({ method: 'GET', path: '/api/v1/organizations' }),
    },
    {
      route: 'POST /api/v1/organizations',
      permission: 'organization:write',
      target: 'A',
      success: 201,
      request: (w) => ({
        method: 'POST',
        path: '/api/v1/organizations',
        body: { parentId: w.org.A, name: unique('新派出所'), kind: 'POLICE' },
      }),
    },
    {
      route: 'GET /api/v1/organizations/{id}',
      permission: 'organization:read',
      target: 'A',
      success: 200,
      request: (w) => ({ method: 'GET', path: `/api/v1/organizations/${w.org.A}` }),
    },
    {
      route: 'PATCH /api/v1/organizations/{id}',
      permission: 'organization:write',
      target: 'A',
      success: 200,
      request: (w) => ({ method: 'PATCH', path: `/api/v1/organizations/${w.org.A}`, body: { name: 'A 分局' } }),
    },
    {
      route: 'DELETE /api/v1/organizations/{id}',
      permission: 'organization:write',
      target: 'A',
      success: 200,
      request: async (w) => {
        const leaf = await createOrg(w.http, w.tenant.adminToken, w.org.A, unique('临时单位'), 'OTHER');
        return { method: 'DELETE', path: `/api/v1/organizations/${leaf}` };
      },
    },
    {
      route: 'GET /api/v1/organizations/{id}/tree',
      permission: 'organization:read',
      target: 'A',
      success: 200,
      request: (w) => ({ method: 'GET', path: `/api/v1/organizations/${w.org.A}/tree` }),
    },
    {
      route: 'POST /api/v1/organizations/{id}/move',
      permission: 'organization:write',
      target: 'A',
      success: 200,
      request: async (w) => {
        const leaf = await createOrg(w.http, w.tenant.adminToken, w.org.A, unique('搬迁单位'), 'OTHER');
        const to = await createOrg(w.http, w.tenant.adminToken, w.org.A, unique('新上级'), 'OTHER');
        return { method: 'POST', path: `/api/v1/organizations/${leaf}/move`, body: { parentId: to } };
      },
    },
    {
      route: 'GET /api/v1/organizations/import-template.xlsx',
      permission: 'organization:write',
      target: 'list',
      success: 200,
      request: () => ({ method: 'GET', path: '/api/v1/organizations/import-template.xlsx' }),
    },
    {
      // a dry run answers 200 for anyone allowed; what the rows may name is the imports spec's concern
      route: 'POST /api/v1/organizations/import',
      permission: 'organization:write',
      target: 'list',
      success: 200,
      request: async () => ({
        method: 'POST',
        path: '/api/v1/organizations/import?dryRun=true',
        attach: {
          field: 'file',
          file: await sheet(ORG_HEADERS, [['矩阵单位', '', '学校', '']]),
          filename: 'units.xlsx',
        },
      }),
    },
    {
      route: 'GET /api/v1/users/import-template.xlsx',
      permission: 'user:write',
      target: 'list',
      success: 200,
      request: () => ({ method: 'GET', path: '/api/v1/users/import-template.xlsx' }),
    },
    {
      route: 'POST /api/v1/users/import',
      permission: 'user:write',
      target: 'list',
      success: 200,
      request: async () => ({
        method: 'POST',
        path: '/api/v1/users/import?dryRun=true',
        attach: {
          field: 'file',
          file: await sheet(USER_HEADERS, [['矩阵用户', '13500000001', '', '不存在的单位', '填报员']]),
          filename: 'users.xlsx',
        },
      }),
    },
  ],
};
