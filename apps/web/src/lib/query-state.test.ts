import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/errors.js';
import { formatExact } from './numbers.js';
import { combinedState, isStale, loadState, type QueryLike } from './query-state.js';

const q = (over: Partial<QueryLike>): QueryLike => ({
  data: undefined,
  error: null,
  fetchStatus: 'idle',
  isPending: true,
  ...over,
});

describe('what a screen may say about a read', () => {
  it('never takes a read that did not arrive for an empty one', () => {
    // offline from the start: TanStack Query pauses the read
    expect(loadState(q({ fetchStatus: 'paused' }))).toBe('offline');
    // the API could not be reached (online by the browser's account)
    expect(loadState(q({ error: new NetworkError(new TypeError('Failed to fetch')), isPending: false }))).toBe(
      'offline',
    );
    expect(loadState(q({ error: new ApiError({ status: 500 }), isPending: false }))).toBe('failed');
    expect(loadState(q({ fetchStatus: 'fetching' }))).toBe('loading');
  });
  it('shows the data it has, and says when it is the last the app had', () => {
    const empty = { items: [], total: 0 };
    expect(loadState(q({ data: empty, isPending: false }))).toBe('ready');
    expect(isStale(q({ data: empty, isPending: false }))).toBe(false);
    expect(loadState(q({ data: empty, fetchStatus: 'paused', isPending: false }))).toBe('ready');
    expect(isStale(q({ data: empty, fetchStatus: 'paused', isPending: false }))).toBe(true);
    expect(isStale(q({ data: empty, error: new NetworkError(), isPending: false }))).toBe(true);
    expect(isStale(q({ data: empty, error: new ApiError({ status: 403 }), isPending: false }))).toBe(false);
    // null is data too: "no summary generated yet" (a 404) is known, not unknown
    expect(loadState(q({ data: null, isPending: false }))).toBe('ready');
  });
  it('a read not asked for (no unit yet) is left as before', () => {
    expect(loadState(q({}))).toBe('ready');
  });
  it('several reads: one unknown makes the whole unknown', () => {
    const ready = q({ data: 1, isPending: false });
    expect(combinedState(ready, q({ fetchStatus: 'paused' }), q({ fetchStatus: 'fetching' }))).toBe('offline');
    expect(combinedState(ready, q({ fetchStatus: 'fetching' }))).toBe('loading');
    expect(combinedState(ready, ready)).toBe('ready');
  });
});

describe("a figure's exact value", () => {
  it('writes a count grouped, without the decimals the API sends', () => {
    expect(formatExact('1280.00')).toBe('1,280');
    expect(formatExact('1280.00', { kind: 'COUNT', unit: '人次' })).toBe('1,280人次');
    expect(formatExact(3000, { kind: 'COUNT', unit: '份' })).toBe('3,000份');
  });
  it('writes money with two decimals and 元', () => {
    expect(formatExact('812300.00', { kind: 'MONEY', unit: '元' })).toBe('812,300.00元');
    expect(formatExact('80000.5', { kind: 'MONEY', unit: '元' })).toBe('80,000.50元');
    // the campaign's definitions not at hand: the unit 元 says money
    expect(formatExact('1280', { unit: '元' })).toBe('1,280.00元');
  });
  it('leaves what is not a number as it is (a day)', () => {
    expect(formatExact('2026-11-06')).toBe('2026-11-06');
  });
});
