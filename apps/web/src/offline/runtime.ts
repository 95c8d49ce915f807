// The app's one offline queue: IndexedDB storage, the API as transport, and the triggers that send
// waiting events: start-up, the browser's 'online' event, coming back to the tab, and a timer.
import { useSyncExternalStore } from 'react';
import { apiFetch } from '../api/client.js';
import { keepInLedgerCopy } from '../api/queries.js';
import { createIdbQueueStorage } from './idb-storage.js';
import { createOfflineQueue, type FlushResult, type QueuedEvent } from './queue.js';

type Listener = () => void;
const listeners = new Set<Listener>();
let snapshot: QueuedEvent[] = [];
let online = typeof navigator === 'undefined' ? true : navigator.onLine;
const onlineListeners = new Set<Listener>();
const resultListeners = new Set<(r: FlushResult) => void>();

async function reload() {
  snapshot = (await queue.list()).sort((a, b) => a.createdAt - b.createdAt);
  for (const l of listeners) l();
}

export const queue = createOfflineQueue({
  storage: createIdbQueueStorage(),
  transport: {
    async createEvent(campaignId, body, idempotencyKey) {
      const res = await apiFetch(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(body),
      });
      const created = (await res.json()) as { id: string };
      keepInLedgerCopy(campaignId, String(body.organizationId), created);
      return created;
    },
    async uploadPhoto(eventId, photo) {
      const form = new FormData();
      form.append('file', new File([photo.blob], photo.name, { type: photo.type }));
      await apiFetch(`/api/v1/events/${encodeURIComponent(eventId)}/photos`, { method: 'POST', body: form });
    },
  },
  onChange: () => {
    void reload();
  },
});

let timer: ReturnType<typeof setInterval> | undefined;

export async function flushQueue(force = false): Promise<FlushResult> {
  const result = await queue.flush({ force });
  if (result.sent.length) for (const l of resultListeners) l(result);
  return result;
}

/** Starts the triggers once (called from main.tsx). */
export function startOfflineSync(): void {
  if (timer) return;
  void reload();
  const setOnline = (v: boolean) => {
    online = v;
    for (const l of onlineListeners) l();
  };
  window.addEventListener('online', () => {
    setOnline(true);
    void flushQueue(true);
  });
  window.addEventListener('offline', () => setOnline(false));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && navigator.onLine) void flushQueue();
  });
  timer = setInterval(() => {
    if (navigator.onLine && snapshot.some((i) => i.state === 'waiting')) void flushQueue();
  }, 10_000);
  if (navigator.onLine) void flushQueue(true);
}

export function useQueuedEvents(): QueuedEvent[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    (l) => {
      onlineListeners.add(l);
      return () => onlineListeners.delete(l);
    },
    () => online,
  );
}

/** Called after a flush sent something (the screens refresh their lists). */
export function onEventsSent(listener: (r: FlushResult) => void): () => void {
  resultListeners.add(listener);
  return () => resultListeners.delete(listener);
}
