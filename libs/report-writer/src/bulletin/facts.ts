// The facts a 情况通报 (progress bulletin) is written from: the participating units of the issuer's subtree
// and their figures as of the end of one day. The API computes them with SQL aggregation (one grouped
// query); see decision 038 for what "as of" means for rows whose history is not kept.
import type { CampaignFact, MetricFact, UnitFact } from '../facts.js';

/** One participating unit, as of the day. */
export interface BulletinUnitRow {
  id: string;
  name: string;
  /** Its leading group was recorded by the end of the day (and has members now). */
  leadingGroupSet: boolean;
  /** Events that occurred by the day and were logged by its end. */
  eventCount: number;
  /** Metric key → decimal sum over those events (values as they stand now). */
  metricTotals: Record<string, string>;
  /** Tasks created by the end of the day (cancelled ones left out), not handed down further. */
  tasksTotal: number;
  /** Of those, completed by the end of the day. */
  tasksDone: number;
  /** Of those, not completed by the end of the day although their due day had passed. */
  tasksOverdue: number;
  /** The unit had handed its summary in by the end of the day. */
  handedIn: boolean;
  /** A sample (≤ 20) of the ids of its counted events. */
  eventIds: string[];
}

export interface BulletinFacts {
  kind: 'BULLETIN';
  campaign: CampaignFact;
  /** The organization the bulletin speaks for and signs as: the top of the caller's scope in the campaign. */
  issuer: UnitFact;
  /** The day the figures stand at, 'YYYY-MM-DD'. */
  asOf: string;
  metrics: MetricFact[];
  /** Participating units of the issuer's subtree (taking part by the end of the day), by depth, then by name. */
  units: BulletinUnitRow[];
}
