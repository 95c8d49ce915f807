// Enumerations shared by the API, the web app and the report writer. They mirror prisma/schema.prisma;
// apps/api/src/core/database/enums.spec.ts fails when the two drift apart.

export const ORGANIZATION_KINDS = [
  'GOVERNMENT_AGENCY',
  'POLICE',
  'MEDICAL_INSURANCE',
  'EDUCATION_BUREAU',
  'SCHOOL',
  'UNIVERSITY',
  'HOSPITAL',
  'TOWN',
  'VILLAGE',
  'BANK',
  'PAYMENT_PLATFORM',
  'ENTERPRISE',
  'OTHER',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ROLES = ['ADMIN', 'ORGANIZER', 'REPORTER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

export const CAMPAIGN_STATUSES = ['DRAFT', 'ACTIVE', 'CLOSED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const LEADING_GROUP_ROLES = ['LEADER', 'DEPUTY', 'MEMBER'] as const;
export type LeadingGroupRole = (typeof LEADING_GROUP_ROLES)[number];

export const TASK_STATUSES = ['TODO', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** LEADING_GROUP: done when the unit's 领导小组 is saved with a member (the product sees it happen). */
export const TASK_KINDS = ['GENERAL', 'LEADING_GROUP'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const EVENT_TYPES = [
  'FLAG_CEREMONY',
  'MEETING',
  'POSTER',
  'LEAFLET',
  'MESSAGE_PUSH',
  'TAKE_HOME_MATERIAL',
  'WARD_VISIT',
  'CASE_EXPOSURE',
  'LECTURE',
  'MEDIA',
  'COUNTER_REMINDER',
  'ON_SITE_INTERCEPTION',
  'HOTLINE_NOTICE',
  'OTHER',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const METRIC_KINDS = ['COUNT', 'MONEY'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const REPORT_SCOPES = ['UNIT', 'ROLLUP'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];

export const REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
