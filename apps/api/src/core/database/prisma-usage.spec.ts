import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Prisma merges findUnique calls made in the same tick into one query, across requests. With the tenant
// set per connection (row-level security), a merged query would run under one request's tenant and hide
// the other's row. Outside transactions (where merging is per transaction) services use findFirst.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'generated' ? [] : sources(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [p] : [];
  });
}

describe('Prisma usage under row-level security', () => {
  it('no findUnique outside a transaction on a tenant table', () => {
    const root = join(process.cwd(), 'apps/api/src');
    const offenders = sources(root).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file.slice(root.length + 1)}:${i + 1}` }))
        .filter(({ line }) => /\b(this\.prisma|prisma|db)\.(?!rateLimitCounter)\w+\.findUnique(OrThrow)?\(/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });
});
