// Idempotency-Key support for POST routes (docs/decisions/020-idempotency-keys.md).
//
// The key is claimed by the very statement that does the work (a data-modifying CTE), so the work and the
// record of its answer commit together or not at all:
//   1. replay():   a committed record for the key? same request → its stored answer; another request → 409.
//      (A hot route may instead look up the key only when its checks refuse or its claim finds the key taken:
//      events.create does, saving the look-up on every first attempt.)
//   2. the route runs its checks (a refused request claims nothing: a corrected retry may reuse the key);
//   3. claimSql(): the route's writing statement starts with
//        WITH claim AS (INSERT INTO idempotency_record … ON CONFLICT … DO UPDATE … WHERE expired RETURNING id)
//      and writes only FROM claim. A concurrent request with the same key blocks on the unique index until
//      the first statement commits, then claims nothing and writes nothing; it replays the stored answer.
// No IN_PROGRESS row is ever visible, a crash cannot strand a key, and there is no explicit transaction.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../database/prisma.service.js';
import { Conflict } from '../errors/domain-errors.js';

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
   * The stored answer of an earlier request with this key (unexpired), or null when the key is free.
   * 409 when the key was used for a different request.
   */
  async replay<T>(request: IdempotencyRequest): Promise<IdempotentResult<T> | null> {
    const [stored] = await this.prisma.direct.$queryRaw<StoredRecord[]>`
      SELECT request_hash, state::text AS state, response_status, response_body
        FROM idempotency_record
       WHERE tenant_id = ${request.tenantId}::uuid AND scope = ${request.scope} AND key = ${request.key}
         AND expires_at >= now()`;
    if (!stored) {
      this.sometimesPurgeExpired();
      return null;
    }
    if (stored.request_hash !== request.requestHash) {
      throw new Conflict(
        'This Idempotency-Key was already used with a different request; use a new key for a new request',
        { header: 'Idempotency-Key' },
      );
    }
    if (stored.state !== 'COMPLETED' || stored.response_status === null) {
      // Not reachable with claims made by claimSql() (they commit COMPLETED or not at all); kept for other writers.
      throw new Conflict('A request with this Idempotency-Key is still in progress; retry shortly', {
        header: 'Idempotency-Key',
      });
    }
    return { status: stored.response_status, body: stored.response_body as T, replayed: true };
  }

  /**
   * The claim, as the first CTE of the statement that does the work: `WITH claim AS (${claimSql(…)}) …`, whose
   * writes must all read FROM claim. It stores the answer (`status`, `body`) with the key when `condition`
   * holds and the key is free (or expired); otherwise it returns no row and the statement writes nothing.
   * `body` is the answer, or an SQL expression of type jsonb that the statement computes it with.
   */
  claimSql(request: IdempotencyRequest, status: number, body: unknown, condition: Prisma.Sql): Prisma.Sql {
    const answer = body instanceof Prisma.Sql ? body : Prisma.sql`${JSON.stringify(body)}::jsonb`;
    return Prisma.sql`
      INSERT INTO idempotency_record (tenant_id, scope, key, request_hash, state, response_status, response_body, expires_at)
      SELECT ${request.tenantId}::uuid, ${request.scope}, ${request.key}, ${request.requestHash}, 'COMPLETED',
             ${status}::int, ${answer}, now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}::int)
       WHERE ${condition}
      ON CONFLICT (tenant_id, scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'COMPLETED', response_status = EXCLUDED.response_status,
             response_body = EXCLUDED.response_body, created_at = now(), expires_at = EXCLUDED.expires_at
       WHERE idempotency_record.expires_at < now()
      RETURNING id`;
  }

  /** A new key is about to be claimed: now and then (1 in 100), clear out expired ones in the background. */
  sometimesPurgeExpired(): void {
    if (Math.random() < 0.01) void this.purgeExpired();
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
