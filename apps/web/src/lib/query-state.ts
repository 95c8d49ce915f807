// What a screen may say about a read: its data, that it is still loading, or that it could not be had.
// An answer that never came (offline, the API unreachable) is not an empty list: a screen shows the last
// data it had, or says it cannot load it, but never "还没有记录" as if the unit had logged nothing.
import { isNetworkError } from '../api/errors.js';

export type LoadState =
  /** The data is here (possibly the last one the app had, see `stale`), or the read is not asked for. */
  | 'ready'
  | 'loading'
  /** No data, and the network is why: offline, or the API cannot be reached. */
  | 'offline'
  /** No data, the API refused (the error is shown by ErrorAlert). */
  | 'failed';

export interface QueryLike {
  data: unknown;
  error: unknown;
  fetchStatus: 'fetching' | 'paused' | 'idle';
  isPending: boolean;
}

export function loadState(q: QueryLike): LoadState {
  if (q.data !== undefined) return 'ready';
  if (q.fetchStatus === 'paused') return 'offline';
  if (q.fetchStatus === 'fetching') return 'loading';
  if (q.error) return isNetworkError(q.error) ? 'offline' : 'failed';
  // pending and idle: a read not asked for (no unit yet), as before
  return 'ready';
}

/** The data shown is the last the app had, because the newest could not be fetched (offline). */
export function isStale(q: QueryLike): boolean {
  return q.data !== undefined && (q.fetchStatus === 'paused' || (!!q.error && isNetworkError(q.error)));
}

/** The worst of several reads: one unknown makes the whole unknown. */
export function combinedState(...qs: QueryLike[]): LoadState {
  const states = qs.map(loadState);
  for (const s of ['offline', 'failed', 'loading'] as const) if (states.includes(s)) return s;
  return 'ready';
}
