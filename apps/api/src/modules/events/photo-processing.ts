// What a photo is, judged by its bytes: type (file-type), size and a thumbnail (sharp), and the capture
// time from EXIF (exifr). Pure functions over a buffer; no storage, no database.
import { createHash } from 'node:crypto';
import exifr from 'exifr';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { UnsupportedMediaType } from '../../core/errors/domain-errors.js';

export const PHOTO_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type PhotoContentType = keyof typeof PHOTO_TYPES;
export const THUMBNAIL_TYPE = 'image/webp';
const THUMBNAIL_EDGE = 480;
/** Decompression bombs: refuse images above 100 megapixels. */
const MAX_PIXELS = 100_000_000;

export interface ProcessedPhoto {
  contentType: PhotoContentType;
  ext: string;
  width: number | null;
  height: number | null;
  sha256: string;
  thumbnail: Buffer;
  capturedAt: Date | null;
}

export async function processPhoto(buffer: Buffer, timeZone: string): Promise<ProcessedPhoto> {
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !(type.mime in PHOTO_TYPES)) {
    throw new UnsupportedMediaType(
      'Only JPEG, PNG and WebP photos are accepted (judged by the file content, not its name)',
    );
  }
  const contentType = type.mime as PhotoContentType;
  let width: number | null = null;
  let height: number | null = null;
  let thumbnail: Buffer;
  try {
    const meta = await sharp(buffer, { limitInputPixels: MAX_PIXELS }).metadata();
    const swap = (meta.orientation ?? 1) >= 5;
    width = (swap ? meta.height : meta.width) ?? null;
    height = (swap ? meta.width : meta.height) ?? null;
    thumbnail = await sharp(buffer, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
  } catch {
    throw new UnsupportedMediaType(`The file starts like a ${type.ext.toUpperCase()} image but cannot be read as one`);
  }
  return {
    contentType,
    ext: PHOTO_TYPES[contentType],
    width,
    height,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    thumbnail,
    capturedAt: await exifCaptureTime(buffer, timeZone),
  };
}

/** EXIF DateTimeOriginal (else CreateDate) as an instant; a time without an offset is read in `timeZone`. */
export async function exifCaptureTime(buffer: Buffer, timeZone: string): Promise<Date | null> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(buffer, {
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTimeDigitized'],
      reviveValues: false,
    });
  } catch {
    return null;
  }
  if (!tags) return null;
  const pairs: [unknown, unknown][] = [
    [tags.DateTimeOriginal, tags.OffsetTimeOriginal],
    [tags.CreateDate, tags.OffsetTimeDigitized],
  ];
  for (const [value, offset] of pairs) {
    if (typeof value !== 'string') continue;
    const instant = parseExifDateTime(value, typeof offset === 'string' ? offset : undefined, timeZone);
    if (instant) return instant;
  }
  return null;
}

/** '2026:11:06 09:30:00' (+ optional '+08:00') → the instant; null for blanks and impossible values. */
export function parseExifDateTime(value: string, offset: string | undefined, timeZone: string): Date | null {
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y < 1990 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d) return null;
  const off = offset ? /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim()) : null;
  if (off) {
    const minutes = (Number(off[2]) * 60 + Number(off[3])) * (off[1] === '-' ? -1 : 1);
    return new Date(wall - minutes * 60_000);
  }
  return zonedWallTimeToInstant(wall, timeZone);
}

/** A wall-clock time (given as if it were UTC) in `timeZone` → the instant. */
export function zonedWallTimeToInstant(wallAsUtc: number, timeZone: string): Date {
  const first = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  const second = wallAsUtc - zoneOffsetMs(first, timeZone);
  return new Date(second);
}

/** How far `timeZone`'s wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}
