// Input PostgreSQL cannot store, or the validators cannot walk, is refused as a 400 naming the field:
// the NUL character (text columns refuse it), a lone UTF-16 surrogate (jsonb refuses it, text columns would
// silently turn it into U+FFFD) and JSON nested deeper than any body of the API needs (class-transformer and
// class-validator recurse and would overflow the stack). The walk is iterative for that reason. A key
// named like a member of every object (toString, constructor…) is refused too: class-transformer drops
// such keys without a word, so a metric or a paragraph sent under one would vanish.
import { type FieldError, InvalidInput } from '../errors/domain-errors.js';

/** No request body of the API nests more than a few levels; 32 leaves room and stays far from the stack. */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text read from a file (a ledger's cells) made storable: NULs dropped, lone surrogates replaced by U+FFFD. */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it contains a lone UTF-16 surrogate)';
  return null;
}

/** The first field of `value` (a parsed body, query or parameter) that cannot be taken, or null. */
export function unstorableInput(value: unknown, prefix = ''): FieldError | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: prefix, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const field = item.path || 'body';
    if (typeof item.value === 'string') {
      const problem = textProblem(item.value);
      if (problem) return { field, message: `${field} ${problem}` };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_INPUT_DEPTH)
      return { field, message: `The input is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    for (const [key, child] of Object.entries(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      const problem = textProblem(key);
      if (problem) return { field: path, message: `The key of ${path} ${problem}` };
      if (Object.hasOwn(Object.prototype, key))
        return { field: path, message: `${key} is not accepted as a key (it names a member of every object)` };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return null;
}

/** The walk as the API's 400: the first unstorable field, named in the message and the details. */
export function assertStorableInput(value: unknown, prefix = ''): void {
  const problem = unstorableInput(value, prefix);
  if (problem) throw new InvalidInput(problem.message, [problem]);
}
