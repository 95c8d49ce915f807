// Everything the HTTP layer needs, in one place, used by main.ts and by the e2e tests alike.
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import cors, { type CorsOptions } from 'cors';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { AllExceptionsFilter } from '../errors/http-exception.filter.js';
import { createValidationPipe } from '../errors/validation.js';
import { requestLogging } from '../logging/request-logging.js';
import { requestsInFlight } from './drain.js';

export const API_PREFIX = 'api/v1';

/** JSON bodies up to 1 MB; a malformed or oversized body gets the API's error shape, not Express's page. */
function jsonBody() {
  const parse = express.json({ limit: '1mb' });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { status?: number; type?: string };
      const status = e.status === 413 ? 413 : 400;
      res.status(status).json({
        statusCode: status,
        error: status === 413 ? 'Payload Too Large' : 'Bad Request',
        message: status === 413 ? 'Request body is larger than 1 MB' : 'Malformed JSON in request body',
      });
    });
}

/**
 * CORS (the cors package) for browser requests from another origin; a request without an Origin header
 * (same-origin navigation, phones' API clients, servers) only gets `Vary: Origin` and skips the rest.
 */
function crossOrigin(options: CorsOptions) {
  const handle = cors(options);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.origin === undefined) {
      res.vary('Origin');
      return next();
    }
    handle(req, res, next);
  };
}

export function configureApp(app: INestApplication, config: AppConfig, logger: Logger): void {
  const expressApp = app as NestExpressApplication;
  if (config.trustProxy) expressApp.set('trust proxy', true);
  expressApp.disable('x-powered-by');
  // API answers are no-store and versioned resources set their own ETag: no hashing of every body.
  expressApp.set('etag', false);
  // First: shutdown waits for every handler, including those whose clients have gone (drain.ts).
  app.use(requestsInFlight(app.getHttpServer()).middleware());
  app.use(requestLogging(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          workerSrc: ["'self'", 'blob:'],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(jsonBody());
  // API answers are per user and change with every write: no browser or proxy may reuse them.
  app.use('/api/', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(
    crossOrigin({
      origin: config.corsOrigins,
      credentials: false,
      exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After', 'Content-Disposition', 'Idempotent-Replayed'],
    }),
  );
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());

  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}

/** The OpenAPI document of every route (also written to a file by `npm run openapi` for the web client). */
export function createOpenApiDocument(app: INestApplication) {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Campaign Month API')
      .setDescription(
        '集中宣传月 campaign months: organizations, campaigns, leading groups, tasks, publicity events and generated summaries. ' +
          'Errors: { statusCode, error, message, details? }. Lists: { items, total, page, pageSize }.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
