import { createOrg } from '../../support/fixtures.js';
import type { RouteFile } from '../world.js';

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
        body: { parentId: w.org.A, name: '新派出所', kind: 'POLICE' },
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
        const leaf = await createOrg(w.http, w.tenant.adminToken, w.org.A, '临时单位', 'OTHER');
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
  ],
};
