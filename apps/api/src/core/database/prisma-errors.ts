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
