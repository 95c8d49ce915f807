// Silent token refresh with rotation. The API rotates the refresh token on every use and treats a
// second use of the same token as theft (the whole family is revoked), so refreshes are serialised:
// one in flight per tab, shared by every caller, and across tabs through the Web Locks API where the
// browser has it. A tab that got the lock after another tab rotated the token uses the new session.
import { ApiError } from '../api/errors.js';
import { type Session, type SessionStore, sessionFromPair, type TokenPairLike } from './session-store.js';

export interface RefresherDeps {
  store: SessionStore;
  /** POST /auth/refresh; throws ApiError on a refusal, anything else on a network failure. */
  exchange: (refreshToken: string) => Promise<TokenPairLike>;
  locks?: { request<T>(name: string, cb: () => Promise<T>): Promise<T> } | null;
  now?: () => number;
}

export interface Refresher {
  /** Returns a fresh session, or null when the session is over (signed out). */
  refresh(): Promise<Session | null>;
  /** The current session, refreshed first if its access token expires within `marginMs`. */
  ensureFresh(marginMs?: number): Promise<Session | null>;
}

export function createRefresher(deps: RefresherDeps): Refresher {
  const now = deps.now ?? Date.now;
  let inFlight: Promise<Session | null> | null = null;

  async function doRefresh(staleToken: string | undefined): Promise<Session | null> {
    const current = deps.store.get();
    if (!current) return null;
    // Another caller (or tab) already rotated the token we were going to use: take its result.
    if (staleToken && current.refreshToken !== staleToken && current.expiresAt > now()) return current;
    try {
      const pair = await deps.exchange(current.refreshToken);
      const next = sessionFromPair(pair, now());
      deps.store.set(next);
      return next;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403 || err.status === 400)) {
        deps.store.set(null);
        return null;
      }
      throw err; // network trouble: keep the session, the caller may retry later
    }
  }

  function refresh(): Promise<Session | null> {
    if (inFlight) return inFlight;
    const staleToken = deps.store.get()?.refreshToken;
    const run = () => doRefresh(staleToken);
    inFlight = (deps.locks ? deps.locks.request('cm-token-refresh', run) : run()).finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  async function ensureFresh(marginMs = 30_000): Promise<Session | null> {
    const s = deps.store.get();
    if (!s) return null;
    if (s.expiresAt - now() > marginMs) return s;
    return refresh();
  }

  return { refresh, ensureFresh };
}
