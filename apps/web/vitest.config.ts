// Unit tests of the web app's logic (offline queue, refresh serialisation, error mapping, formatters):
// `npx vitest run --root apps/web`. Pure logic, so the node environment is enough.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  resolve: {
    alias: { '@campaign-month/contracts': resolve(here, '../../libs/contracts/src/index.ts') },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
