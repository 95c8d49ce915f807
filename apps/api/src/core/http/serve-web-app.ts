import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import send from 'send';
import expressStaticGzip from 'express-static-gzip';
import type { AppConfig } from '../config/config.js';
import { workspaceRoot } from '../database/paths.js';
import { type Next, type RawRequest, type RawResponse, requestPath } from './raw-http.js';

/**
 * Serves the built web app at / with the SPA fallback. `npm start` builds it alongside the API, so the
 * directory may appear after start-up: it is looked for on each request until found. The build writes
 * each script and style sheet also brotli- and gzip-compressed (vite-plugin-compression2): a browser that
 * accepts them gets the compressed file (a phone on a weak network downloads a fifth of the bytes).
 */
export function serveWebApp(app: NestFastifyApplication, config: AppConfig, logger: Logger): void {
  const dir = config.webDir ?? join(workspaceRoot(), 'dist', 'apps', 'web');
  const index = join(dir, 'index.html');
  // made once the build is there: the middleware lists the compressed files when it is created
  let statics: ReturnType<typeof expressStaticGzip> | null = null;
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
    statics ??= expressStaticGzip(dir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { index: false, maxAge: '1h' },
    });
    // a file of the build, or else the app's page (its router shows the route); a missing build file is a
    // 404 (a page cached before a redeploy asking for an old script must not get HTML instead)
    // the middleware reads Express's req.path (the URL's path, undecoded)
    Object.defineProperty(req, 'path', { value: path, configurable: true });
    statics(req as never, res as never, () => {
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
