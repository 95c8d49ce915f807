// The last answer of a few reads a phone needs to open the event form without a connection (who I
// am, the campaign, its tasks), kept in localStorage and offered to TanStack Query as initial data.
const PREFIX = 'cm.q.';

export function remember(key: readonly unknown[], data: unknown): void {
  try {
    localStorage.setItem(PREFIX + JSON.stringify(key), JSON.stringify(data));
  } catch {
    /* full or private mode: only the offline start suffers */
  }
}

export function recall<T>(key: readonly unknown[]): T | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + JSON.stringify(key));
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function forgetAll(): void {
  try {
    for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX)) localStorage.removeItem(k);
  } catch {
    /* nothing to forget */
  }
}
