// Events logged on a phone wait here until the API has them. Each event gets its Idempotency-Key once,
// when it is logged, and keeps it through every retry, so an answer lost on a bad connection never
// makes a second event: the API replays the first one. Photos follow once the event exists; the queue
// remembers how many were sent so a retry resumes after the last one.
import { ApiError, type FieldError, isTransient } from '../api/errors.js';
import { newIdempotencyKey } from './uuid.js';

export interface QueuedPhoto {
  name: string;
  type: string;
  blob: Blob;
}

export interface QueuedEvent {
  /** The Idempotency-Key, generated once when the event is logged. */
  key: string;
  campaignId: string;
  /** JSON body of POST /campaigns/:id/events. */
  body: Record<string, unknown>;
  photos: QueuedPhoto[];
  createdAt: number;
  /** waiting: will be sent (again); failed: the API refused it, the user must fix or discard it. */
  state: 'waiting' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  /** Set once the API has created the event. */
  eventId?: string;
  /** Photos uploaded so far (the first `photosSent` of `photos`). */
  photosSent: number;
  lastError?: string;
  lastStatus?: number;
  lastFieldErrors?: FieldError[];
  /** Photos the API refused (too large, not an image): the event itself went through. */
  photoWarnings?: string[];
}

export interface QueueStorage {
  list(): Promise<QueuedEvent[]>;
  put(item: QueuedEvent): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface QueueTransport {
  createEvent(campaignId: string, body: Record<string, unknown>, idempotencyKey: string): Promise<{ id: string }>;
  uploadPhoto(eventId: string, photo: QueuedPhoto): Promise<void>;
}

export interface FlushResult {
  sent: QueuedEvent[];
  failed: QueuedEvent[];
  waiting: QueuedEvent[];
}

export interface OfflineQueueDeps {
  storage: QueueStorage;
  transport: QueueTransport;
  newKey?: () => string;
  now?: () => number;
  /** Delay before attempt n+1 after n transient failures. */
  backoffMs?: (attempts: number) => number;
  onChange?: () => void;
}

export const defaultBackoff = (attempts: number) => Math.min(60_000, 2_000 * 2 ** Math.max(0, attempts - 1));

export function createOfflineQueue(deps: OfflineQueueDeps) {
  const now = deps.now ?? Date.now;
  const newKey = deps.newKey ?? newIdempotencyKey;
  const backoff = deps.backoffMs ?? defaultBackoff;
  let flushing: Promise<FlushResult> | null = null;
  let again = false;

  const changed = () => deps.onChange?.();

  async function enqueue(
    campaignId: string,
    body: Record<string, unknown>,
    photos: QueuedPhoto[] = [],
  ): Promise<QueuedEvent> {
    const item: QueuedEvent = {
      key: newKey(),
      campaignId,
      body,
      photos,
      createdAt: now(),
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
      photosSent: 0,
    };
    await deps.storage.put(item);
    changed();
    return item;
  }

  /** Sends one item; returns 'sent', 'failed', 'waiting' (transient trouble) or 'stop' (no network/session). */
  async function sendOne(item: QueuedEvent): Promise<'sent' | 'failed' | 'waiting' | 'stop'> {
    try {
      if (!item.eventId) {
        const created = await deps.transport.createEvent(item.campaignId, item.body, item.key);
        item.eventId = created.id;
        await deps.storage.put(item);
        changed();
      }
      while (item.photosSent < item.photos.length) {
        const photo = item.photos[item.photosSent];
        try {
          await deps.transport.uploadPhoto(item.eventId, photo);
        } catch (err) {
          if (err instanceof ApiError && [400, 413, 415, 422].includes(err.status)) {
            item.photoWarnings = [...(item.photoWarnings ?? []), `${photo.name}: ${err.message}`];
          } else {
            throw err;
          }
        }
        item.photosSent += 1;
        await deps.storage.put(item);
        changed();
      }
      await deps.storage.remove(item.key);
      changed();
      return 'sent';
    } catch (err) {
      item.attempts += 1;
      item.lastError = err instanceof Error ? err.message : String(err);
      item.lastStatus = err instanceof ApiError ? err.status : undefined;
      item.lastFieldErrors = err instanceof ApiError ? err.fieldErrors : undefined;
      if (isTransient(err)) {
        item.nextAttemptAt = now() + backoff(item.attempts);
        await deps.storage.put(item);
        changed();
        return err instanceof ApiError ? 'waiting' : 'stop';
      }
      if (err instanceof ApiError && err.status === 401) {
        await deps.storage.put(item);
        changed();
        return 'stop';
      }
      item.state = 'failed';
      await deps.storage.put(item);
      changed();
      return 'failed';
    }
  }

  async function runFlush(force: boolean): Promise<FlushResult> {
    const result: FlushResult = { sent: [], failed: [], waiting: [] };
    const items = (await deps.storage.list()).sort((a, b) => a.createdAt - b.createdAt);
    let stopped = false;
    for (const item of items) {
      if (item.state !== 'waiting') {
        result.failed.push(item);
        continue;
      }
      if (stopped || (!force && item.nextAttemptAt > now())) {
        result.waiting.push(item);
        continue;
      }
      const outcome = await sendOne(item);
      if (outcome === 'sent') result.sent.push(item);
      else if (outcome === 'failed') result.failed.push(item);
      else {
        result.waiting.push(item);
        if (outcome === 'stop') stopped = true;
      }
    }
    return result;
  }

  /**
   * Sends whatever is due. One flush at a time: a call during a flush waits for it and then runs
   * once more, so an item queued meanwhile is not left behind and none is sent by two flushes.
   */
  async function flush(options: { force?: boolean } = {}): Promise<FlushResult> {
    if (flushing) {
      again = true;
      return flushing;
    }
    const run = async (): Promise<FlushResult> => {
      let res = await runFlush(options.force ?? false);
      while (again) {
        again = false;
        const more = await runFlush(options.force ?? false);
        res = { sent: [...res.sent, ...more.sent], failed: more.failed, waiting: more.waiting };
      }
      return res;
    };
    flushing = run().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  async function retry(key: string): Promise<void> {
    const item = (await deps.storage.list()).find((i) => i.key === key);
    if (!item) return;
    item.state = 'waiting';
    item.nextAttemptAt = 0;
    await deps.storage.put(item);
    changed();
  }

  async function discard(key: string): Promise<void> {
    await deps.storage.remove(key);
    changed();
  }

  return { enqueue, flush, retry, discard, list: () => deps.storage.list() };
}

export type OfflineQueue = ReturnType<typeof createOfflineQueue>;

export function createMemoryQueueStorage(): QueueStorage & { items: Map<string, QueuedEvent> } {
  const items = new Map<string, QueuedEvent>();
  return {
    items,
    list: async () => [...items.values()].map((i) => ({ ...i })),
    put: async (item) => {
      items.set(item.key, { ...item });
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
}
