import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/errors.js';
import { createMemoryQueueStorage, createOfflineQueue, type QueuedPhoto, type QueueTransport } from './queue.js';

/** A fake API that, like the real one, answers a repeated Idempotency-Key with the first event. */
function fakeApi() {
  const events = new Map<string, { id: string; body: Record<string, unknown> }>();
  const photos: { eventId: string; name: string }[] = [];
  let online = true;
  let loseNextAnswer = false;
  let failPhotoWith: ApiError | null = null;
  let seq = 0;
  const calls = { create: 0, upload: 0 };
  const transport: QueueTransport = {
    async createEvent(_campaignId, body, key) {
      calls.create += 1;
      if (!online) throw new NetworkError(new TypeError('Failed to fetch'));
      let ev = events.get(key);
      if (!ev) {
        ev = { id: `ev-${++seq}`, body };
        events.set(key, ev);
      }
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new NetworkError(new TypeError('connection reset'));
      }
      return { id: ev.id };
    },
    async uploadPhoto(eventId, photo) {
      calls.upload += 1;
      if (!online) throw new NetworkError(new TypeError('Failed to fetch'));
      if (failPhotoWith) {
        const e = failPhotoWith;
        failPhotoWith = null;
        throw e;
      }
      photos.push({ eventId, name: photo.name });
    },
  };
  return {
    transport,
    events,
    photos,
    calls,
    setOnline: (v: boolean) => {
      online = v;
    },
    loseNextAnswer: () => {
      loseNextAnswer = true;
    },
    failNextPhoto: (e: ApiError) => {
      failPhotoWith = e;
    },
  };
}

const photo = (name: string): QueuedPhoto => ({
  name,
  type: 'image/jpeg',
  blob: new Blob(['x'], { type: 'image/jpeg' }),
});

function setup() {
  const api = fakeApi();
  const storage = createMemoryQueueStorage();
  let clock = 1_000;
  let n = 0;
  const queue = createOfflineQueue({
    storage,
    transport: api.transport,
    now: () => clock,
    newKey: () => `key-${++n}`,
    backoffMs: () => 5_000,
  });
  return { api, storage, queue, tick: (ms: number) => (clock += ms) };
}

describe('offline event queue', () => {
  it('keeps an event logged offline and sends it exactly once when the network returns', async () => {
    const { api, storage, queue, tick } = setup();
    api.setOnline(false);
    const item = await queue.enqueue('c1', { type: 'LEAFLET', title: '集市发放' }, [photo('a.jpg')]);
    const first = await queue.flush();
    expect(first.waiting).toHaveLength(1);
    expect(api.events.size).toBe(0);
    expect(storage.items.get(item.key)?.attempts).toBe(1);

    api.setOnline(true);
    const early = await queue.flush();
    expect(early.sent).toHaveLength(0); // still backing off
    tick(5_000);
    const second = await queue.flush();
    expect(second.sent).toHaveLength(1);
    expect(api.events.size).toBe(1);
    expect(api.photos).toEqual([{ eventId: 'ev-1', name: 'a.jpg' }]);
    expect(storage.items.size).toBe(0);
  });

  it('reuses the idempotency key when the answer was lost, so the API keeps one event', async () => {
    const { api, queue } = setup();
    api.loseNextAnswer();
    await queue.enqueue('c1', { type: 'POSTER' });
    await queue.flush();
    await queue.flush({ force: true });
    expect(api.calls.create).toBe(2);
    expect([...api.events.keys()]).toEqual(['key-1']);
  });

  it('does not send an item twice when flushes overlap', async () => {
    const { api, queue } = setup();
    await queue.enqueue('c1', { type: 'MEETING' });
    await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(api.calls.create).toBe(1);
  });

  it('picks up an item queued during a flush', async () => {
    const { api, queue } = setup();
    await queue.enqueue('c1', { type: 'MEETING' });
    const running = queue.flush();
    await queue.enqueue('c1', { type: 'LECTURE' });
    const again = queue.flush();
    const [a, b] = await Promise.all([running, again]);
    expect(api.events.size).toBe(2);
    expect(a.sent.length + b.sent.length).toBeGreaterThanOrEqual(2);
    expect(api.calls.create).toBe(2);
  });

  it('resumes photo uploads after the last one sent, without creating the event again', async () => {
    const { api, storage, queue } = setup();
    const item = await queue.enqueue('c1', { type: 'WARD_VISIT' }, [photo('1.jpg'), photo('2.jpg')]);
    api.failNextPhoto(new ApiError({ status: 503, message: 'busy' }));
    const r1 = await queue.flush();
    expect(r1.waiting).toHaveLength(1);
    expect(storage.items.get(item.key)?.eventId).toBe('ev-1');
    await queue.flush({ force: true });
    expect(api.calls.create).toBe(1);
    expect(api.photos.map((p) => p.name)).toEqual(['1.jpg', '2.jpg']);
  });

  it('marks an event the API refuses as failed and leaves it for the user', async () => {
    const { api, storage, queue } = setup();
    const refusing: QueueTransport = {
      createEvent: async () => {
        throw new ApiError({
          status: 400,
          message: 'Invalid input: occurredOn',
          fieldErrors: [{ field: 'occurredOn', message: 'outside the campaign' }],
        });
      },
      uploadPhoto: api.transport.uploadPhoto,
    };
    const q = createOfflineQueue({ storage, transport: refusing, newKey: () => 'k' });
    await q.enqueue('c1', { type: 'OTHER' });
    const r = await q.flush();
    expect(r.failed).toHaveLength(1);
    expect(storage.items.get('k')?.state).toBe('failed');
    expect(storage.items.get('k')?.lastStatus).toBe(400);
    const again = await q.flush({ force: true });
    expect(again.sent).toHaveLength(0);
    await q.retry('k');
    expect(storage.items.get('k')?.state).toBe('waiting');
    await queue.discard('k');
    expect(storage.items.size).toBe(0);
  });

  it('skips a photo the API refuses as too large and still finishes the event', async () => {
    const { api, storage, queue } = setup();
    api.failNextPhoto(new ApiError({ status: 413, message: 'Photo is larger than 15 MB' }));
    await queue.enqueue('c1', { type: 'POSTER' }, [photo('big.jpg'), photo('ok.jpg')]);
    const r = await queue.flush();
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0].photoWarnings?.[0]).toContain('big.jpg');
    expect(api.photos.map((p) => p.name)).toEqual(['ok.jpg']);
    expect(storage.items.size).toBe(0);
  });
});
