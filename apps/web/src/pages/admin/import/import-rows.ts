// What an import's answer (ImportResult) shows: the summary line and the rows of the errors table
// (第N行 | 列 | 问题). A refused apply (422) carries the same result as its error's details.
import type { ImportResult } from '@campaign-month/contracts';
import { ApiError } from '../../../api/errors.js';

export interface ImportErrorRow {
  key: string;
  /** The sheet's row number (the header is row 1); 0 for the file as a whole. */
  row: number;
  /** The column's header, or null when the row (or file) as a whole is wrong. */
  column: string | null;
  message: string;
}

/** The errors, by row then in the order given; one key per line even when a row has several. */
export function importErrorRows(result: ImportResult | null | undefined): ImportErrorRow[] {
  const errors = result?.errors ?? [];
  return errors
    .map((e, i) => ({ key: `${e.row}-${i}`, row: e.row, column: e.column ?? null, message: e.message, i }))
    .sort((a, b) => a.row - b.row || a.i - b.i)
    .map(({ i: _, ...row }) => row);
}

/** The ImportResult inside a refused apply (422 whose details is the result), or null. */
export function importResultOf(err: unknown): ImportResult | null {
  if (!(err instanceof ApiError)) return null;
  const details = (err.body as { details?: unknown } | null)?.details;
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const r = details as Partial<ImportResult>;
  return Array.isArray(r.errors) && typeof r.rows === 'number' ? (r as ImportResult) : null;
}

/** What the next click may do: a clean dry run (with something to add, or at least rows read) may apply. */
export function canApply(result: ImportResult | null | undefined): boolean {
  return !!result && result.dryRun && result.errors.length === 0 && result.rows > 0;
}
