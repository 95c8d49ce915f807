import { IDEMPOTENCY_KEY_HEADER } from '@campaign-month/contracts';
import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { InvalidInput } from '../errors/domain-errors.js';
import type { IdempotentResult } from './idempotency.service.js';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key (visible ASCII, 1–200 characters), or null when none was sent. */
export const IdempotencyKey = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => {
  const raw = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[
    'idempotency-key'
  ];
  if (raw === undefined) return null;
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  if (!KEY.test(value)) {
    throw InvalidInput.field(
      IDEMPOTENCY_KEY_HEADER,
      `${IDEMPOTENCY_KEY_HEADER} must be 1 to 200 visible ASCII characters (a UUID is a good choice)`,
    );
  }
  return value;
});

/** OpenAPI: documents the optional header on a route that honours it. */
export const AcceptsIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Makes the request safe to retry for 24 hours: the same key with the same body answers the original response ' +
        '(header Idempotent-Replayed: true) without doing the work again; the same key with a different body answers 409. ' +
        'A retry that arrives while the first request is still running waits for it. 1–200 visible ASCII characters, e.g. a UUID.',
    }),
  );

/** Applies a result's status and the replay header to the response (controllers using @Res({ passthrough: true })). */
export function applyIdempotentResult<T>(res: FastifyReply, result: IdempotentResult<T>): T {
  res.status(result.status);
  if (result.replayed) res.header('Idempotent-Replayed', 'true');
  return result.body;
}
