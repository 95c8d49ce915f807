// Everything the HTTP layer needs, in one place, used by main.ts, the OpenAPI writer and the e2e tests
// alike. The HTTP adapter is Fastify (docs/decisions/029-fastify-http-adapter.md).
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cors, { type CorsOptions } from 'cors';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import { InvalidInput } from '../errors/domain-errors.js';
import { AllExceptionsFilter } from '../errors/http-exception.filter.js';
import { createValidationPipe } from '../errors/validation.js';
import { PinoNestLogger } from '../logging/logger.js';
import { requestLogging } from '../logging/request-logging.js';
import { requestsInFlight } from './drain.js';
import type { Next, RawRequest, RawResponse } from './raw-http.js';

export const API_PREFIX = 'api/v1';
/** JSON bodies up to 1 MB (uploads have their own limits: config.uploads). */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** The Nest application on Fastify, configured as every process serves it. */
export async function createHttpApp(
  module: DynamicModule,
  config: AppConfig,
  logger: Logger,
  options: { nestLogs?: boolean } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT,
    // /api/v1/campaigns/ is /api/v1/campaigns, as Express routed it
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: options.nestLogs === false ? false : new PinoNestLogger(logger),
    bodyParser: false,
  });
  jsonBody(app.getHttpAdapter().getInstance());
  configureApp(app, config, logger);
  return app;
}

/**
 * JSON bodies: Fastify's parser (it refuses __proto__ keys), except that an empty body is no body (as
 * clients send with a bodiless POST) and a malformed one gets the API's message. Over the limit: 413.
 * Bodies of other types are refused with 415 (Fastify's text/plain parser goes too), uploads aside.
 */
function jsonBody(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '') return done(null, undefined);
    parse(req, body as string, (err, value) => {
      if (err) {
        // the parser refuses __proto__ and constructor.prototype keys (prototype pollution) as it refuses bad JSON
        const forbidden = /"(__proto__|prototype)"\s*:/.test(body as string);
        return done(
          new InvalidInput(
            forbidden
              ? 'The request body may not use __proto__ or constructor.prototype as keys'
              : 'Malformed JSON in request body',
          ),
          undefined,
        );
      }
      done(null, value);
    });
  });
}

/**
 * CORS (the cors package) for browser requests from another origin; a request without an Origin header
 * (same-origin navigation, phones' API clients, servers) only gets `Vary: Origin` and skips the rest.
 */
function crossOrigin(options: CorsOptions) {
  const handle = cors(options);
  return (req: RawRequest, res: RawResponse, next: Next) => {
    if (req.headers.origin === undefined) {
      res.setHeader('Vary', 'Origin');
      return next();
    }
    handle(req, res, next);
  };
}

function configureApp(app: NestFastifyApplication, config: AppConfig, logger: Logger): void {
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
  // API answers are per user and change with every write: no browser or proxy may reuse them.
  app.use('/api/', (_req: RawRequest, res: RawResponse, next: Next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(
    crossOrigin({
      origin: config.corsOrigins,
      credentials: false,
      exposedHeaders: [
        'ETag',
        'X-Request-Id',
        'Retry-After',
        'Content-Disposition',
        'Idempotent-Replayed',
        'X-Summary-Needs-Input',
      ],
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
          'Errors: { statusCode, error, message, details? } — 400 with field-level details, 401, 403 (the role ' +
          'holds the permission nowhere), 404 (also outside your scope), 409, 413/415 (uploads), 422 (a state ' +
          'change not allowed), 429 and 503 (the database is busy) with Retry-After. ' +
          'Lists: { items, total, page, pageSize }.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
