// 手机号 or e-mail, as the log-in field and the sign-up form take them (the API normalises the same way:
// a 手机号 may be typed with spaces, dashes or +86).
const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeMobile(value: string): string {
  const compact = value.trim().replace(/[\s\-()（）]/g, '');
  const digits = compact.replace(/^(\+86|0086)/, '');
  return /^86\d{11}$/.test(digits) ? digits.slice(2) : digits;
}

export function isMobile(value: string): boolean {
  return MOBILE.test(normalizeMobile(value));
}

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** What a single "手机号或邮箱" field holds: { email } with an @, { phone } for a mobile number, else null. */
export function parseContact(value: string): { email: string } | { phone: string } | null {
  const v = value.trim();
  if (v.includes('@')) return isEmail(v) ? { email: v.toLowerCase() } : null;
  return isMobile(v) ? { phone: normalizeMobile(v) } : null;
}
