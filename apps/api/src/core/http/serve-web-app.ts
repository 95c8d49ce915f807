import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import send from 'send';
import serveStatic from 'serve-static';
import type { AppConfig } from '../config/config.js';
import { workspaceRoot } from '../database/paths.js';
import { type Next, type RawRequest, type RawResponse, requestPath } from './raw-http.js';

/**
 * Serves the built web app at / with the SPA fallback. `npm start` builds it alongside the API, so the
 * directory may appear after start-up: it is looked for on each request until found.
 */
export function serveWebApp(app: NestFastifyApplication, config: AppConfig, logger: Logger): void {
  const dir = config.webDir ?? join(workspaceRoot(), 'dist', 'apps', 'web');
  const index = join(dir, 'index.html');
  const statics = serveStatic(dir, { index: false, maxAge: '1h' });
  let built = existsSync(index);
  if (!built) logger.info({ dir }, 'web app not built yet: the API answers meanwhile');
  app.use((req: RawRequest, res: RawResponse, next: Next) => {
    const path = requestPath(req);
    if (!isWebAppPath(path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    built ||= existsSync(index);
    if (!built) {
      res.statusCode = 503;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('网页正在构建，请稍候刷新 (the web app is still being built)');
      return;
    }
    // a file of the build, or else the app's page (its router shows the route); a missing build file is a
    // 404 (a page cached before a redeploy asking for an old script must not get HTML instead)
    statics(req, res, () => {
      if (path.startsWith('/assets/')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      send(req, index)
        .on('error', (err: Error) => next(err))
        .pipe(res);
    });
  });
}

/** Paths the web app answers: everything but the API (/api, /api/…, in any case). */
export function isWebAppPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower !== '/api' && !lower.startsWith('/api/');
}
