import { uniqueEmail, PASSWORD } from '../../support/fixtures.js';
import type { RouteFile } from '../world.js';

export const identityRoutes: RouteFile = {
  async prepare(w) {
    const res = await w.http
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${w.tenant.adminToken}`)
      .send({
        email: uniqueEmail('target'),
        name: '目标',
        password: PASSWORD,
        memberships: [{ organizationId: w.org.A, role: 'VIEWER' }],
      });
    w.data.userAtA = res.body.id;
  },
  cases: [
    {
      route: 'GET /api/v1/me',
      permission: null,
      target: 'list',
      success: 200,
      request: () => ({ method: 'GET', path: '/api/v1/me' }),
    },
    {
      route: 'POST /api/v1/auth/logout',
      permission: null,
      target: 'list',
      success: 204,
      request: () => ({ method: 'POST', path: '/api/v1/auth/logout', body: {} }),
    },
    {
      route: 'GET /api/v1/users',
      permission: 'user:read',
      target: 'list',
      success: 200,
      request: () => ({ method: 'GET', path: '/api/v1/users' }),
    },
    {
      route: 'POST /api/v1/users',
      permission: 'user:write',
      target: 'A',
      success: 201,
      request: (w) => ({
        method: 'POST',
        path: '/api/v1/users',
        body: {
          email: uniqueEmail('cell'),
          name: '新用户',
          password: PASSWORD,
          memberships: [{ organizationId: w.org.A, role: 'VIEWER' }],
        },
      }),
    },
    {
      route: 'PATCH /api/v1/users/{id}',
      permission: 'user:write',
      target: 'A',
      success: 200,
      request: (w) => ({ method: 'PATCH', path: `/api/v1/users/${w.data.userAtA}`, body: { name: '改名' } }),
    },
    {
      route: 'GET /api/v1/users/{id}',
      permission: 'user:read',
      target: 'A',
      success: 200,
      request: (w) => ({ method: 'GET', path: `/api/v1/users/${w.data.userAtA}` }),
    },
    {
      // a reset link for the user at A (it signs that user out; it is no actor of the matrix)
      route: 'POST /api/v1/users/{id}/invitation',
      permission: 'user:write',
      target: 'A',
      success: 201,
      request: (w) => ({ method: 'POST', path: `/api/v1/users/${w.data.userAtA}/invitation`, body: {} }),
    },
    {
      // a wrong current password: every signed-in user reaches the check (400), and no actor's session ends
      route: 'POST /api/v1/me/password',
      permission: null,
      target: 'list',
      success: 400,
      request: () => ({
        method: 'POST',
        path: '/api/v1/me/password',
        body: { currentPassword: 'not-the-password', newPassword: 'a-new-password-1' },
      }),
    },
    {
      route: 'GET /api/v1/audit',
      permission: 'audit:read',
      target: 'list',
      success: 200,
      request: () => ({ method: 'GET', path: '/api/v1/audit' }),
    },
  ],
};
