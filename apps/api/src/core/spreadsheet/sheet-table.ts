// An import sheet as a table: the header row is found by its column names (any order, extra columns
// ignored), then every non-blank row below it becomes { row, cells } with trimmed text (numbers typed in
// cells — a 手机号, a 单位编码 — read as their digits).
import type { ImportRowError } from '@campaign-month/contracts';
import type ExcelJS from 'exceljs';
import { InvalidInput } from '../errors/domain-errors.js';
import { cellText } from './cells.js';

export interface SheetRow<C extends string> {
  /** The spreadsheet's row number (the header is usually row 1). */
  row: number;
  cells: Record<C, string>;
}

export interface SheetTable<C extends string> {
  rows: SheetRow<C>[];
  /** Problems of the header (a required column missing): reported with the header's row number. */
  errors: ImportRowError[];
}

/** Rows one import may carry. */
export const MAX_IMPORT_SHEET_ROWS = 20_000;
const HEADER_SEARCH_ROWS = 10;

export function readTable<C extends string>(
  sheet: ExcelJS.Worksheet,
  columns: readonly C[],
  required: readonly C[],
): SheetTable<C> {
  const known = new Set<string>(columns);
  let headerRow = 0;
  const at = new Map<C, number>();
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount) && !headerRow; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell.value);
      if (known.has(text) && !at.has(text as C)) at.set(text as C, column);
    });
    if (at.size) headerRow = r;
  }
  if (!headerRow) {
    return {
      rows: [],
      errors: [{ row: 1, column: null, message: `找不到表头行:第一行应为列名 ${columns.join('、')}` }],
    };
  }
  const missing = required.filter((c) => !at.has(c));
  if (missing.length) {
    return {
      rows: [],
      errors: missing.map((c) => ({ row: headerRow, column: c, message: `缺少必填列“${c}”` })),
    };
  }
  const rows: SheetRow<C>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = {} as Record<C, string>;
    let blank = true;
    for (const c of columns) {
      const column = at.get(c);
      const text = column ? cellText(row.getCell(column).value) : '';
      cells[c] = text;
      if (text) blank = false;
    }
    if (blank) continue;
    if (rows.length >= MAX_IMPORT_SHEET_ROWS)
      throw InvalidInput.field('file', `An import takes at most ${MAX_IMPORT_SHEET_ROWS} rows; split the file`);
    rows.push({ row: r, cells });
  }
  return { rows, errors: [] };
}
