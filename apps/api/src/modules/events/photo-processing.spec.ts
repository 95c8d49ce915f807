import sharp from 'sharp';
import { dayOfInstant } from '../../core/time/calendar.js';
import { exifCaptureTime, parseExifDateTime, processPhoto } from './photo-processing.js';

describe('photo processing', () => {
  it('reads an EXIF time without offset in the tenant time zone, and one with an offset as given', () => {
    expect(parseExifDateTime('2026:11:06 23:30:00', undefined, 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-11-06T15:30:00.000Z',
    );
    expect(parseExifDateTime('2026:11:06 23:30:00', '-05:00', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-11-07T04:30:00.000Z',
    );
    expect(parseExifDateTime('2026:03:29 02:30:00', undefined, 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(parseExifDateTime('0000:00:00 00:00:00', undefined, 'Asia/Shanghai')).toBeNull();
    expect(parseExifDateTime('2026:02:30 10:00:00', undefined, 'Asia/Shanghai')).toBeNull();
    expect(parseExifDateTime('garbage', undefined, 'Asia/Shanghai')).toBeNull();
  });

  it('takes type and size from the bytes, makes a thumbnail and finds the capture time', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({ IFD2: { DateTimeOriginal: '2026:11:06 23:30:00' } })
      .toBuffer();
    const p = await processPhoto(jpeg, 'Asia/Shanghai');
    expect(p).toMatchObject({ contentType: 'image/jpeg', ext: 'jpg', width: 1200, height: 800 });
    expect(dayOfInstant(p.capturedAt!, 'Asia/Shanghai')).toBe('2026-11-06');
    const thumb = await sharp(p.thumbnail).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 480, 320]);
  });

  it('refuses text dressed up as an image with 415', async () => {
    await expect(processPhoto(Buffer.from('just some text, not a JPEG at all'), 'Asia/Shanghai')).rejects.toMatchObject(
      { statusCode: 415 },
    );
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    await expect(processPhoto(png.subarray(0, 40), 'Asia/Shanghai')).rejects.toMatchObject({ statusCode: 415 });
    expect(await exifCaptureTime(png, 'Asia/Shanghai')).toBeNull();
  });
});
