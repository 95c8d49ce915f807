import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/errors.js';
import { createRefresher } from './refresher.js';
import { createMemorySessionStore } from './session-store.js';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('token refresh', () => {
  it('sends one refresh for many concurrent callers and never reuses a rotated token', async () => {
    const store = createMemorySessionStore({ accessToken: 'a1', refreshToken: 'r1', expiresAt: 0 });
    const used: string[] = [];
    const gate = deferred<void>();
    let n = 1;
    const refresher = createRefresher({
      store,
      now: () => 1_000,
      exchange: async (rt) => {
        used.push(rt);
        await gate.promise;
        n += 1;
        return { accessToken: `a${n}`, refreshToken: `r${n}`, expiresIn: 900 };
      },
    });
    const all = Promise.all([refresher.refresh(), refresher.refresh(), refresher.ensureFresh(), refresher.refresh()]);
    gate.resolve();
    const sessions = await all;
    expect(used).toEqual(['r1']);
    expect(new Set(sessions.map((s) => s?.refreshToken))).toEqual(new Set(['r2']));
    expect(store.get()?.expiresAt).toBe(1_000 + 900_000);
    await refresher.refresh();
    expect(used).toEqual(['r1', 'r2']);
  });

  it('does not refresh a token that is still fresh', async () => {
    const store = createMemorySessionStore({ accessToken: 'a', refreshToken: 'r', expiresAt: 10_000_000 });
    let calls = 0;
    const refresher = createRefresher({
      store,
      now: () => 0,
      exchange: async () => {
        calls += 1;
        return { accessToken: 'x', refreshToken: 'y', expiresIn: 1 };
      },
    });
    expect((await refresher.ensureFresh())?.accessToken).toBe('a');
    expect(calls).toBe(0);
  });

  it('takes the session another tab already rotated instead of replaying the old token', async () => {
    const store = createMemorySessionStore({ accessToken: 'a1', refreshToken: 'r1', expiresAt: 0 });
    const used: string[] = [];
    const locks = {
      request: async <T>(_name: string, cb: () => Promise<T>) => {
        // while we waited for the lock, the other tab rotated r1 -> r2
        store.set({ accessToken: 'a2', refreshToken: 'r2', expiresAt: 5_000_000 });
        return cb();
      },
    };
    const refresher = createRefresher({
      store,
      locks,
      now: () => 1_000,
      exchange: async (rt) => {
        used.push(rt);
        return { accessToken: 'x', refreshToken: 'y', expiresIn: 900 };
      },
    });
    const s = await refresher.refresh();
    expect(used).toEqual([]);
    expect(s?.refreshToken).toBe('r2');
  });

  it('signs out when the API refuses the refresh token (revoked family)', async () => {
    const store = createMemorySessionStore({ accessToken: 'a', refreshToken: 'r', expiresAt: 0 });
    const refresher = createRefresher({
      store,
      exchange: async () => Promise.reject(new ApiError({ status: 401, message: 'Refresh token reused' })),
    });
    expect(await refresher.refresh()).toBeNull();
    expect(store.get()).toBeNull();
  });

  it('keeps the session when the network is down', async () => {
    const store = createMemorySessionStore({ accessToken: 'a', refreshToken: 'r', expiresAt: 0 });
    const refresher = createRefresher({ store, exchange: async () => Promise.reject(new NetworkError()) });
    await expect(refresher.refresh()).rejects.toBeInstanceOf(NetworkError);
    expect(store.get()?.refreshToken).toBe('r');
  });
});
