// Sign-in state for the React tree: the session (tokens) and who the user is (/me).
import type { Role } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { api, sessionStore, unwrap } from '../api/client.js';
import { useMe } from '../api/queries.js';
import type { MeView, TokenPair } from '../api/types.js';
import { forgetAll } from '../lib/remember.js';
import { sessionFromPair, type TokenPairLike } from './session-store.js';

interface AuthContextValue {
  signedIn: boolean;
  me: MeView | undefined;
  meLoading: boolean;
  meError: unknown;
  /** `login`: a 手机号 or an e-mail. */
  signIn(login: string, password: string): Promise<void>;
  /** Signs in with a pair the API handed out (sign-up, an accepted invitation). */
  startSession(pair: TokenPairLike): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(sessionStore.subscribe, () => sessionStore.get()?.refreshToken ?? null);
  const signedIn = session !== null;
  const qc = useQueryClient();
  const me = useMe(signedIn);

  const startSession = useCallback(
    (pair: TokenPairLike) => {
      qc.clear();
      forgetAll();
      sessionStore.set(sessionFromPair(pair));
    },
    [qc],
  );

  const signIn = useCallback(
    async (login: string, password: string) => {
      startSession(await unwrap<TokenPair>(api.POST('/api/v1/auth/login', { body: { login, password } })));
    },
    [startSession],
  );

  const signOut = useCallback(async () => {
    const current = sessionStore.get();
    if (current) {
      await unwrap(api.POST('/api/v1/auth/logout', { body: { refreshToken: current.refreshToken } })).catch(
        () => undefined,
      );
    }
    sessionStore.set(null);
    forgetAll();
    qc.clear();
  }, [qc]);

  const value = useMemo<AuthContextValue>(
    () => ({
      signedIn,
      me: signedIn ? me.data : undefined,
      meLoading: me.isLoading,
      meError: me.error,
      signIn,
      startSession,
      signOut,
    }),
    [signedIn, me.data, me.isLoading, me.error, signIn, startSession, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

export interface Roles {
  roles: Set<Role>;
  canOrganize: boolean;
  canReport: boolean;
  /** 系统管理: units (organization:write), users (user:write), the 操作日志 (audit:read). */
  canManageUnits: boolean;
  canManageUsers: boolean;
  canAudit: boolean;
  /** Organization of the user's highest membership (the top of what they see). */
  topOrgId?: string;
  /** Memberships that make the user a unit reporter. */
  reporterOrgs: { id: string; name: string }[];
  timeZone: string;
}

export function rolesOf(me: MeView | undefined): Roles {
  const memberships = me?.memberships ?? [];
  const roles = new Set(memberships.map((m) => m.role));
  const perms = new Set(me?.permissions ?? []);
  const rank: Record<Role, number> = { ADMIN: 4, ORGANIZER: 3, REPORTER: 2, VIEWER: 1 };
  const top = [...memberships].sort((a, b) => rank[b.role] - rank[a.role])[0];
  return {
    roles,
    canOrganize: perms.has('campaign:write') || roles.has('ORGANIZER'),
    canReport: perms.has('event:write') || roles.has('REPORTER'),
    canManageUnits: perms.has('organization:write'),
    canManageUsers: perms.has('user:write'),
    canAudit: perms.has('audit:read'),
    topOrgId: top?.organizationId,
    reporterOrgs: memberships
      .filter((m) => m.role === 'REPORTER')
      .map((m) => ({ id: m.organizationId, name: m.organizationName })),
    timeZone: me?.tenant?.timeZone ?? 'Asia/Shanghai',
  };
}

export function useRoles(): Roles {
  const { me } = useAuth();
  return useMemo(() => rolesOf(me), [me]);
}
