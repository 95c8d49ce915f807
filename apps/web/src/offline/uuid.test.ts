import { afterEach, describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey } from './uuid.js';

describe('idempotency keys', () => {
  afterEach(() => vi.restoreAllMocks());
  it('are v4 UUIDs, also where crypto.randomUUID is missing (plain http)', () => {
    const re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(re);
    vi.spyOn(crypto, 'randomUUID').mockImplementation(undefined as never);
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(100);
    for (const k of keys) expect(k).toMatch(re);
  });
});
