import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root, found from this file whether it runs from src/ (tests) or dist/ (built). */
export function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, 'prisma', 'schema.prisma'))) return dir;
    dir = dirname(dir);
  }
  return resolve('.');
}

export function migrationsDir(): string {
  return join(workspaceRoot(), 'prisma', 'migrations');
}
