import type { Server } from 'node:http';

/**
 * Stops taking connections and waits for the requests in flight to be answered before the database pool
 * closes behind them (closing the Nest application first would end the pool under those requests and
 * answer them 500). Idle keep-alive connections are closed as they become idle; after `graceMs` the
 * remaining ones are cut.
 */
export function drainHttpServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
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
}
