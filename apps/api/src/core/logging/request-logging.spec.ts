import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { requestLogging } from './request-logging.js';

describe('one log line per request', () => {
  let server: Server;
  let lines: Record<string, unknown>[];
  beforeEach(async () => {
    lines = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const log = requestLogging(pino({ level: 'info' }, sink));
    server = createServer((req, res) =>
      log(req, res, () => {
        if (req.url === '/whole') return res.end('ok');
        // a download that starts and never ends (as one cut short by a shutdown)
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write(Buffer.alloc(1024));
      }),
    ).listen(0, '127.0.0.1');
    await once(server, 'listening');
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const get = async (path: string, hangUpAfterFirstByte: boolean) => {
    const req = request({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path });
    req.on('error', () => {});
    req.end();
    const [res] = await once(req, 'response');
    if (hangUpAfterFirstByte) {
      await once(res, 'data');
      req.destroy();
    } else res.resume();
    await new Promise((r) => setTimeout(r, 50));
  };

  it('logs an answered request once, with its status and path', async () => {
    await get('/whole', false);
    expect(lines.map((l) => [l.msg, l.status, l.path, l.aborted])).toEqual([['request', 200, '/whole', undefined]]);
  });

  it('logs a request whose client left before the answer ended, marked aborted', async () => {
    await get('/download', true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request', path: '/download', status: 200, aborted: true, level: 40 });
  });
});
