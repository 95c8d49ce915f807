// A user logs in with a 手机号 or an e-mail (DESIGN.md "Onboarding"). Both are stored normalised — e-mails
// lower-case, 手机号 as the 11 digits — so "+86 138-0013-8000" and "13800138000" are the same log-in.

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** The 11 digits of a 手机号 typed with spaces, dashes or a +86 / 0086 prefix; other input is returned trimmed. */
export function normalizePhone(value: string): string {
  const compact = value.trim().replace(/[\s\-()（）]/g, '');
  const digits = compact.replace(/^(\+86|0086)/, '');
  return /^86\d{11}$/.test(digits) ? digits.slice(2) : digits;
}

export type LoginId = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

/** What the person typed in the log-in field: an e-mail when it has an @, else a 手机号. */
export function parseLogin(value: string): LoginId {
  return value.includes('@')
    ? { kind: 'email', value: value.trim().toLowerCase() }
    : { kind: 'phone', value: normalizePhone(value) };
}

/** The log-in shown to someone who only holds a link: 138****8000, z***@school.example. */
export function maskLogin(user: { email: string | null; phone: string | null }): string {
  if (user.phone) return `${user.phone.slice(0, 3)}****${user.phone.slice(7)}`;
  const [local = '', domain = ''] = (user.email ?? '').split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** class-transformer helper for DTO fields holding a 手机号. */
export const phoneTransform = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizePhone(value) : value;
