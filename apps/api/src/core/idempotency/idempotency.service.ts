// Idempotency-Key support for POST routes (docs/decisions/020-idempotency-keys.md).
//
// The key is claimed inside the same database transaction as the work it guards:
//   INSERT … ON CONFLICT (tenant_id, scope, key) … RETURNING id   → claimed: do the work, store the answer, commit
//                                                                  → not claimed: replay the stored answer (or 409)
// A concurrent request with the same key (in this process or another one) blocks on the unique index until
// the first transaction ends: after a commit it finds the stored answer, after a rollback (the work failed)
// it claims the key and does the work itself. So no IN_PROGRESS row is ever visible to another transaction,
// a crash cannot strand a key, and the work and its record commit or vanish together.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { type DirectDb, PrismaService } from '../database/prisma.service.js';
import { Conflict, DomainError } from '../errors/domain-errors.js';

export interface IdempotencyRequest {
  tenantId: string;
  /** What one key is unique within: the operation and the caller, e.g. 'events.create user:<uuid>' (≤ 300 chars). */
  scope: string;
  key: string;
  /** requestHash() of everything that makes two requests the same (path ids and the validated body). */
  requestHash: string;
}

export interface IdempotentResult<T> {
  status: number;
  body: T;
  /** True when the body is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

/** A client that can run raw SQL: the PrismaService itself, or the transaction the key was claimed in. */
export type Db = Pick<PrismaService, '$queryRaw' | '$executeRaw'> | Prisma.TransactionClient | DirectDb;

/** Keys are remembered this long; after that the same key starts a new request. */
export const IDEMPOTENCY_TTL_HOURS = 24;

interface StoredRecord {
  request_hash: string;
  state: string;
  response_status: number | null;
  response_body: unknown;
}

@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger('Idempotency');

  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /**
   * Runs `work` once per key. Without a request (no header sent) the work runs as is, outside any
   * transaction this service opens. Only successful answers are stored: when the work throws, its
   * transaction rolls back with the claim, so a corrected retry with the same key is a new attempt.
   */
  async run<T>(
    request: IdempotencyRequest | null,
    status: number,
    work: (db: Db) => Promise<T>,
  ): Promise<IdempotentResult<T>> {
    // Without a key the work runs straight on the pool (plain SQL, no transaction needed).
    if (!request) return { status, body: await work(this.prisma.direct), replayed: false };
    let outcome: { stored: StoredRecord } | { body: T };
    try {
      outcome = await this.prisma.directTransaction(async (tx) => {
        const claimed = await tx.$queryRaw<{ id: string }[]>`
            INSERT INTO idempotency_record (tenant_id, scope, key, request_hash, state, expires_at)
            VALUES (${request.tenantId}::uuid, ${request.scope}, ${request.key}, ${request.requestHash}, 'IN_PROGRESS',
                    now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}::int))
            ON CONFLICT (tenant_id, scope, key) DO UPDATE
               SET request_hash = EXCLUDED.request_hash, state = 'IN_PROGRESS', response_status = NULL,
                   response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
             WHERE idempotency_record.expires_at < now()
            RETURNING id`;
        if (claimed.length === 0) {
          const [stored] = await tx.$queryRaw<StoredRecord[]>`
              SELECT request_hash, state::text AS state, response_status, response_body
                FROM idempotency_record
               WHERE tenant_id = ${request.tenantId}::uuid AND scope = ${request.scope} AND key = ${request.key}`;
          return { stored: stored! };
        }
        const body = await work(tx);
        await tx.$executeRaw`
            UPDATE idempotency_record
               SET state = 'COMPLETED', response_status = ${status}::int, response_body = ${JSON.stringify(body)}::jsonb
             WHERE id = ${claimed[0]!.id}::uuid`;
        return { body };
      });
    } catch (error) {
      // 55P03: waited too long for the row lock of a concurrent request with the same key
      if ((error as { code?: string })?.code === '55P03') {
        throw new DomainError(
          503,
          'Service Unavailable',
          'The request could not be completed in time; retry it with the same Idempotency-Key',
        );
      }
      throw error;
    }
    if ('body' in outcome) {
      if (Math.random() < 0.01) void this.purgeExpired();
      return { status, body: outcome.body, replayed: false };
    }
    const { stored } = outcome;
    if (stored.request_hash !== request.requestHash) {
      throw new Conflict(
        'This Idempotency-Key was already used with a different request; use a new key for a new request',
        {
          header: 'Idempotency-Key',
        },
      );
    }
    if (stored.state !== 'COMPLETED' || stored.response_status === null) {
      // Not reachable with claims made by run() (they commit COMPLETED or not at all); kept for other writers.
      throw new Conflict('A request with this Idempotency-Key is still in progress; retry shortly', {
        header: 'Idempotency-Key',
      });
    }
    return { status: stored.response_status, body: stored.response_body as T, replayed: true };
  }

  /** Expired keys are deleted now and then, a bounded batch at a time (maintenance across tenants). */
  async purgeExpired(): Promise<number> {
    try {
      return await this.prisma.$executeRaw`
        DELETE FROM idempotency_record
         WHERE id IN (SELECT id FROM idempotency_record WHERE expires_at < now() LIMIT 1000)`;
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'purging expired idempotency keys failed');
      return 0;
    }
  }
}
