import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { workspaceRoot } from '../database/paths.js';

/** Serves the built web app at / (with the SPA fallback) when it has been built. */
export function serveWebApp(app: NestExpressApplication, config: AppConfig, logger: Logger): void {
  const dir = config.webDir ?? join(workspaceRoot(), 'dist', 'apps', 'web');
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ dir }, 'web app not built: only the API is served (npm run build:web)');
    return;
  }
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
