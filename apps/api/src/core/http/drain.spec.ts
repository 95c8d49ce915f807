import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RequestsInFlight } from './drain.js';

describe('requests in flight (what a shutdown waits for)', () => {
  let server: Server;
  let requests: RequestsInFlight;
  let release: () => void;
  beforeEach(async () => {
    requests = new RequestsInFlight();
    const track = requests.middleware();
    server = createServer((req, res) =>
      track(req, res, () => {
        // A handler that answers only when the test lets it (as a handler waiting on the database would).
        if (req.url === '/slow') release = () => res.end('{"ok":true}');
        // A download that starts its answer and then keeps streaming.
        else {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write('first chunk\n');
        }
      }),
    ).listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const hangUp = async (path: string, when: 'sent' | 'first-byte') => {
    const req = request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path });
    req.on('error', () => {});
    req.end();
    if (when === 'first-byte') {
      const [res] = await once(req, 'response');
      await once(res, 'data');
    } else await new Promise((r) => setTimeout(r, 50));
    req.destroy();
    await new Promise((r) => setTimeout(r, 50));
  };

  it('a handler whose client hung up still counts until it answers, and settled() waits for it', async () => {
    await hangUp('/slow', 'sent');
    expect(requests.size).toBe(1);
    let settled = false;
    const waiting = requests.settled(5_000).then(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(settled).toBe(false);
    release();
    await waiting;
    expect(requests.size).toBe(0);
  });

  it('an aborted download stops counting when its connection closes', async () => {
    await hangUp('/download', 'first-byte');
    expect(requests.size).toBe(0);
  });

  it('settled() gives up after its grace', async () => {
    await hangUp('/slow', 'sent');
    const started = Date.now();
    await requests.settled(100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(requests.size).toBe(1);
    release();
  });
});
