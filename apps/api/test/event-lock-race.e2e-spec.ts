// An approval that lands after an event's checks but before its insert still wins: the writing
// statement checks the lock again, so the event is refused (422), nothing is written and, with an
// Idempotency-Key, the key stays free. The checks and the write are one statement when the campaign's facts
// are cached (decision 032); with none cached, the first statement only reads them and the second writes:
// the approval lands between the two.
import { ActorLoader } from '../src/core/auth/actor-loader.js';
import { type Actor, requestContext } from '../src/core/context/request-context.js';
import { CampaignFactsCache } from '../src/modules/events/campaign-facts-cache.js';
import { EventCreateService } from '../src/modules/events/event-create.service.js';
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

  it.each([
    ['without a key', null],
    ['with an Idempotency-Key', 'race-key-1'],
  ])('the insert re-checks the approval the checks did not see (%s)', async (_label, key) => {
    await sql(`DELETE FROM summary_report WHERE campaign_id = $1`, [w.campaign.id]);
    const service = t.app.get(EventCreateService);
    const inContext = <T>(fn: () => Promise<T>) =>
      requestContext.run({ requestId: 'race', ip: null, tenantId: w.tenant.tenantId }, fn);
    const actor = (await inContext(() => t.app.get(ActorLoader).load(w.reporterA.id, w.tenant.tenantId, 0))) as Actor;
    // no facts cached: the first statement reads them (and writes nothing), then the approval lands
    const internals = service as unknown as {
      facts: CampaignFactsCache;
      run: (...args: unknown[]) => Promise<unknown>;
    };
    internals.facts = new CampaignFactsCache();
    const original = internals.run;
    let statements = 0;
    internals.run = async function (this: unknown, ...args: unknown[]) {
      const row = await original.apply(this, args);
      statements += 1;
      if (statements === 1) await addSummaryVersion(w.tenant.tenantId, w.campaign.id, w.org.A, 'APPROVED');
      return row;
    };
    try {
      const dto = { organizationId: w.org.A, type: 'LEAFLET', title: '竞态', occurredOn: '2026-11-06', metrics: {} };
      await expect(
        inContext(() => service.create({ ...actor, sessionVersion: 0 }, w.campaign.id, dto as never, key)),
      ).rejects.toMatchObject({
        statusCode: 422,
      });
    } finally {
      internals.run = original;
    }
    expect(statements).toBe(2);
    expect(await countEvents(w.campaign.id)).toBe(0);
    expect(await sql(`SELECT 1 FROM idempotency_record WHERE key = $1`, [key ?? ''])).toHaveLength(0);
  });
});
