import type { Server } from 'node:http';
import type { Next, RawRequest, RawResponse } from './raw-http.js';

/**
 * Counts the requests whose handlers may still be running. A request counts from its arrival until its
 * answer is ended, or until its connection closes after the answer began (an aborted download: its
 * handler has returned and its stream is torn down). A client that leaves before any answer does not end
 * its request: the handler goes on (and may still be querying the database) until it answers into the void.
 */
export class RequestsInFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  middleware() {
    return (_req: RawRequest, res: RawResponse, next: Next) => {
      this.count += 1;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.count -= 1;
        if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
      };
      const end = res.end;
      res.end = function (this: RawResponse, ...args: unknown[]) {
        finish();
        return (end as (...a: unknown[]) => RawResponse).apply(this, args);
      } as RawResponse['end'];
      res.on('close', () => {
        if (res.headersSent) finish();
      });
      next();
    };
  }

  get size(): number {
    return this.count;
  }

  /** Resolves when no request is in flight, or after `ms` at the latest. */
  settled(ms: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

const tracked = new WeakMap<object, RequestsInFlight>();

/** The tracker configureApp installs on an application's HTTP server (one per server). */
export function requestsInFlight(server: object): RequestsInFlight {
  let requests = tracked.get(server);
  if (!requests) {
    requests = new RequestsInFlight();
    tracked.set(server, requests);
  }
  return requests;
}

/**
 * Stops taking connections and waits for the requests in flight to be answered before the database pool
 * closes behind them (closing the Nest application first would end the pool under those requests and
 * answer them 500). Idle keep-alive connections are closed as they become idle; after `graceMs` the
 * remaining ones are cut. Then it waits, within the same grace, for the handlers of requests whose
 * clients left without an answer: they would otherwise fail against a closed pool.
 */
export async function drainHttpServer(server: Server, graceMs: number): Promise<void> {
  const deadline = Date.now() + graceMs;
  await new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    const idle = setInterval(() => server.closeIdleConnections(), 25);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
  await requestsInFlight(server).settled(Math.max(0, deadline - Date.now()));
}
