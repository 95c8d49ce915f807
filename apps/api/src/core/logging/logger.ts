// Structured JSON logs (pino). Every line written inside a request carries its request id.
import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { requestContext } from '../context/request-context.js';

export function createRootLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'campaign-month-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const ctx = requestContext.get();
      if (!ctx) return {};
      return ctx.actor
        ? { requestId: ctx.requestId, userId: ctx.actor.userId, tenantId: ctx.actor.tenantId }
        : { requestId: ctx.requestId };
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken'],
      remove: true,
    },
  });
}

/** Nest's logger interface on top of pino, so framework messages are JSON lines too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace',
    message: unknown,
    context?: string,
    extra?: unknown,
  ) {
    if (message && typeof message === 'object') {
      const { msg, ...rest } = message as { msg?: string };
      this.logger[level](
        { context, ...rest, ...(extra ? { extra } : {}) },
        msg ?? (typeof extra === 'string' ? extra : ''),
      );
    } else {
      this.logger[level]({ context, ...(extra ? { stack: extra } : {}) }, String(message));
    }
  }

  log(message: unknown, ...optional: unknown[]) {
    this.write('info', message, last(optional));
  }
  error(message: unknown, ...optional: unknown[]) {
    const context = last(optional);
    const stack = optional.length > 1 ? optional[0] : undefined;
    this.write('error', message, context, stack);
  }
  warn(message: unknown, ...optional: unknown[]) {
    this.write('warn', message, last(optional));
  }
  debug(message: unknown, ...optional: unknown[]) {
    this.write('debug', message, last(optional));
  }
  verbose(message: unknown, ...optional: unknown[]) {
    this.write('trace', message, last(optional));
  }
}

function last(values: unknown[]): string | undefined {
  const v = values[values.length - 1];
  return typeof v === 'string' ? v : undefined;
}
