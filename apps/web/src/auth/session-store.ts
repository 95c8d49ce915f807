// Where the tokens live: localStorage (so a phone that reloads stays signed in), with listeners so the
// React tree follows sign-in, silent refreshes and sign-out, also from other tabs.
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
}

export interface TokenPairLike {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
  subscribe(listener: (s: Session | null) => void): () => void;
}

export function sessionFromPair(pair: TokenPairLike, now = Date.now()): Session {
  return { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: now + pair.expiresIn * 1000 };
}

export function createMemorySessionStore(initial: Session | null = null): SessionStore {
  let current = initial;
  const listeners = new Set<(s: Session | null) => void>();
  return {
    get: () => current,
    set(s) {
      current = s;
      for (const l of listeners) l(s);
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

const KEY = 'cm.session';

export function createLocalSessionStore(storage: Storage = localStorage): SessionStore {
  const read = (): Session | null => {
    try {
      const raw = storage.getItem(KEY);
      const s = raw ? (JSON.parse(raw) as Session) : null;
      return s && typeof s.accessToken === 'string' && typeof s.refreshToken === 'string' ? s : null;
    } catch {
      return null;
    }
  };
  const listeners = new Set<(s: Session | null) => void>();
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (e) => {
      if (e.key === KEY) for (const l of listeners) l(read());
    });
  }
  return {
    get: read,
    set(s) {
      if (s) storage.setItem(KEY, JSON.stringify(s));
      else storage.removeItem(KEY);
      for (const l of listeners) l(s);
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
