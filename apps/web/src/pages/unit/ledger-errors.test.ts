import { describe, expect, it } from 'vitest';
import { toApiError } from '../../api/errors.js';
import { te, tz } from '../../i18n/testing.js';
import { describeImportProblem, importProblems, importTitles, queuedFailure } from './ledger-errors.js';

// The API's answer to a ledger with six bad rows (POST /campaigns/:id/events/import, recorded).
const refusal = toApiError(400, {
  statusCode: 400,
  error: 'Bad Request',
  message: '6 row(s) of the ledger cannot be imported (6 problem(s)); nothing was imported',
  details: [
    { row: 8, column: 'G', field: 'metrics.audience', message: '受众人次(人次) must not be negative' },
    {
      row: 9,
      column: 'B',
      field: 'occurredOn',
      message: '2026-12-20 lies outside the campaign period 2026-11-01 to 2026-11-30',
    },
    {
      row: 10,
      column: 'C',
      field: 'type',
      message: '跳广场舞 is not an event type (e.g. 国旗下宣讲、会议宣传、张贴海报标语、发放宣传单)',
    },
    { row: 11, column: 'D', field: 'title', message: '标题 is longer than 200 characters' },
    {
      row: 12,
      column: 'G',
      field: 'metrics.audience',
      message: '受众人次(人次) must be a number or a decimal string such as "3000" or "80000.50"',
    },
    {
      row: 13,
      column: 'A',
      field: 'organization',
      message: '农商银行江北支行 is not a participating unit of this campaign inside your scope',
    },
  ],
});

describe('ledger import refusals', () => {
  it('lists every row as 第 N 行 with a Chinese reason', () => {
    expect(importProblems(refusal).map((p) => describeImportProblem(p, tz, 'zh-CN'))).toEqual([
      '第 8 行：受众人次(人次)：不能为负数',
      '第 9 行：日期 12月20日 不在活动期间（11月1日–11月30日）内',
      '第 10 行：“跳广场舞”不是可选的活动类型（如 国旗下宣讲、会议宣传、张贴海报标语、发放宣传单）',
      '第 11 行：标题不能超过 200 个字',
      '第 12 行：受众人次(人次)：请输入数字',
      '第 13 行：“农商银行江北支行”不是本次宣传月中您管辖范围内的参与单位',
    ]);
  });

  it('never shows English in Chinese, and the file-level problems without a row number', () => {
    const other = importProblems(
      toApiError(400, {
        message: 'x',
        details: [
          { field: 'file', message: 'The ledger has no event rows below its header row' },
          { row: 2, field: 'file', message: 'Something the API says one day' },
        ],
      }),
    ).map((p) => describeImportProblem(p, tz, 'zh-CN'));
    expect(other).toEqual(['台账表头下面没有活动记录', '第 2 行：格式不正确']);
  });

  it('says how many rows to fix, and asks for an .xlsx file on a wrong type', () => {
    expect(importTitles(refusal, tz)[400]).toBe('台账中有 6 行无法导入，请修改后重新导入（未导入任何一行）');
    expect(importTitles(refusal, te)[400]).toMatch(/^6 rows of the ledger cannot be imported/);
    const wrongType = toApiError(415, {
      message: 'Send the ledger as an .xlsx workbook (judged by the file content, not its name)',
    });
    expect(importTitles(wrongType, tz)[415]).toBe('请选择 .xlsx 格式的台账文件');
    expect(importTitles(wrongType, tz)[400]).toBeUndefined();
  });

  it('explains in Chinese why a queued event was refused', () => {
    expect(
      queuedFailure(
        {
          lastStatus: 422,
          lastError:
            "The unit's summary for this campaign is approved: its events are read-only until the summary is returned",
        },
        tz,
      ),
    ).toContain('总结已审核通过');
    expect(queuedFailure({ lastStatus: 400, lastError: 'Invalid input: occurredOn' }, tz)).toBe(
      '提交的内容有误，请检查',
    );
    expect(queuedFailure({ lastStatus: 400, lastError: 'Invalid input: occurredOn' }, te)).toBe(
      'Invalid input: occurredOn',
    );
  });
});
