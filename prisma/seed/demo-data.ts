import type { PrismaClient } from '../../apps/api/src/generated/prisma/client.js';

export interface SeedSummary {
  tenants: number;
}

/** Idempotent: every demo row is found or created by its natural key. */
export async function seedDemoData(_prisma: PrismaClient): Promise<SeedSummary> {
  return { tenants: 0 };
}
