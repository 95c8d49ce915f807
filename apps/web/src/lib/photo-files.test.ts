import { describe, expect, it } from 'vitest';
import { tz } from '../i18n/testing.js';
import { describePhotoWarning, PHOTO_ACCEPT, splitPhotos } from './photo-files.js';

const file = (name: string, type: string) => new File([new Uint8Array([1])], name, { type });

describe('photos', () => {
  it('takes JPEG, PNG and WebP only, and names the refused files', () => {
    const { accepted, refused } = splitPhotos([
      file('a.jpg', 'image/jpeg'),
      file('anim.gif', 'image/gif'),
      file('logo.svg', 'image/svg+xml'),
      file('b.webp', 'image/webp'),
      file('notes.jpg', 'text/plain'),
      file('c.png', 'image/png'),
    ]);
    expect(accepted.map((f) => f.name)).toEqual(['a.jpg', 'b.webp', 'c.png']);
    expect(refused).toEqual(['anim.gif', 'logo.svg', 'notes.jpg']);
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
