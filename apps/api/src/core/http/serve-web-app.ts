import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { workspaceRoot } from '../database/paths.js';

/**
 * Serves the built web app at / with the SPA fallback. `npm start` builds it alongside the API, so the
 * directory may appear after start-up: it is looked for on each request until found.
 */
export function serveWebApp(app: NestExpressApplication, config: AppConfig, logger: Logger): void {
  const dir = config.webDir ?? join(workspaceRoot(), 'dist', 'apps', 'web');
  const index = join(dir, 'index.html');
  const statics = express.static(dir, { index: false, maxAge: '1h' });
  let built = existsSync(index);
  if (!built) logger.info({ dir }, 'web app not built yet: the API answers meanwhile');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/') || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    built ||= existsSync(index);
    if (!built) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('网页正在构建，请稍候刷新 (the web app is still being built)');
      return;
    }
    statics(req, res, () => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
}
