// The one way the web app talks to the API: openapi-fetch typed by the generated schema.ts, with the
// bearer token attached, a silent refresh before expiry and once more on a 401, and errors turned
// into ApiError / NetworkError.
import createClient from 'openapi-fetch';
import { createRefresher } from '../auth/refresher.js';
import { createLocalSessionStore, type TokenPairLike } from '../auth/session-store.js';
import type { DesignPaths } from './design-routes.js';
import { NetworkError, toApiError } from './errors.js';
import type { paths } from './schema.js';

/** Generated paths; contract routes the OpenAPI document does not list yet are typed loosely. */
export type ApiPaths = paths & Omit<DesignPaths, keyof paths>;

export const sessionStore = createLocalSessionStore();

const rawFetch = (input: Request) => globalThis.fetch(input);

async function exchange(refreshToken: string): Promise<TokenPairLike> {
  let res: Response;
  try {
    res = await rawFetch(
      new Request('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      }),
    );
  } catch (err) {
    throw new NetworkError(err);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, body, res.headers);
  return body as TokenPairLike;
}

export const refresher = createRefresher({
  store: sessionStore,
  exchange,
  locks: typeof navigator !== 'undefined' && 'locks' in navigator ? (navigator.locks as never) : null,
});

const PUBLIC = /\/api\/v1\/(auth\/(login|refresh|register-tenant)|invitations\/[^/]+(\/accept)?)$/;

/** fetch with the bearer token; refreshes before expiry and retries once after a 401. */
export async function authFetch(input: Request): Promise<Response> {
  // TanStack Query is the cache: the browser's HTTP cache would answer a conditional GET with a 304
  // and a stale body (the summary's ETag is its version, which a submit or approve does not change).
  const request = new Request(input, { cache: 'no-store' });
  const isPublic = PUBLIC.test(new URL(request.url, location.origin).pathname);
  const retry = isPublic ? null : request.clone();
  const send = async (req: Request, token?: string) => {
    if (token) req.headers.set('Authorization', `Bearer ${token}`);
    try {
      return await rawFetch(req);
    } catch (err) {
      throw new NetworkError(err);
    }
  };
  if (isPublic) return send(request);
  let session = await refresher.ensureFresh().catch(() => sessionStore.get());
  const res = await send(request, session?.accessToken);
  if (res.status !== 401 || !retry || !session) return res;
  session = await refresher.refresh();
  if (!session) return res;
  return send(retry, session.accessToken);
}

export const api = createClient<ApiPaths>({ baseUrl: '', fetch: authFetch });

/** Awaits an openapi-fetch call and returns its data, or throws ApiError for a non-2xx answer. */
export async function unwrap<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error, response.headers);
  return data as T;
}

/** For what openapi-fetch does not model well: multipart uploads, binary downloads, If-Match. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await authFetch(new Request(path, init));
  if (!res.ok) {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    throw toApiError(res.status, body, res.headers);
  }
  return res;
}
