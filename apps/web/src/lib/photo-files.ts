// Which photos the API takes (JPEG, PNG, WebP, judged by their content there and here), and its refusals
// of uploaded photos as the unit reads them.
import type { TFunction } from 'i18next';
import { matchApiMessage } from '../api/api-messages.js';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_ACCEPT = PHOTO_TYPES.join(',');

/** The kind of photo a file's first bytes show (as the API judges it), or null. */
async function photoKind(file: File): Promise<'jpeg' | 'png' | 'webp' | null> {
  const b = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.slice(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * The picked files the API will take, and the names of those it would refuse: judged by their type and
 * their first bytes, as the API does, so a text file renamed .jpg is refused when picked, not after 提交.
 */
export async function splitPhotos(files: readonly File[]): Promise<{ accepted: File[]; refused: string[] }> {
  const kinds = await Promise.all(
    files.map((f) => ((PHOTO_TYPES as readonly string[]).includes(f.type) ? photoKind(f) : null)),
  );
  const accepted: File[] = [];
  const refused: string[] = [];
  files.forEach((f, i) => {
    if (kinds[i]) accepted.push(f);
    else refused.push(f.name);
  });
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
