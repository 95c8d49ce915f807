import { canonicalJson, requestHash } from './request-hash.js';

describe('requestHash', () => {
  it('ignores key order and undefined members, not values', () => {
    expect(requestHash({ a: 1, b: { y: [1, 2], x: 'z' } })).toBe(
      requestHash({ b: { x: 'z', y: [1, 2] }, a: 1, c: undefined }),
    );
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: '1' }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
  });

  it('writes canonical JSON', () => {
    expect(canonicalJson({ b: null, a: [true, 'x'] })).toBe('{"a":[true,"x"],"b":null}');
  });
});
