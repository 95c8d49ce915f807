// The ledger (台账) workbook layout, shared by export and import: a title row, a header row with Chinese
// column names, one row per event, a totals row (合计). Pure helpers, tested in ledger-layout.spec.ts.
import { EVENT_TYPE_LABELS, EVENT_TYPES, type EventType, LEDGER_HEADERS } from '@campaign-month/contracts';
import type { CellValue } from 'exceljs';
import { plainCellValue, stripControlCharacters } from '../../core/spreadsheet/cells.js';
import type { MetricDef } from './metric-values.js';

// The cell helpers moved to core/spreadsheet (shared with the organization and user imports).
export {
  cellText,
  columnLetter,
  plainCellValue,
  stripControlCharacters,
  XLSX_CONTENT_TYPE,
} from '../../core/spreadsheet/cells.js';
export const LEDGER_SHEET_NAME = '活动台账';

export type LedgerField = 'unit' | 'day' | 'type' | 'title' | 'location' | 'description' | 'photos' | 'id';

export interface LedgerColumn {
  field: LedgerField | 'metric';
  header: string;
  width: number;
  metric?: MetricDef;
}

export function metricHeader(def: Pick<MetricDef, 'label' | 'unit'>): string {
  return def.unit ? `${def.label}(${def.unit})` : def.label;
}

export function ledgerColumns(defs: readonly MetricDef[]): LedgerColumn[] {
  return [
    { field: 'unit', header: LEDGER_HEADERS.unit, width: 24 },
    { field: 'day', header: LEDGER_HEADERS.day, width: 12 },
    { field: 'type', header: LEDGER_HEADERS.type, width: 16 },
    { field: 'title', header: LEDGER_HEADERS.title, width: 30 },
    { field: 'location', header: LEDGER_HEADERS.location, width: 18 },
    { field: 'description', header: LEDGER_HEADERS.description, width: 48 },
    ...defs.map((metric) => ({
      field: 'metric' as const,
      header: metricHeader(metric),
      width: Math.max(12, metricHeader(metric).length * 2 + 2),
      metric,
    })),
    { field: 'photos', header: LEDGER_HEADERS.photos, width: 8 },
    { field: 'id', header: LEDGER_HEADERS.id, width: 38 },
  ];
}

/** A campaign title made safe as a file name (the characters Windows refuses are dropped). */
export function ledgerFileName(campaignTitle: string, unitName?: string): string {
  const clean = (text: string) =>
    stripControlCharacters(text)
      .replace(/[\\/:*?"<>|]/g, '')
      .trim();
  const title = clean(campaignTitle).slice(0, 150) || '活动';
  // one unit's ledger is named after the unit too, so that a reviewer's downloads do not share a name
  const unit = unitName ? clean(unitName).slice(0, 60) : '';
  return `${title}${unit ? `-${unit}` : ''}${LEDGER_SHEET_NAME}.xlsx`;
}

const CN_DAY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A ledger date cell → 'YYYY-MM-DD': date cells, Excel serial numbers, 2026-11-06, 2026/11/6, 2026年11月6日. */
export function parseLedgerDay(value: CellValue | undefined): string | null {
  const v = plainCellValue(value);
  let date: Date | null = null;
  if (v instanceof Date) date = v;
  else if (typeof v === 'number' && v > 20000 && v < 80000 && Number.isInteger(v))
    date = new Date(Math.round((v - 25569) * 86400_000));
  else if (typeof v === 'string') {
    const m = CN_DAY.exec(v.trim());
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const candidate = new Date(Date.UTC(y, mo - 1, d));
      if (candidate.getUTCFullYear() === y && candidate.getUTCMonth() === mo - 1 && candidate.getUTCDate() === d)
        date = candidate;
    }
  }
  if (!date || Number.isNaN(date.getTime())) return null;
  return date.toISOString().slice(0, 10);
}

const TYPE_BY_LABEL = new Map<string, EventType>(
  Object.entries(EVENT_TYPE_LABELS).map(([code, label]) => [label, code as EventType]),
);

/** 活动类型: the Chinese label (张贴海报标语) or the code (POSTER). */
export function parseEventType(text: string): EventType | null {
  const t = text.trim();
  return (
    TYPE_BY_LABEL.get(t) ??
    ((EVENT_TYPES as readonly string[]).includes(t.toUpperCase()) ? (t.toUpperCase() as EventType) : null)
  );
}
