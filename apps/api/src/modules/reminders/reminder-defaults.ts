// The reminder rules a campaign starts with, per template (a campaign without a reminder_rule row uses
// these). Organizers change them with PUT /campaigns/:id/reminder-rules.
import type { ReminderRules } from '@campaign-month/contracts';

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  dueSoonDays: 3,
  overdue: true,
  escalateAfterDays: 3,
  noGroupByDay: 3,
  noEventDays: 7,
  summaryDueSoonDays: 3,
  digestHour: 9,
};

/** Per template: what its kind of month needs (units log events often in 全民反诈; hospitals form groups slower). */
const BY_TEMPLATE: Record<string, Partial<ReminderRules>> = {
  'anti-fraud': { noEventDays: 5 },
  'medical-insurance-fund': { noGroupByDay: 5 },
  'telecom-crime': { noEventDays: 7 },
};

export function templateReminderRules(templateKey: string | null): ReminderRules {
  return { ...DEFAULT_REMINDER_RULES, ...(templateKey ? BY_TEMPLATE[templateKey] : undefined) };
}

/** Ranges PUT accepts (also used by the DTO's validators and the OpenAPI document). */
export const RULE_RANGES = {
  dueSoonDays: [0, 30],
  escalateAfterDays: [1, 60],
  noGroupByDay: [1, 60],
  noEventDays: [1, 60],
  summaryDueSoonDays: [0, 30],
  digestHour: [0, 23],
} as const;
