// Cells of xlsx workbooks (exceljs), shared by the ledger (台账) and the organization and user imports:
// plain values out of formulas and rich text, column letters, download names. Pure helpers.
import type { CellValue } from 'exceljs';
import { storableText } from '../http/storable-input.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Column number (1-based) → Excel letters. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** An exceljs cell value → a plain value: formulas give their result, rich text its text, errors nothing. */
export function plainCellValue(value: CellValue | undefined): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value as string | number | boolean | Date;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plainCellValue(value.result as CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  // a formula's error (#DIV/0!, #REF!…): kept as its text, so that a number column reports it
  if ('error' in value) return String(value.error);
  return null;
}

export function cellText(value: CellValue | undefined): string {
  const v = plainCellValue(value);
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return storableText(String(v)).trim();
}

/** Drops C0 control characters and DEL (not allowed in file names and headers). */
export function stripControlCharacters(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0x20 && code !== 0x7f) out += ch;
  }
  return out;
}
