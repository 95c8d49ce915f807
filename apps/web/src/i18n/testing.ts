// A small stand-in for i18next's t() in unit tests: nested keys, {{name}} interpolation, `_other`
// plurals and defaultValue, over the real locale files.
import type { TFunction } from 'i18next';
import en from './en.json';
import zh from './zh-CN.json';

export function translator(dict: Record<string, unknown>): TFunction {
  const lookup = (path: string[]) =>
    path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], dict);
  const t = (key: string, opts: Record<string, unknown> = {}) => {
    const parts = key.split('.');
    const v = lookup(parts) ?? lookup([...parts.slice(0, -1), `${parts.at(-1)}_other`]);
    const found = typeof v === 'string' ? v : typeof opts.defaultValue === 'string' ? opts.defaultValue : key;
    return found.replace(/\{\{(\w+)\}\}/g, (_, n) => String(opts[n] ?? ''));
  };
  return t as unknown as TFunction;
}

/** t() of the Chinese and the English interface. */
export const tz = translator(zh);
export const te = translator(en);
