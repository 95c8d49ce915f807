// The roll-up's own section: units taking part, summaries handed in and approved, who is late
// (named), and a table by unit.
import { REPORT_STATUS_LABELS } from '@campaign-month/contracts';
import type { FigureFilter, Paragraph, Table, TableCell } from '../document.js';
import type { MetricFact, RollupFacts, RollupUnitRow } from '../facts.js';
import { formatChineseDate, joinList, toChineseNumeral } from '../format/chinese.js';
import { formatCount, isNonZero } from '../format/numbers.js';
import { fillText, ZH_CN } from '../phrases.zh-CN.js';
import { metricFallback, metricLabel, narrativeParagraph, type SectionDraft, type WriteContext } from './context.js';
import { comparisonCell, comparisonColumn } from './comparison.js';
import { type FigureSpec, sample, source, TextBuilder } from './text-builder.js';

const U = ZH_CN.units;
const MAX_LATE_NAMED = 10;
const MAX_METRIC_COLUMNS = 3;

function heading2(key: string, index: number, title: string): Paragraph {
  return new TextBuilder(key)
    .add(fillText(ZH_CN.headings.levelTwo, { numeral: toChineseNumeral(index), title }))
    .build({ style: 'heading2' });
}

function unitsFigure(
  ctx: WriteContext,
  name: string,
  rows: RollupUnitRow[],
  filter: Partial<FigureFilter>,
  measure: string = U.unitMeasure,
  count: number = rows.length,
): FigureSpec {
  return {
    name,
    text: `${formatCount(count)}${measure}`,
    value: String(count),
    source: source(ctx.base, 'units', filter, { unitIds: sample(rows.map((u) => u.id)) }),
  };
}

/** A figure that reads as the unit's name: one unit is named, not counted (共1个单位). */
function nameFigure(ctx: WriteContext, name: string, u: RollupUnitRow, filter: Partial<FigureFilter>): FigureSpec {
  return { name, text: u.name, value: '1', source: source(ctx.base, 'units', filter, { unitIds: [u.id] }) };
}

/** The participation paragraph of a roll-up over a single unit: 该单位…, never 1个单位均…. */
function participationOfOne(ctx: WriteContext, r: RollupFacts, u: RollupUnitRow): Paragraph {
  const tb = new TextBuilder('units.participation');
  tb.fill(U.participantsOne, { name: nameFigure(ctx, 'participants', u, { participating: true }) });
  const inNow = u.summaryStatus === 'SUBMITTED' || u.summaryStatus === 'APPROVED';
  tb.add(inNow ? U.submittedOne : U.noneSubmittedOne);
  if (u.summaryStatus === 'APPROVED') tb.add(U.approvedOne);
  if (u.summaryStatus === 'RETURNED') tb.add(U.returnedOne);
  tb.add(ZH_CN.punctuation.period);
  const due = formatChineseDate(r.campaign.reportDueOn);
  if (u.late && handedIn(u))
    tb.fill(U.lateHandedInOnlyOne, { due, name: nameFigure(ctx, 'lateHandedIn', u, { late: true, handedIn: true }) });
  else if (u.late) tb.fill(U.lateOne, { due, name: nameFigure(ctx, 'late', u, { late: true, handedIn: false }) });
  else if (inNow) tb.add(U.allInTimeOne);
  return tb.build();
}

function participation(ctx: WriteContext, r: RollupFacts): Paragraph {
  const tb = new TextBuilder('units.participation');
  const participating = r.units.filter((u) => u.participating);
  if (r.participantCount === 0) return tb.add(U.noParticipants).build();
  if (r.participantCount === 1 && participating.length === 1) return participationOfOne(ctx, r, participating[0]!);
  tb.fill(U.participants, {
    n: unitsFigure(ctx, 'participants', participating, { participating: true }, U.unitMeasure, r.participantCount),
  });
  const handedInNow = r.units.filter((u) => u.summaryStatus === 'SUBMITTED' || u.summaryStatus === 'APPROVED');
  if (r.submittedCount === 0) tb.add(U.noneSubmitted);
  else {
    tb.fill(U.submitted, {
      n: unitsFigure(ctx, 'submitted', handedInNow, { summaryStatus: 'HANDED_IN' }, U.unitMeasure, r.submittedCount),
    });
    if (r.approvedCount > 0) {
      const approved = r.units.filter((u) => u.summaryStatus === 'APPROVED');
      tb.fill(U.approved, {
        n: unitsFigure(ctx, 'approved', approved, { summaryStatus: 'APPROVED' }, '个', r.approvedCount),
      });
    }
  }
  const returned = r.units.filter((u) => u.summaryStatus === 'RETURNED');
  if (returned.length > 0)
    tb.fill(U.returned, { n: unitsFigure(ctx, 'returned', returned, { summaryStatus: 'RETURNED' }) });
  tb.add(ZH_CN.punctuation.period);
  const missing = r.units.filter((u) => u.late && !handedIn(u));
  const lateIn = r.units.filter((u) => u.late && handedIn(u));
  const due = formatChineseDate(r.campaign.reportDueOn);
  if (missing.length === 1)
    tb.fill(U.lateOne, { due, name: nameFigure(ctx, 'late', missing[0]!, { late: true, handedIn: false }) });
  else if (missing.length > 1)
    tb.fill(U.late, { due, ...lateNames(ctx, missing, 'late', { late: true, handedIn: false }) });
  if (lateIn.length === 1) {
    tb.fill(missing.length > 0 ? U.lateHandedInOne : U.lateHandedInOnlyOne, {
      due,
      name: nameFigure(ctx, 'lateHandedIn', lateIn[0]!, { late: true, handedIn: true }),
    });
  } else if (lateIn.length > 1) {
    tb.fill(missing.length > 0 ? U.lateHandedIn : U.lateHandedInOnly, {
      due,
      ...lateNames(ctx, lateIn, 'lateHandedIn', { late: true, handedIn: true }),
    });
  }
  if (missing.length === 0 && lateIn.length === 0 && r.submittedCount >= r.participantCount) tb.add(U.allInTime);
  return tb.build();
}

