// Which unit a reporter is working for (a reporter may hold memberships at several units).
import { useSyncExternalStore } from 'react';
import type { OrganizationKind } from '@campaign-month/contracts';
import { useAuth, useRoles } from './auth.js';

const KEY = 'cm.unit';
const listeners = new Set<() => void>();

export function chooseUnit(id: string) {
  localStorage.setItem(KEY, id);
  for (const l of listeners) l();
}

export function useUnit(): { id: string; name: string } | undefined {
  const roles = useRoles();
  const chosen = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => localStorage.getItem(KEY),
  );
  return roles.reporterOrgs.find((o) => o.id === chosen) ?? roles.reporterOrgs[0];
}

/** The kind of a unit the user holds a membership at (forms fit it); undefined for others. */
export function useOrgKind(orgId: string | undefined): OrganizationKind | undefined {
  const { me } = useAuth();
  return me?.memberships.find((m) => m.organizationId === orgId)?.organizationKind;
}
