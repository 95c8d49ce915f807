import { describe, expect, it } from 'vitest';
import { tz } from '../i18n/testing.js';
import { describePhotoWarning, PHOTO_ACCEPT, splitPhotos } from './photo-files.js';

const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
const WEBP = [...'RIFF']
  .map((c) => c.charCodeAt(0))
  .concat(
    [0x24, 0, 0, 0],
    [...'WEBP'].map((c) => c.charCodeAt(0)),
  );
const TEXT = [...'just a note.'].map((c) => c.charCodeAt(0));
const file = (name: string, type: string, bytes = JPEG) => new File([new Uint8Array(bytes)], name, { type });

describe('photos', () => {
  it('takes JPEG, PNG and WebP by their type and their first bytes, and names the refused files', async () => {
    const { accepted, refused } = await splitPhotos([
      file('a.jpg', 'image/jpeg'),
      file('anim.gif', 'image/gif'),
      file('logo.svg', 'image/svg+xml'),
      file('b.webp', 'image/webp', WEBP),
      file('notes.jpg', 'text/plain', TEXT),
      file('c.png', 'image/png', PNG),
      // named and typed as a photo by the phone, but text inside: refused when picked, as the API would
      file('renamed.jpg', 'image/jpeg', TEXT),
      // a PNG renamed .jpg is still a photo the API takes
      file('png-as.jpg', 'image/jpeg', PNG),
    ]);
    expect(accepted.map((f) => f.name)).toEqual(['a.jpg', 'b.webp', 'c.png', 'png-as.jpg']);
    expect(refused).toEqual(['anim.gif', 'logo.svg', 'notes.jpg', 'renamed.jpg']);
    expect(PHOTO_ACCEPT).toBe('image/jpeg,image/png,image/webp');
  });

  it('reports photos the API refused in Chinese', () => {
    expect(
      describePhotoWarning(
        'anim.gif: Only JPEG, PNG and WebP photos are accepted (judged by the file content, not its name)',
        tz,
      ),
    ).toBe('有照片未能上传：anim.gif：仅支持 JPEG、PNG、WebP 格式的照片');
    expect(describePhotoWarning('big.jpg: The file is larger than the limit of 15 MB', tz)).toBe(
      '有照片未能上传：big.jpg：文件超过 15 MB 的上限',
    );
    expect(describePhotoWarning('x.jpg: Something new', tz)).toBe('有照片未能上传：x.jpg：服务器未接收');
  });
});
