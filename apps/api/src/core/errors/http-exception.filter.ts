import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseBusy } from '../database/prisma-errors.js';
import { requestPath } from '../http/raw-http.js';
import { DomainError, TooManyRequests } from './domain-errors.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Maps every error to { statusCode, error, message, details? }; unknown errors are logged and become 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const req = ctx.getRequest<FastifyRequest>();
    const body = this.toBody(exception, req);
    if (body.statusCode >= 500) {
      this.logger.error({ err: redact(exception), path: requestPath(req) }, 'unhandled error');
    }
    // a download that failed after its first bytes: the connection is all there is left to end
    if (reply.sent || reply.raw.headersSent) {
      if (!reply.raw.writableEnded) reply.raw.end();
      return;
    }
    if (exception instanceof TooManyRequests) reply.header('Retry-After', String(exception.retryAfterSeconds));
    if (body.statusCode === 503) reply.header('Retry-After', '1');
    reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, req: FastifyRequest): ErrorBody {
    if (exception instanceof DomainError) {
      return compact({
        statusCode: exception.statusCode,
        error: exception.error,
        message: exception.message,
        details: exception.details,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      let details: unknown;
      if (typeof response === 'object' && response !== null) {
        const r = response as { message?: unknown; details?: unknown };
        if (typeof r.message === 'string') message = r.message;
        else if (Array.isArray(r.message)) message = r.message.join('; ');
        details = r.details;
      }
      if (status === 404 && message.startsWith('Cannot ')) message = `No route for ${req.method} ${requestPath(req)}`;
      // Fastify's own refusals of a body (uploads answer their own 413 and 415)
      if (status === 413) message = 'Request body is larger than 1 MB';
      if (status === 415) message = 'Send the request body as JSON (Content-Type: application/json)';
      return compact({ statusCode: status, error: STATUS_NAMES[status] ?? 'Error', message, details });
    }
    if (isDatabaseBusy(exception))
      return { statusCode: 503, error: 'Service Unavailable', message: 'The database is busy; retry in a moment' };
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side' };
  }
}

function compact(body: ErrorBody): ErrorBody {
  if (body.details === undefined) delete body.details;
  return body;
}

/** Error messages (Prisma's especially) may quote the data written: keep secrets out of the log. */
function redact(exception: unknown): unknown {
  if (!(exception instanceof Error)) return exception;
  const clean = (text: string | undefined) =>
    (text ?? '')
      .replace(/\$argon2[^"'\s]*/g, '[redacted]')
      .replace(/("?(password|passwordHash|tokenHash|refreshToken)"?\s*[:=]\s*)"[^"]*"/gi, '$1"[redacted]"');
  return {
    type: exception.name,
    message: clean(exception.message).slice(0, 2000),
    stack: clean(exception.stack).slice(0, 4000),
  };
}
