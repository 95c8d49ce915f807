// What an event create checks a request against that changes rarely: a campaign's period, its tenant's time
// zone and its metric definitions. Kept per process so that a create can validate the body and write in
// one statement; that statement writes only if these facts are still what the cache says (decision 032),
// so a stale entry costs a second round trip, never a wrong write, and nothing needs invalidating.
import type { MetricDef } from './metric-values.js';

export interface CampaignFacts {
  startsOn: string;
  endsOn: string;
  timeZone: string;
  metrics: MetricDef[];
  /** md5 of the metric definitions as the statement aggregates them: compared inside the statement. */
  metricsStamp: string;
}

/** At most this many campaigns per process; the oldest entry goes first. */
const CAPACITY = 1_000;

export class CampaignFactsCache {
  private readonly entries = new Map<string, CampaignFacts>();

  get(tenantId: string, campaignId: string): CampaignFacts | undefined {
    return this.entries.get(`${tenantId}/${campaignId}`);
  }

  set(tenantId: string, campaignId: string, facts: CampaignFacts): void {
    const key = `${tenantId}/${campaignId}`;
    this.entries.delete(key);
    this.entries.set(key, facts);
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }
}
