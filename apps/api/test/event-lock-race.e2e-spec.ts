// An approval that lands after an event's checks but before its insert still wins: the writing
// statement checks the lock again, so the event is refused (422) and nothing is written.
import { EventCreateService } from '../src/modules/events/event-create.service.js';
import { PrismaService } from '../src/core/database/prisma.service.js';
import { type Actor, requestContext } from '../src/core/context/request-context.js';
import { sql, startTestApp, type TestApp, truncateAll } from './support/app.js';
import { addSummaryVersion, buildEventsWorld, countEvents, type EventsWorld } from './support/events-fixtures.js';

describe('event lock race', () => {
  let t: TestApp;
  let w: EventsWorld;
  beforeAll(async () => {
    await truncateAll();
    t = await startTestApp({ LOGIN_MAX_PER_ADDRESS: '100000' });
    w = await buildEventsWorld(t.http);
  }, 60_000);
  afterAll(() => t.close());

  it('the insert re-checks the approval the checks did not see', async () => {
    await addSummaryVersion(w.tenant.tenantId, w.campaign.id, w.org.A, 'APPROVED');
    const service = t.app.get(EventCreateService) as unknown as {
      insert(
        db: unknown,
        actor: Actor,
        campaignId: string,
        dto: object,
        unitName: string,
        entries: unknown[],
      ): Promise<unknown>;
    };
    const prisma = t.app.get(PrismaService);
    const [row] = await sql<{ id: string }>(`SELECT id FROM app_user WHERE id = $1`, [w.reporterA.id]);
    const actor: Actor = { userId: row!.id, tenantId: w.tenant.tenantId, email: 'a@example.test', memberships: [] };
    const dto = { organizationId: w.org.A, type: 'LEAFLET', title: '竞态', occurredOn: '2026-11-06' };
    // the checks ran before the approval: only the writing statement stands between the event and the table
    await expect(
      requestContext.run({ requestId: 'race', ip: null, actor }, () =>
        service.insert(prisma.direct, actor, w.campaign.id, dto, '城关派出所', []),
      ),
    ).rejects.toMatchObject({ statusCode: 422 });
    expect(await countEvents(w.campaign.id)).toBe(0);
  });
});
