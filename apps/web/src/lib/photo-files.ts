// Which photos the API takes (JPEG, PNG, WebP, judged by content there, by type here), and its refusals
// of uploaded photos as the unit reads them.
import type { TFunction } from 'i18next';
import { matchApiMessage } from '../api/api-messages.js';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_ACCEPT = PHOTO_TYPES.join(',');

/** The picked files the API will take, and the names of those it would refuse. */
export function splitPhotos(files: readonly File[]): { accepted: File[]; refused: string[] } {
  const accepted: File[] = [];
  const refused: string[] = [];
  for (const f of files) {
    if ((PHOTO_TYPES as readonly string[]).includes(f.type)) accepted.push(f);
    else refused.push(f.name);
  }
  return { accepted, refused };
}

/**
 * A warning of the offline queue, 'name.jpg: <API message>', in the interface language: the file's name
 * and the translated reason (a generic one when the API's words are not known).
 */
export function describePhotoWarning(warning: string, t: TFunction): string {
  const at = warning.lastIndexOf(': ');
  const name = at >= 0 ? warning.slice(0, at) : '';
  const reason = at >= 0 ? warning.slice(at + 2) : warning;
  return t('event.photoRefused', {
    detail: `${name}${name ? t('event.photoReasonSeparator') : ''}${matchApiMessage(reason, t) ?? t('event.photoNotTaken')}`,
  });
}
