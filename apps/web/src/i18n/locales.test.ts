import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh-CN.json';

function flatKeys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? flatKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('locale files', () => {
  const zhKeys = new Set(flatKeys(zh).map(base));
  const enKeys = new Set(flatKeys(en).map(base));

  it('have the same keys in Chinese and English', () => {
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('hold every key the source code asks for', () => {
    const used = new Set<string>();
    const dynamic = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/\bt\(\s*`([^`$]+)\$\{/g)) dynamic.add(m[1]);
    }
    expect([...used].filter((k) => !zhKeys.has(k))).toEqual([]);
    for (const prefix of dynamic)
      expect(
        [...zhKeys].some((k) => k.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  it('name every event type and organization kind the contracts list', async () => {
    const { EVENT_TYPES, ORGANIZATION_KINDS, REPORT_STATUSES, TASK_STATUSES } = await import(
      '@campaign-month/contracts'
    );
    for (const x of EVENT_TYPES) expect(zhKeys.has(`eventType.${x}`), x).toBe(true);
    for (const x of ORGANIZATION_KINDS) expect(zhKeys.has(`orgKind.${x}`), x).toBe(true);
    for (const x of REPORT_STATUSES) expect(zhKeys.has(`reportStatus.${x}`), x).toBe(true);
    for (const x of TASK_STATUSES) expect(zhKeys.has(`taskStatus.${x}`), x).toBe(true);
  });
});