/** The unit handed its summary in at some point (its first hand-in day is known, or it is handed in now). */
function handedIn(u: RollupUnitRow): boolean {
  return Boolean(u.submittedOn) || u.summaryStatus === 'SUBMITTED' || u.summaryStatus === 'APPROVED';
}

/** The late units named (at most MAX_LATE_NAMED) and counted: {names}{more}{n}. */
function lateNames(
  ctx: WriteContext,
  late: RollupUnitRow[],
  name: string,
  filter: Partial<FigureFilter>,
): { names: string; more: string; n: FigureSpec } {
  const named = late.slice(0, MAX_LATE_NAMED).map((u) => u.name);
  return {
    names: joinList(named),
    more: late.length > named.length ? U.lateMoreThanListed : U.lateAllListed,
    n: unitsFigure(ctx, name, late, filter),
  };
}

/** Metrics for the table: the audience, then money, then the rest; non-zero totals only. */
export function tableMetrics(r: RollupFacts): MetricFact[] {
  const nonZero = r.metrics.filter((m) => isNonZero(r.metricTotals[m.key]));
  const rank = (m: MetricFact) => (m.key === ZH_CN.metrics.audienceKey ? 0 : m.kind === 'MONEY' ? 1 : 2);
  return nonZero
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
    .slice(0, MAX_METRIC_COLUMNS)
    .map((x) => x.m);
}

function metricHeader(m: MetricFact): string {
  return fillText(U.metricColumn, { label: metricLabel(m) ?? metricFallback(m, 'header'), unit: m.unit });
}

function unitTable(ctx: WriteContext, r: RollupFacts): Table {
  const metrics = tableMetrics(r);
  const rows = r.units.filter((u) => u.participating || u.eventCount > 0);
  const cellFigure = (u: RollupUnitRow, name: string, text: string, value: string, metric?: string): TableCell => ({
    text,
    figure: {
      id: `units.table.${u.id}.${name}`,
      text,
      value,
      ...(metric ? { metric } : {}),
      start: 0,
      end: text.length,
      source: {
        kind: 'events',
        filter: { ...ctx.base, organizationId: u.id, subtree: false, ...(metric ? { metric } : {}) },
      },
    },
  });
  const status = (u: RollupUnitRow) =>
    (u.summaryStatus ? REPORT_STATUS_LABELS[u.summaryStatus] : U.statusNone) +
    (u.late ? (handedIn(u) ? U.statusLateHandedIn : U.statusLate) : '');
  const compared = comparisonColumn(ctx);
  return {
    key: 'units.table',
    columns: [
      U.columns.index,
      U.columns.unit,
      U.columns.events,
      ...(compared ? [compared] : []),
      ...metrics.map(metricHeader),
      U.columns.status,
    ],
    widths: [7, 30, 10, ...(compared ? [9] : []), ...metrics.map(() => 14), 20],
    align: [
      'center',
      'left',
      'right',
      ...(compared ? (['right'] as const) : []),
      ...metrics.map(() => 'right' as const),
      'center',
    ],
    rows: rows.map((u, i) => [
      { text: String(i + 1) },
      { text: u.name },
      cellFigure(u, 'events', formatCount(u.eventCount), String(u.eventCount)),
      ...(compared ? [comparisonCell(ctx, u)] : []),
      ...metrics.map((m) => {
        const value = u.metricTotals[m.key] ?? '0';
        return cellFigure(u, m.key, formatCount(value), value, m.key);
      }),
      { text: status(u) },
    ]),
  };
}

/** 五、各单位开展情况 (roll-ups only). */
export function unitsSection(ctx: WriteContext, r: RollupFacts): SectionDraft {
  const paragraphs: Paragraph[] = [
    heading2('units.participation.heading', 1, U.participationHeading),
    participation(ctx, r),
  ];
  const extra = narrativeParagraph(ctx, 'units.extra');
  if (extra) paragraphs.push(extra);
  const table = unitTable(ctx, r);
  // no unit to list: the participation paragraph says so, and no empty table follows
  if (table.rows.length === 0) return { key: 'units', praise: true, paragraphs, charts: [] };
  paragraphs.push(heading2('units.table.heading', 2, U.tableHeading));
  paragraphs.push(new TextBuilder('units.table.intro').add(U.tableIntro).build());
  return {
    key: 'units',
    praise: true,
    paragraphs,
    table,
    charts: r.units.some((u) => u.eventCount > 0) ? ['byUnit'] : [],
  };
}
