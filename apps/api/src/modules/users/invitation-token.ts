// Invitation tokens (decision 035): 32 random bytes as base64url (43 characters) in the link, and only
// their SHA-256 in the database, so a copy of the database holds no usable link.
import { createHash, randomBytes } from 'node:crypto';

export const INVITATION_TTL_DAYS = 7;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Anything else cannot be a token we issued: answered as an unknown link without a database read. */
export function isInvitationTokenShape(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
