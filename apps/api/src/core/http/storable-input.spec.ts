import { MAX_INPUT_DEPTH, storableText, unstorableInput } from './storable-input.js';

const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) });

describe('unstorableInput', () => {
  it('names the field holding a NUL character or a lone surrogate, at any depth and in keys', () => {
    expect(unstorableInput({ title: 'a\u0000b' })).toEqual({
      field: 'title',
      message: 'title must not contain the NUL character (\\u0000)',
    });
    expect(unstorableInput({ members: [{ name: 'ok' }, { name: '张\ud800' }] })?.field).toBe('members.1.name');
    expect(unstorableInput({ note: '\udc00 trailing low' })?.field).toBe('note');
    expect(unstorableInput({ metrics: { 'a\u0000': 1 } })?.message).toContain('The key of metrics.a');
    expect(unstorableInput('%\u0000', 'q')?.field).toBe('q');
  });

  it('accepts well-formed text, astral characters included, and non-text values', () => {
    expect(unstorableInput({ title: '𠜎𠜱 宣讲 😀', n: 3, ok: true, none: null, list: [1, '二'] })).toBeNull();
    expect(unstorableInput(undefined)).toBeNull();
  });

  it(`allows ${MAX_INPUT_DEPTH} levels of nesting and refuses one more, without recursion`, () => {
    expect(unstorableInput(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(unstorableInput(nested(MAX_INPUT_DEPTH + 1))?.message).toContain('nested more than 32 levels');
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(unstorableInput({ metrics: { audience: deep } })?.field).toMatch(/^metrics\.audience(\.0)+$/);
  });

  it('refuses keys named like members of every object, which class-transformer would drop', () => {
    for (const key of ['toString', 'constructor', 'valueOf', 'hasOwnProperty'])
      expect(unstorableInput({ metrics: { [key]: 1 } })?.field).toBe(`metrics.${key}`);
    expect(unstorableInput({ metrics: { audience: 1, tostring: 2 } })).toBeNull();
  });
});

describe('storableText', () => {
  it('drops NULs and replaces lone surrogates, keeping pairs', () => {
    expect(storableText('a\u0000b')).toBe('ab');
    expect(storableText('x\ud800y')).toBe('x\uFFFDy');
    expect(storableText('𠜎')).toBe('𠜎');
  });
});
