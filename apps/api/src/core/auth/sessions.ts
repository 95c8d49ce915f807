import type { Prisma } from '../../generated/prisma/client.js';

/**
 * Signs a user out of every session at once: its refresh tokens are revoked and its session version is
 * raised, so access tokens issued before stop working at the next request too (the actor query compares
 * the token's `sv` claim). Run it in the transaction that makes the change (password, reset, deactivation).
 */
export async function signOutEverywhere(tx: Prisma.TransactionClient, tenantId: string, userId: string) {
  await tx.refreshToken.updateMany({ where: { tenantId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  const updated = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return updated.sessionVersion;
}
