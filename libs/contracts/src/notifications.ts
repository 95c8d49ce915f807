// Reminders and notifications (督办, DESIGN.md "Reminders and notifications"): plain types shared by the API
// and the web app (the bell, the 催办 buttons, the rules and channels forms).

export const NOTIFICATION_KINDS = [
  'TASK_DUE_SOON',
  'TASK_OVERDUE',
  'ESCALATION',
  'NO_GROUP',
  'NO_EVENTS',
  'SUMMARY_DUE_SOON',
  'SUMMARY_RETURNED',
  'CHASE',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  campaignId: string | null;
  organizationId: string | null;
  title: string;
  body: string;
  /** A path of the web app: /unit/<campaignId>/tasks, /campaigns/<id>, … */
  link: string | null;
  /** Who caused it (the organizer who chased, the reviewer who returned); null for rule checks. */
  actorId: string | null;
  readAt: string | null;
  createdAt: string;
}

/** POST /notifications/read: the given ids (the caller's own; others are ignored) or all of them. */
export interface MarkNotificationsReadRequest {
  ids?: string[];
  all?: boolean;
}

export const CHASE_FILTERS = ['OVERDUE', 'DUE_SOON', 'NO_GROUP', 'NO_SUMMARY'] as const;
export type ChaseFilter = (typeof CHASE_FILTERS)[number];

/** POST /campaigns/:id/reminders (催办). */
export interface ChaseRequest {
  /** Units to chase; default: every participant in the caller's scope (narrowed by filter). */
  organizationIds?: string[];
  filter?: ChaseFilter;
  message?: string;
}

export interface ChaseResult {
  /** Units chased now. */
  units: number;
  /** Users who received the 催办 (the units' reporters). */
  recipients: number;
  /** Units not chased: already chased within this hour. */
  skipped: { organizationId: string; reason: 'CHASED_THIS_HOUR'; lastChasedAt: string | null }[];
}

export interface ChaseView {
  id: string;
  campaignId: string;
  organizationId: string;
  actorId: string;
  actorName: string;
  filter: ChaseFilter | null;
  message: string | null;
  recipients: number;
  createdAt: string;
}

/** GET|PUT /campaigns/:id/reminder-rules; a null day count turns that rule off. */
export interface ReminderRules {
  /** Tasks due within this many days (0–30). */
  dueSoonDays: number;
  /** Tell the unit about overdue tasks. */
  overdue: boolean;
  /** A task overdue this many days reaches the unit's superior organizers (1–60). */
  escalateAfterDays: number | null;
  /** No leading group by this day of the month (1 = the first day, 1–60). */
  noGroupByDay: number | null;
  /** No event logged for this many days (1–60). */
  noEventDays: number | null;
  /** The summary is due within this many days and not submitted (0–30). */
  summaryDueSoonDays: number | null;
  /** The daily digest's local hour (tenant's time zone, 0–23). */
  digestHour: number;
}

export const CHANNEL_KINDS = ['WECOM', 'DINGTALK', 'WEBHOOK', 'EMAIL'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** One entry of PUT /organizations/:id/notification-channels (the list replaces the organization's). */
export interface ChannelInput {
  /** An existing channel's id: keeps its stored secret when `secret` is left out. */
  id?: string;
  kind: ChannelKind;
  /** WECOM, DINGTALK, WEBHOOK: the robot's or endpoint's https URL. */
  url?: string;
  /** DINGTALK: the 加签 secret (SEC…); WEBHOOK: signs the body (X-Signature: sha256=HMAC). */
  secret?: string;
  /** EMAIL: the addresses. */
  to?: string[];
  enabled: boolean;
}

export interface ChannelView {
  id: string;
  kind: ChannelKind;
  url: string | null;
  /** Never the secret itself: "SEC…1a2b" style, or null when none is stored. */
  secretMasked: string | null;
  to: string[];
  enabled: boolean;
  lastSuccessAt: string | null;
  lastFailure: { at: string; status: number | null; message: string } | null;
}
