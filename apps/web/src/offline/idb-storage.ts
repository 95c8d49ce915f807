// IndexedDB storage of the offline queue (photos are kept as Blobs, which IndexedDB stores natively).
import { createStore, del, entries, set } from 'idb-keyval';
import type { QueuedEvent, QueueStorage } from './queue.js';

export function createIdbQueueStorage(): QueueStorage {
  const store = createStore('campaign-month-offline', 'events');
  return {
    list: async () => (await entries<string, QueuedEvent>(store)).map(([, v]) => v),
    put: (item) => set(item.key, item, store),
    remove: (key) => del(key, store),
  };
}
