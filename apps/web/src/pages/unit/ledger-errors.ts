// The ledger import's refusals as the unit reads them: 第 N 行 + the reason in the interface language.
// The API answers 400 (or 422 when every problem is a locked unit) with
// details: [{ row, column, field, message }], its messages English with the sheet's own words inside.
import type { TFunction } from 'i18next';
import { translateApiMessage } from '../../api/api-messages.js';
import { ApiError, describeError, translateFieldMessage } from '../../api/errors.js';
import { formatDay } from '../../lib/dates.js';

export interface ImportProblem {
  /** The sheet's row number; 0 when the problem is the file's, not a row's. */
  row: number;
  message: string;
}

/** The problems listed in an import refusal (details of the error, or errors of a result). */
export function importProblems(err: unknown): ImportProblem[] {
  if (!(err instanceof ApiError)) return [];
  const body = err.body as { details?: unknown; errors?: unknown } | undefined;
  const list = Array.isArray(body?.details) ? body.details : Array.isArray(body?.errors) ? body.errors : [];
  return (list as { row?: number; field?: string; message?: string }[]).map((d) => ({
    row: Number(d.row ?? String(d.field ?? '').match(/\d+/)?.[0] ?? 0),
    message: String(d.message ?? ''),
  }));
}

type Rule = [RegExp, (m: RegExpMatchArray, t: TFunction, lang: string) => string];

const METRIC_REASON =
  /^(.+?) (must not be negative|must be a number.*|must be a whole number|must have at most two decimals|must be at most [\d.]+)$/;

const RULES: Rule[] = [
  [/^(.+) is required$/, (m, t) => t('ledgerError.required', { what: m[1] })],
  [/^(.+) is longer than (\d+) characters$/, (m, t) => t('ledgerError.tooLong', { what: m[1], n: m[2] })],
  [/^(.+) is not a participating unit/, (m, t) => t('ledgerError.notParticipant', { value: m[1] })],
  [/^Several participating units are named (.+)$/, (m, t) => t('ledgerError.ambiguousUnit', { value: m[1] })],
  [/^(.+) is not a date such as/, (m, t) => t('ledgerError.notADate', { value: m[1] })],
  [
    /^(\S+) lies outside the campaign period (\S+) to (\S+)$/,
    (m, t, lang) =>
      t('ledgerError.outsidePeriod', {
        day: formatDay(m[1], lang),
        from: formatDay(m[2], lang),
        to: formatDay(m[3], lang),
      }),
  ],
  [/^(\S+) is after today/, (m, t, lang) => t('ledgerError.future', { day: formatDay(m[1], lang) })],
  [/^(.+) is not an event type \(e\.g\. (.+)\)$/, (m, t) => t('ledgerError.notAType', { value: m[1], examples: m[2] })],
  [/^(\S+) (.+) names no event of this campaign/, (m, t) => t('ledgerError.unknownId', { what: m[1], value: m[2] })],
  [METRIC_REASON, (m, t) => t('ledgerError.metric', { what: m[1], reason: translateFieldMessage(m[2], t) })],
  [/^The summary of (.+) is approved/, (m, t) => t('ledgerError.locked', { unit: m[1] })],
  [
    /^Unknown column (.+?) \(this campaign's metric columns: (.*)\)$/,
    (m, t) => t('ledgerError.unknownColumn', { value: m[1], known: m[2] }),
  ],
  [/^The header row lacks the column (.+)$/, (m, t) => t('ledgerError.missingColumn', { value: m[1] })],
  [/^No header row/, (_, t) => t('ledgerError.noHeader')],
  [/^The ledger has no event rows/, (_, t) => t('ledgerError.noRows')],
  [/^A ledger import takes at most (\d+) rows/, (m, t) => t('ledgerError.tooManyRows', { n: m[1] })],
  [/^Attach the ledger/, (_, t) => t('ledgerError.noFile')],
];

/** One problem's reason in the interface language (a generic one in Chinese when the pattern is unknown). */
export function translateLedgerMessage(message: string, t: TFunction, lang: string): string {
  for (const [re, f] of RULES) {
    const m = message.match(re);
    if (m) return f(m, t, lang);
  }
  return translateFieldMessage(message, t);
}

/** "第 4 行：受众人次(人次)不能为负数", or the bare reason when the problem is the file's. */
export function describeImportProblem(p: ImportProblem, t: TFunction, lang: string): string {
  const reason = translateLedgerMessage(p.message, t, lang);
  return p.row > 0 ? t('ledger.importRowError', { row: p.row, message: reason }) : reason;
}

/** Headlines of the import dialog, per status: nothing imported, how many rows to fix, the wrong file. */
export function importTitles(err: unknown, t: TFunction): Partial<Record<number, string>> {
  const problems = importProblems(err);
  const rows = new Set(problems.filter((p) => p.row > 0).map((p) => p.row)).size;
  const problemTitle = rows > 0 ? t('ledger.importRows', { count: rows }) : t('ledger.importInvalid');
  return {
    415: t('ledger.importType'),
    ...(problems.length > 0 ? { 400: problemTitle, 422: problemTitle } : {}),
  };
}

/** Why the API refused a queued event, in the interface language (its headline when the words are unknown). */
export function queuedFailure(q: { lastError?: string; lastStatus?: number }, t: TFunction): string {
  const known = q.lastError ? translateApiMessage(q.lastError, t) : undefined;
  return known ?? describeError(new ApiError({ status: q.lastStatus ?? 400 }), t);
}
