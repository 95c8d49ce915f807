// The campaign templates: data, in one place. To add a month, write a `<name>.template.ts` beside these
// and list it below; templates.spec.ts checks every template's shape.
import type { CampaignTemplateView, SuggestedTask } from '@campaign-month/contracts';
import { ANTI_FRAUD_TEMPLATE } from './anti-fraud.template.js';
import { MEDICAL_INSURANCE_FUND_TEMPLATE } from './medical-insurance-fund.template.js';
import { TELECOM_CRIME_TEMPLATE } from './telecom-crime.template.js';

export const CAMPAIGN_TEMPLATES: readonly CampaignTemplateView[] = [
  ANTI_FRAUD_TEMPLATE,
  MEDICAL_INSURANCE_FUND_TEMPLATE,
  TELECOM_CRIME_TEMPLATE,
];

const BY_KEY = new Map(CAMPAIGN_TEMPLATES.map((t) => [t.key, t]));

export function findTemplate(key: string): CampaignTemplateView | undefined {
  return BY_KEY.get(key);
}

export function findSuggestedTask(templateKey: string | null, taskKey: string): SuggestedTask | undefined {
  return templateKey ? BY_KEY.get(templateKey)?.suggestedTasks.find((t) => t.key === taskKey) : undefined;
}

/** The default title of a campaign from a template: 2026年全民反诈在行动集中宣传月. */
export function defaultTitle(template: CampaignTemplateView, startsOn: string): string {
  return `${startsOn.slice(0, 4)}年${template.name}`;
}
