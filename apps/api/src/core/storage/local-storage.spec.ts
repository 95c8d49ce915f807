import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStorage } from './local-storage.js';

describe('LocalStorage', () => {
  const storage = new LocalStorage(mkdtempSync(join(tmpdir(), 'cm-storage-')));

  it('stores, reads back and deletes an object', async () => {
    await storage.put('t1/photos/a.jpg', Buffer.from('abc'), 'image/jpeg');
    expect(await storage.exists('t1/photos/a.jpg')).toBe(true);
    expect((await storage.getBuffer('t1/photos/a.jpg'))?.toString()).toBe('abc');
    await storage.delete('t1/photos/a.jpg');
    expect(await storage.get('t1/photos/a.jpg')).toBeNull();
  });

  it('refuses keys that climb out of its directory', async () => {
    await expect(storage.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.put('/abs', Buffer.from('x'), 'text/plain')).rejects.toThrow(/Unsafe storage key/);
  });
});
