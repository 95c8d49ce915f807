// The 操作日志's words: action codes (organization.create, user.invite …) and entity types as the
// interface names them; a code this version does not know is shown as it is.
import type { TFunction } from 'i18next';

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
