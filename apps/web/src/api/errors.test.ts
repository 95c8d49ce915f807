import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import { te, tz } from '../i18n/testing.js';
import zh from '../i18n/zh-CN.json';
import {
  ApiError,
  describeError,
  errorDetail,
  fieldLabel,
  fieldPath,
  isTransient,
  NetworkError,
  toApiError,
  translateFieldMessage,
} from './errors.js';

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
    expect(errorDetail(new ApiError({ status: 422, message: 'Campaign is CLOSED' }), te)).toBe('Campaign is CLOSED');
    expect(errorDetail(new ApiError({ status: 500, message: 'boom' }), te)).toBeUndefined();
    expect(
      errorDetail(
        new ApiError({ status: 400, message: 'Invalid input: title', fieldErrors: [{ field: 'title', message: 'x' }] }),
        te,
      ),
    ).toBeUndefined();
  });

  it('translates the API messages users meet, and shows no English detail in Chinese', () => {
    const detail = (status: number, message: string) => errorDetail(new ApiError({ status, message }), tz);
    expect(detail(403, 'Your role does not allow campaign:write')).toBe(zh.apiMessage.roleNotAllowed);
    expect(
      detail(
        422,
        "The unit's summary for this campaign is approved: its events are read-only until the summary is returned",
      ),
    ).toContain('总结已审核通过，本活动台账已锁定');
    expect(detail(429, 'Too many log-in attempts; try again later')).toBe('登录尝试次数过多，请稍后再试');
    expect(detail(409, 'The summary has changed (version 4); reload it and edit again')).toBe(
      zh.apiMessage.staleVersion,
    );
    expect(detail(400, 'The If-Match header must carry the version you edited')).toBe(zh.apiMessage.ifMatch);
    expect(
      detail(409, 'This Idempotency-Key was already used with a different request; use a new key for a new request'),
    ).toBe(zh.apiMessage.idempotencyReused);
    expect(detail(404, 'Campaign not found')).toBe('宣传月不存在，或不在您的管辖范围内');
    expect(detail(404, 'Photo file not found')).toBe('照片文件不存在，或不在您的管辖范围内');
    expect(detail(422, 'Events can only be changed while the campaign is ACTIVE (it is CLOSED)')).toBe(
      '宣传月已结束，现在不能记录或修改活动',
    );
    expect(detail(400, 'occurredOn must lie inside the campaign period 2026-11-01 to 2026-11-30')).toBe(
      '活动日期须在活动期间（2026-11-01 至 2026-11-30）内',
    );
    expect(detail(404, 'Participant not found')).toBe('参与单位不存在，或不在您的管辖范围内');
    expect(detail(400, 'No unit below this one takes part')).toBe(zh.apiMessage.notParticipant);
    expect(detail(422, 'Something nobody translated yet')).toBeUndefined();
    expect(errorDetail(new ApiError({ status: 422, message: 'Something nobody translated yet' }), te)).toBe(
      'Something nobody translated yet',
    );
    for (const d of [detail(403, 'Your role does not allow campaign:write'), detail(404, 'Event not found')])
      expect(d).not.toMatch(/[A-Za-z]{3}/);
  });

  it('names fields in the interface language, never by their raw path', () => {
    expect(fieldLabel('members.0.phone', tz)).toBe('联系电话');
    expect(fieldLabel('members[3].title', tz)).toBe('职务');
    expect(fieldLabel('title', tz)).toBe('名称');
    expect(fieldLabel('metrics.audience', tz)).toBe('受众人次');
    expect(fieldLabel('weird.0.thing', tz)).toBe(zh.fieldName.other);
    expect(fieldLabel('weird.0.thing', te)).toBe('weird.0.thing');
  });

  it('turns field names into form paths', () => {
    expect(fieldPath('organization.kind')).toEqual(['organization', 'kind']);
    expect(fieldPath('members.0.name')).toEqual(['members', 0, 'name']);
    expect(fieldPath('members[2].role')).toEqual(['members', 2, 'role']);
  });

  it('translates common validation messages; in Chinese an unknown one becomes a generic message', () => {
    expect(translateFieldMessage('email must be a valid e-mail address', tz)).toBe('请输入有效的邮箱地址');
    expect(translateFieldMessage('password must be at least 10 characters', tz)).toBe('至少 10 个字符');
    expect(translateFieldMessage('refused: 127.0.0.1 is an internal address', tz)).toBe(
      '不能使用内网或本机地址，请填写公网可访问的地址',
    );
    expect(translateFieldMessage('refused: robot.example resolves to 10.0.0.5, an internal address', tz)).toBe(
      '不能使用内网或本机地址，请填写公网可访问的地址',
    );
    expect(translateFieldMessage('title should not be empty', te)).toBe('Required');
    expect(translateFieldMessage('something odd about the roster', tz)).toBe('格式不正确');
    expect(translateFieldMessage('something odd about the roster', te)).toBe('something odd about the roster');
    expect(translateFieldMessage('A leading group needs exactly one LEADER (组长); none was given', tz)).toBe(
      '领导小组需要有且只有一名组长',
    );
    expect(translateFieldMessage('phone may hold digits, spaces, + - ( ) only (3 to 30)', tz)).toMatch(
      /^联系电话只能包含数字、空格和 \+ - \( \)/,
    );
    expect(translateFieldMessage('audience must not be negative', tz)).toBe('不能为负数');
    expect(translateFieldMessage('occurredOn (2026-12-01) must be on or before today (2026-11-30): log…', tz)).toBe(
      zh.fieldError.future,
    );
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
