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
