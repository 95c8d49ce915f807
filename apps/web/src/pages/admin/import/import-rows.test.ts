import type { ImportResult } from '@campaign-month/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors.js';
import { canApply, importErrorRows, importResultOf } from './import-rows.js';

const result = (over: Partial<ImportResult> = {}): ImportResult => ({
  dryRun: true,
  rows: 3,
  created: 2,
  updated: 0,
  skipped: 1,
  errors: [],
  preview: [],
  ...over,
});

describe('import rows', () => {
  it('lists the errors by row, keeping the order within a row, one key each', () => {
    const rows = importErrorRows(
      result({
        errors: [
          { row: 5, column: '上级单位', message: '找不到上级单位“东区”' },
          { row: 3, column: '单位类型', message: '无法识别' },
          { row: 3, column: null, message: '重复的行' },
          { row: 0, column: null, message: '缺少“单位名称”列' },
        ],
      }),
    );
    expect(rows.map((r) => [r.row, r.column])).toEqual([
      [0, null],
      [3, '单位类型'],
      [3, null],
      [5, '上级单位'],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(4);
  });

  it('reads the result out of a refused apply, and nothing out of other errors', () => {
    const inner = result({ dryRun: false, errors: [{ row: 2, column: '单位', message: 'x' }] });
    expect(importResultOf(new ApiError({ status: 422, body: { statusCode: 422, details: inner } }))).toEqual(inner);
    expect(importResultOf(new ApiError({ status: 400, body: { details: [{ field: 'file', message: 'x' }] } }))).toBe(
      null,
    );
    expect(importResultOf(new Error('x'))).toBe(null);
  });

  it('offers the apply only after a clean dry run with rows', () => {
    expect(canApply(result())).toBe(true);
    expect(canApply(result({ errors: [{ row: 2, column: null, message: 'x' }] }))).toBe(false);
    expect(canApply(result({ dryRun: false }))).toBe(false);
    expect(canApply(result({ rows: 0, created: 0, skipped: 0 }))).toBe(false);
    expect(canApply(null)).toBe(false);
  });
});
