// Every route file of the access matrix. A new module adds its file here; a route missing from every
// file fails the matrix (apps/api/test/access-matrix.e2e-spec.ts).
import type { RouteFile } from '../world.js';
import { eventRoutes } from './events.routes.js';
import { identityRoutes } from './identity.routes.js';
import { organizationRoutes } from './organizations.routes.js';
import { planningRoutes } from './planning.routes.js';
import { reminderRoutes } from './reminders.routes.js';
import { reportRoutes } from './reports.routes.js';

export const ROUTE_FILES: RouteFile[] = [
  identityRoutes,
  organizationRoutes,
  planningRoutes,
  reportRoutes,
  eventRoutes,
  reminderRoutes,
];

/** Routes anyone may call without a token. */
export const PUBLIC_ROUTES = [
  'GET /api/v1/health',
  'POST /api/v1/auth/register-tenant',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'GET /api/v1/invitations/{token}',
  'POST /api/v1/invitations/{token}/accept',
];
