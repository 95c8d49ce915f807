import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import zh from '../i18n/zh-CN.json';
import {
  ApiError,
  describeError,
  errorDetail,
  fieldPath,
  isTransient,
  NetworkError,
  toApiError,
  translateFieldMessage,
} from './errors.js';

function translator(dict: Record<string, unknown>): TFunction {
  const lookup = (path: string[]) =>
    path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], dict);
  const t = (key: string, opts: Record<string, unknown> = {}) => {
    const parts = key.split('.');
    const v = lookup(parts) ?? lookup([...parts.slice(0, -1), `${parts.at(-1)}_other`]);
    return (typeof v === 'string' ? v : key).replace(/\{\{(\w+)\}\}/g, (_, n) => String(opts[n] ?? ''));
  };
  return t as unknown as TFunction;
}
const tz = translator(zh);
const te = translator(en);

describe('API errors', () => {
  it('reads the error shape with field details and Retry-After', () => {
    const err = toApiError(
      400,
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input: admin.email',
        details: [{ field: 'admin.email', message: 'email must be a valid e-mail address' }],
      },
      new Headers(),
    );
    expect(err.status).toBe(400);
    expect(err.fieldErrors).toEqual([{ field: 'admin.email', message: 'email must be a valid e-mail address' }]);
    const limited = toApiError(
      429,
      { statusCode: 429, error: 'Too Many Requests', message: 'Too many log-in attempts' },
      new Headers({ 'Retry-After': '30' }),
    );
    expect(limited.retryAfterSeconds).toBe(30);
    expect(describeError(limited, tz)).toBe('操作太频繁，请 30 秒后再试');
  });

  it('ignores details that are not field errors', () => {
    expect(toApiError(422, { message: 'x', details: { from: 'DRAFT' } }).fieldErrors).toEqual([]);
  });

  it('gives every status a clear headline in both languages', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503]) {
      const err = new ApiError({ status, message: 'm' });
      expect(describeError(err, tz)).not.toMatch(/^error\./);
      expect(describeError(err, te)).not.toMatch(/^error\./);
    }
    expect(describeError(new NetworkError(), tz)).toBe(zh.error.network);
    expect(describeError(new TypeError('Failed to fetch'), te)).toBe(en.error.network);
    expect(describeError(new ApiError({ status: 404 }), tz)).toContain('管辖范围');
  });

  it('shows the API message as detail, but not for server errors or bare validation summaries', () => {
    expect(errorDetail(new ApiError({ status: 422, message: 'Campaign is CLOSED' }))).toBe('Campaign is CLOSED');
    expect(errorDetail(new ApiError({ status: 500, message: 'boom' }))).toBeUndefined();
    expect(
      errorDetail(
        new ApiError({ status: 400, message: 'Invalid input: title', fieldErrors: [{ field: 'title', message: 'x' }] }),
      ),
    ).toBeUndefined();
  });

  it('turns field names into form paths', () => {
    expect(fieldPath('organization.kind')).toEqual(['organization', 'kind']);
    expect(fieldPath('members.0.name')).toEqual(['members', 0, 'name']);
    expect(fieldPath('members[2].role')).toEqual(['members', 2, 'role']);
  });

  it('translates common validation messages and keeps unknown ones', () => {
    expect(translateFieldMessage('email must be a valid e-mail address', tz)).toBe('请输入有效的邮箱地址');
    expect(translateFieldMessage('password must be at least 10 characters', tz)).toBe('至少 10 个字符');
    expect(translateFieldMessage('title should not be empty', te)).toBe('Required');
    expect(translateFieldMessage('a roster needs exactly one LEADER', tz)).toBe('a roster needs exactly one LEADER');
    expect(translateFieldMessage('reportDueOn must be on or after endsOn', tz)).toBe('不能早于活动结束日');
    expect(translateFieldMessage("dueOn must be on or before the campaign's reportDueOn", te)).toBe(
      'Must not be after the day summaries are due',
    );
  });

  it('retries only what may succeed later', () => {
    expect(isTransient(new NetworkError())).toBe(true);
    expect(isTransient(new ApiError({ status: 503 }))).toBe(true);
    expect(isTransient(new ApiError({ status: 429 }))).toBe(true);
    expect(isTransient(new ApiError({ status: 400 }))).toBe(false);
    expect(isTransient(new ApiError({ status: 409 }))).toBe(false);
  });
});
