import type { TFunction } from 'i18next';
import { matchApiMessage, translateApiMessage } from './api-messages.js';
// Every failure the API can give, as one error class the screens know how to show. The API's error
// shape is { statusCode, error, message, details? } with field-level details for 400s.
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds?: number;
  readonly body: unknown;

  constructor(init: {
    status: number;
    error?: string;
    message?: string;
    fieldErrors?: FieldError[];
    retryAfterSeconds?: number;
    body?: unknown;
  }) {
    super(init.message ?? init.error ?? `HTTP ${init.status}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.error = init.error ?? '';
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.body = init.body;
  }
}

/** The request never reached the API (offline, DNS, connection refused, aborted). */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('network');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

export function toApiError(status: number, body: unknown, headers?: Headers): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as {
    error?: unknown;
    message?: unknown;
    details?: unknown;
  };
  const fieldErrors = Array.isArray(b.details)
    ? b.details.filter((d): d is FieldError => typeof d?.field === 'string' && typeof d?.message === 'string')
    : [];
  const retry = headers?.get('Retry-After');
  return new ApiError({
    status,
    error: typeof b.error === 'string' ? b.error : undefined,
    message:
      typeof b.message === 'string' ? b.message : typeof body === 'string' && body ? body.slice(0, 300) : undefined,
    fieldErrors,
    retryAfterSeconds: retry && /^\d+$/.test(retry) ? Number(retry) : undefined,
    body,
  });
}

export function isNetworkError(err: unknown): boolean {
  return err instanceof NetworkError || (err instanceof TypeError && /fetch|network|load failed/i.test(err.message));
}

/** Errors worth retrying later: the network, a timeout, the server being down or busy. */
export function isTransient(err: unknown): boolean {
  if (isNetworkError(err)) return true;
  return err instanceof ApiError && (err.status >= 500 || err.status === 429 || err.status === 408);
}

/** 'members.0.name' or 'members[0].name' -> ['members', 0, 'name'] (an antd Form name path). */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

type Translate = TFunction;

/**
 * A field as the user names it: 'members.0.phone' → 联系电话, 'metrics.audience' → 受众人次; an unknown
 * field is named generically in Chinese (the raw path only in English).
 */
export function fieldLabel(field: string, t: Translate): string {
  const names = fieldPath(field).filter((p): p is string => typeof p === 'string');
  const last = names.at(-1) ?? field;
  if (names[0] === 'metrics' && names.length > 1) return t(`metric.${last}`, { defaultValue: t('fieldName.metrics') });
  const fallback = t('fieldName.other', { field });
  const byLast = t(`fieldName.${last}`, { defaultValue: fallback });
  // 'members.0.title' may be named apart from a plain 'title': fieldName.members_title.
  return names.length > 1 ? t(`fieldName.${names.join('_')}`, { defaultValue: byLast }) : byLast;
}

/** Translates the API's English field messages into the interface language where we know the pattern. */
export function translateFieldMessage(message: string, t: Translate): string {
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/may hold digits, spaces, \+ - \( \) only/i, () => t('fieldError.phone')],
    [/exactly one LEADER/i, () => t('fieldError.oneLeader')],
    [/must be a valid e-?mail/i, () => t('fieldError.email')],
    [/\ban internal (?:address|name)\b/i, () => t('fieldError.internalUrl')],
    [/on or before today|is after today/i, () => t('fieldError.future')],
    [/after the campaign's report deadline/i, () => t('fieldError.notAfter', { other: t('fieldName.reportDueOn') })],
    [/(should not be empty|must not be empty|is required|must be a string)/i, () => t('fieldError.required')],
    [
      /must be at least (\d+) characters|longer than or equal to (\d+) characters/i,
      (m) => t('fieldError.minLength', { n: m[1] ?? m[2] }),
    ],
    [
      /shorter than or equal to (\d+) characters|at most (\d+) characters/i,
      (m) => t('fieldError.maxLength', { n: m[1] ?? m[2] }),
    ],
    [/must be one of/i, () => t('fieldError.oneOf')],
    [
      /(?:on or after|not before) (?:the campaign's |its )?(\w+)/i,
      (m) => t('fieldError.notBefore', { other: t(`fieldName.${m[1]}`, { defaultValue: m[1] }) }),
    ],
    [
      /(?:on or before|not after) (?:the campaign's |its )?(\w+)/i,
      (m) => t('fieldError.notAfter', { other: t(`fieldName.${m[1]}`, { defaultValue: m[1] }) }),
    ],
    [/must not be less than (\d+)|must be (?:at least|>=) (\d+)/i, (m) => t('fieldError.min', { n: m[1] ?? m[2] })],
    [/must not be greater than ([\d.]+)|must be at most ([\d.]+)/i, (m) => t('fieldError.max', { n: m[1] ?? m[2] })],
    [/must not be negative/i, () => t('fieldError.negative')],
    [/must be a whole number/i, () => t('fieldError.wholeNumber')],
    [/at most two decimals/i, () => t('fieldError.decimals')],
    [/is not a metric of this campaign/i, () => t('fieldError.unknownMetric')],
    [/must be a valid ISO 8601 date|YYYY-MM-DD|must be a (?:calendar )?date/i, () => t('fieldError.date')],
    [/must be a UUID/i, () => t('fieldError.uuid')],
    [/must be (?:a number|an integer)/i, () => t('fieldError.number')],
    [/already (?:exists|in use|taken|registered)/i, () => t('fieldError.taken')],
  ];
  for (const [re, f] of rules) {
    const m = message.match(re);
    if (m) return f(m);
  }
  return matchApiMessage(message, t) ?? t('fieldError.other', { message });
}

/** The headline shown for an error: what happened, in the interface language. */
export function describeError(err: unknown, t: Translate): string {
  if (isNetworkError(err)) return t('error.network');
  if (!(err instanceof ApiError)) return t('error.unknown');
  switch (err.status) {
    case 400:
      return err.fieldErrors.length ? t('error.400fields') : t('error.400');
    case 401:
      return t('error.401');
    case 403:
      return t('error.403');
    case 404:
      return t('error.404');
    case 409:
      return t('error.409');
    case 413:
      return t('error.413');
    case 415:
      return t('error.415');
    case 422:
      return t('error.422');
    case 429:
      return err.retryAfterSeconds ? t('error.429wait', { seconds: err.retryAfterSeconds }) : t('error.429');
    default:
      return err.status >= 500 ? t('error.500') : t('error.unknown');
  }
}

/**
 * The API's message, when it adds something to the headline (shown smaller, under it), in the interface
 * language: known messages are translated; in Chinese an unknown English one is left out.
 */
export function errorDetail(err: unknown, t: Translate): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  if (err.status >= 500 || !err.message || err.message.startsWith('HTTP ')) return undefined;
  if (err.fieldErrors.length && /^Invalid input/.test(err.message)) return undefined;
  const detail = translateApiMessage(err.message, t);
  return detail === describeError(err, t) ? undefined : detail;
}
