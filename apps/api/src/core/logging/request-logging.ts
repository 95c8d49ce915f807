import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { requestContext } from '../context/request-context.js';
import { type Next, type RawRequest, type RawResponse, requestPath } from '../http/raw-http.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Gives each request an id (the client's X-Request-Id when well-formed), opens its context, logs its end. */
export function requestLogging(logger: Logger) {
  return (req: RawRequest, res: RawResponse, next: Next) => {
    const header = req.headers['x-request-id'];
    const incoming = Array.isArray(header) ? header[0] : header;
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    requestContext.run({ requestId, ip: req.ip ?? null }, () => {
      // One line per request: when its answer is complete, or when its connection closes first (a client
      // that left, a download cut short by a shutdown), marked aborted.
      let logged = false;
      const log = (aborted: boolean) => {
        if (logged) return;
        logged = true;
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const level = res.statusCode >= 500 ? 'error' : aborted ? 'warn' : 'info';
        logger[level](
          {
            requestId,
            method: req.method,
            path: requestPath(req),
            status: res.statusCode,
            ms: Math.round(ms * 10) / 10,
            ...(aborted ? { aborted: true } : {}),
          },
          'request',
        );
      };
      res.on('finish', () => log(false));
      res.on('close', () => log(!res.writableFinished));
      next();
    });
  };
}
