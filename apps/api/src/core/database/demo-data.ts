import { PrismaPg } from '@prisma/adapter-pg';
import type { Logger } from 'pino';
import { seedDemoData } from '../../../../../prisma/seed/demo-data.js';
import { PrismaClient } from '../../generated/prisma/client.js';

/** Loads the demo tenants on the first start of an empty database (embedded default). */
export async function loadDemoDataIfEmpty(url: string, logger: Logger): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  try {
    const tenants = await prisma.tenant.count();
    if (tenants > 0) return;
    const started = Date.now();
    const summary = await seedDemoData(prisma);
    logger.info({ ...summary, ms: Date.now() - started }, 'loaded the demo data (README: demo log-ins)');
  } finally {
    await prisma.$disconnect();
  }
}
