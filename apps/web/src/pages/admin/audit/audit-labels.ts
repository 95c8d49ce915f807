// The 操作日志's words: action codes (organization.create, user.invite …) and entity types as the
// interface names them; a code this version does not know is shown as it is.
import type { TFunction } from 'i18next';

/** The action codes the API logs (the 操作类型 filter offers these). */
export const AUDIT_ACTIONS = [
  'tenant.register',
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.refresh_reuse',
  'organization.create',
  'organization.update',
  'organization.move',
  'organization.archive',
  'organization.restore',
  'organization.delete',
  'organization.import',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.memberships_change',
  'user.invite',
  'user.invitation_accept',
  'user.password_change',
  'user.password_change_failed',
  'user.import',
  'campaign.create',
  'campaign.update',
  'campaign.launch',
  'campaign.close',
  'campaign.participants_add',
  'campaign.participant_remove',
  'task.create',
  'task.update',
  'task.status_change',
  'event.create',
  'event.update',
  'event.delete',
  'event.import',
  'photo.create',
  'photo.delete',
  'leading_group.replace',
  'summary.generate',
  'summary.edit',
  'summary.submitted',
  'summary.approved',
  'summary.returned',
] as const;

export const AUDIT_ENTITIES = [
  'Tenant',
  'Organization',
  'User',
  'Campaign',
  'Task',
  'PublicityEvent',
  'EventPhoto',
  'LeadingGroup',
  'SummaryReport',
  'RefreshToken',
] as const;

/** i18n keys cannot hold dots inside one segment: organization.create → audit.action.organization_create. */
const keyOf = (code: string) => code.replace(/[.]/g, '_');

export function actionLabel(code: string, t: TFunction): string {
  return t(`audit.action.${keyOf(code)}`, { defaultValue: code });
}

export function entityLabel(type: string, t: TFunction): string {
  return t(`audit.entity.${type}`, { defaultValue: type });
}

/** `changes` as text a person reads: pretty JSON, or nothing when there is none. */
export function changesText(changes: unknown): string | null {
  if (changes === null || changes === undefined) return null;
  if (typeof changes === 'object' && Object.keys(changes as object).length === 0) return null;
  return JSON.stringify(changes, null, 2);
}
