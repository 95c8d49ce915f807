// The answer of the organization and user imports (ImportResult) and the all-or-nothing rule: an apply
// with any row error is 422 with the whole result as `details` (docs/decisions/034).
import type { ImportResult, ImportRowError, ImportRowOutcome } from '@campaign-month/contracts';
import { DomainError } from '../errors/domain-errors.js';

/** Rows listed in `preview`, errors listed in `errors` (the message of a 422 gives the totals). */
const MAX_PREVIEW = 1000;
const MAX_ERRORS = 1000;

/** Collects the errors of a sheet, each tied to its row and column. */
export class RowErrors {
  readonly list: ImportRowError[] = [];
  private readonly rows = new Set<number>();

  add(row: number, column: string | null, message: string): void {
    this.list.push({ row, column, message });
    this.rows.add(row);
  }

  has(row: number): boolean {
    return this.rows.has(row);
  }

  get size(): number {
    return this.list.length;
  }
}

export interface PlannedRow {
  row: number;
  name: string;
  outcome: ImportRowOutcome['outcome'];
  id: string | null;
}

export function importResult(dryRun: boolean, planned: PlannedRow[], errors: RowErrors): ImportResult {
  const sorted = [...errors.list].sort((a, b) => a.row - b.row);
  const count = (o: ImportRowOutcome['outcome']) => planned.filter((p) => p.outcome === o).length;
  return {
    dryRun,
    rows: planned.length,
    created: count('create'),
    updated: count('update'),
    skipped: count('skip'),
    errors: sorted.slice(0, MAX_ERRORS),
    preview: planned
      .slice(0, MAX_PREVIEW)
      .map((p) => ({ row: p.row, name: p.name, outcome: errors.has(p.row) ? 'error' : p.outcome, id: p.id })),
  };
}

/** An apply with any error writes nothing: 422, the result (errors by row and column) as details. */
export function rejectIfErrors(result: ImportResult, totalErrors: number): void {
  if (totalErrors === 0) return;
  const rows = new Set(result.errors.map((e) => e.row)).size;
  throw new DomainError(
    422,
    'Unprocessable Entity',
    `${totalErrors} problem(s) in ${rows}${totalErrors > result.errors.length ? '+' : ''} row(s); nothing was imported`,
    result as unknown as Record<string, unknown>,
  );
}
