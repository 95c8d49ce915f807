/** Prisma's unique-constraint violation (P2002), also when raised through the pg driver adapter. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as {
    code?: string;
    cause?: { code?: string };
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
  };
  return (
    e?.code === 'P2002' ||
    e?.code === '23505' ||
    e?.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation'
  );
}

/** A foreign key violation (P2003 / 23503). */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === 'P2003' || e?.code === '23503';
}

/**
 * The database could not take the work now, through no fault of the request: no connection or transaction
 * slot within the wait (P2028, the pool's timeout), or PostgreSQL chose this transaction to give way
 * (serialization failure, deadlock, lock not available). Answered 503 with Retry-After.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  return (
    code === 'P2028' ||
    code === 'P2034' ||
    code === '40001' ||
    code === '40P01' ||
    code === '55P03' ||
    (typeof e?.message === 'string' && e.message.startsWith('timeout exceeded when trying to connect'))
  );
}
