import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertPublicUrl, isInternalAddress, postJson, UnsafeUrl } from './safe-http.js';

describe('channel URLs cannot reach into the server’s network', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    'fe80::1',
    'fd00::1',
    'fc00::abcd',
    'ff02::1',
  ])('%s is internal', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '203.119.1.1', '172.32.0.1', '2408:8000::1', '2001:4860:4860::8888'])(
    '%s is public',
    (address) => {
      expect(isInternalAddress(address)).toBe(false);
    },
  );

  it.each([
    'http://127.0.0.1/x',
    'http://10.1.2.3/x',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]:8080/',
    'http://[::ffff:127.0.0.1]/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://localhost:3000/',
    'http://LOCALHOST./',
    'http://printer.local/',
    'file:///etc/passwd',
    'http://user:pw@example.com/',
    'not a url',
  ])('refuses %s when it is saved', async (url) => {
    await expect(assertPublicUrl(url, false)).rejects.toBeInstanceOf(UnsafeUrl);
  });

  it('allows them all with NOTIFY_ALLOW_PRIVATE_URLS (tests reach local sinks), but never another scheme', async () => {
    await expect(assertPublicUrl('http://127.0.0.1:9/x', true)).resolves.toBeUndefined();
    await expect(assertPublicUrl('file:///etc/passwd', true)).rejects.toBeInstanceOf(UnsafeUrl);
  });

  it('checks the address it connects to at send time: a name resolving to loopback is refused (DNS rebinding)', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      // "localhost" passes no literal check: only the resolved address tells it is loopback
      await expect(postJson(`http://localhost:${port}/hook`, {}, { allowPrivate: false })).rejects.toThrow(/internal/);
      await expect(postJson(`http://127.0.0.1:${port}/hook`, {}, { allowPrivate: false })).rejects.toBeInstanceOf(
        UnsafeUrl,
      );
      expect(hits).toBe(0);
      const ok = await postJson(`http://localhost:${port}/hook`, { a: 1 }, { allowPrivate: true });
      expect(ok.status).toBe(200);
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });
});
