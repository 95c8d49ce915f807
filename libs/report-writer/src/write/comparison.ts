// Section 四's comparison with the earlier month of the same template (与上年同期相比…): events and every metric
// both months counted, increases and decreases said as they are, percentages only on a non-zero base. Each
// change is a figure whose source is the earlier month's rows. A roll-up also ranks its units by the change in
// events (increases first) and adds a 较上年 column to its table.
import type { FigureFilter, Paragraph, TableCell } from '../document.js';
import type { ComparisonFact, MetricFact, RollupFacts, RollupUnitRow } from '../facts.js';
import { formatCount, formatMetricValue, decimalToNumber, isNonZero, sumDecimals } from '../format/numbers.js';
import { fillText, ZH_CN } from '../phrases.zh-CN.js';
import { clause, countText, metricLead, type WriteContext } from './context.js';
import { type FigureSpec, sample, source, TextBuilder } from './text-builder.js';

const C = ZH_CN.comparison;
const MAX_UNITS_NAMED = 5;

/** The earlier month began the year before this one: 上年同期; else it is named. */
function isLastYear(ctx: WriteContext, c: ComparisonFact): boolean {
  return Number(c.campaign.startsOn.slice(0, 4)) === Number(ctx.facts.campaign.startsOn.slice(0, 4)) - 1;
}

/** |change| / base as a percentage: whole above 10%, one decimal below (3.5%, not 4%). */
export function percentText(change: number, base: number): string {
  const p = (Math.abs(change) / Math.abs(base)) * 100;
  const rounded = p >= 10 ? Math.round(p) : Math.round(p * 10) / 10;
  return String(rounded);
}

function earlierSource(ctx: WriteContext, c: ComparisonFact, extra: Partial<FigureFilter>, ids = c.eventIds) {
  return source({ ...ctx.base, campaignId: c.campaign.id }, 'events', extra, { eventIds: sample(ids) });
}

/** 增加12次，增长20% / 减少3次，下降5% / 持平, into the builder. */
function change(
  tb: TextBuilder,
  name: string,
  now: string,
  then: string,
  format: (abs: string) => string,
  src: FigureSpec['source'],
  metric?: string,
): void {
  const delta = sumDecimals([now, `-${then}`]);
  const d = decimalToNumber(delta);
  if (d === 0) {
    tb.add(C.same);
    return;
  }
  const abs = delta.replace(/^-/, '');
  const spec = (n: string, text: string, value: string): FigureSpec => ({
    name: n,
    text,
    value,
    ...(metric ? { metric } : {}),
    source: src,
  });
  tb.fill(d > 0 ? C.increase : C.decrease, { d: spec(`${name}.change`, format(abs), delta) });
  const base = decimalToNumber(then);
  if (base !== 0) {
    const p = percentText(d, base);
    tb.fill(d > 0 ? C.up : C.down, { p: spec(`${name}.percent`, fillText(C.percent, { p }), p) });
  }
}

/** 与上年同期相比，开展宣传活动增加12次，增长20%；覆盖群众增加…。 */
function overall(ctx: WriteContext, c: ComparisonFact): Paragraph | null {
  const f = ctx.facts;
  const metrics: MetricFact[] = f.metrics.filter(
    (m) => c.metricKeys.includes(m.key) && (isNonZero(f.metricTotals[m.key]) || isNonZero(c.metricTotals[m.key])),
  );
  if (f.eventCount === 0 && c.eventCount === 0 && metrics.length === 0) return null;
  const tb = new TextBuilder('results.comparison').add(
    isLastYear(ctx, c) ? C.leadLastYear : fillText(C.leadEarlier, { title: clause(c.campaign.title) }),
  );
  let first = true;
  const sep = () => {
    if (!first) tb.add(ZH_CN.punctuation.semicolon);
    first = false;
  };
  if (f.eventCount > 0 || c.eventCount > 0) {
    sep();
    tb.add(C.events);
    change(
      tb,
      'events',
      String(f.eventCount),
      String(c.eventCount),
      (abs) => countText(Number(abs), ZH_CN.publicity.eventMeasure),
      earlierSource(ctx, c, {}),
    );
  }
  for (const m of metrics) {
    sep();
    tb.add(metricLead(ctx, m));
    change(
      tb,
      `metric:${m.key}`,
      f.metricTotals[m.key] ?? '0',
      c.metricTotals[m.key] ?? '0',
      (abs) => formatMetricValue(m, abs),
      earlierSource(ctx, c, { metric: m.key }),
      m.key,
    );
  }
  return tb.add(ZH_CN.punctuation.period).build();
}

/** Units that took part in both months, with their change in events: increases first (largest first). */
export function unitChanges(r: RollupFacts): { unit: RollupUnitRow; delta: number }[] {
  return r.units
    .map((unit, i) => ({ unit, i }))
    .filter((x) => x.unit.participating && typeof x.unit.previousEventCount === 'number')
    .map((x) => ({ unit: x.unit, i: x.i, delta: x.unit.eventCount - (x.unit.previousEventCount as number) }))
    .sort((a, b) => b.delta - a.delta || a.i - b.i)
    .map(({ unit, delta }) => ({ unit, delta }));
}

/** 与上年同期相比，活动次数增加的单位有A（增加5次）、B（增加2次）；减少的单位有C（减少3次）。 */
function byUnit(ctx: WriteContext, r: RollupFacts, c: ComparisonFact): Paragraph | null {
  const changes = unitChanges(r);
  if (changes.length < 2) return null;
  const up = changes.filter((x) => x.delta > 0).slice(0, MAX_UNITS_NAMED);
  const down = changes
    .filter((x) => x.delta < 0)
    .reverse()
    .slice(0, MAX_UNITS_NAMED);
  if (up.length === 0 && down.length === 0) return null;
  const tb = new TextBuilder('results.comparisonByUnit').add(
    isLastYear(ctx, c) ? C.byUnitLead : fillText(C.byUnitLeadEarlier, { title: clause(c.campaign.title) }),
  );
  const list = (items: typeof changes) => {
    items.forEach((x, i) => {
      if (i > 0) tb.add(ZH_CN.punctuation.listSep);
      const [before, after] = C.unitChange.split('{change}') as [string, string];
      tb.add(fillText(before, { unit: x.unit.name }));
      change(
        tb,
        `unit:${x.unit.id}`,
        String(x.unit.eventCount),
        String(x.unit.previousEventCount),
        (abs) => countText(Number(abs), ZH_CN.publicity.eventMeasure),
        source({ ...ctx.base, campaignId: c.campaign.id }, 'events', { organizationId: x.unit.id, subtree: false }),
      );
      tb.add(after);
    });
  };
  const [upBefore, upAfter] = C.unitsUp.split('{list}') as [string, string];
  const [downBefore, downAfter] = C.unitsDown.split('{list}') as [string, string];
  if (up.length > 0) {
    tb.add(upBefore);
    list(up);
    tb.add(upAfter);
  }
  if (down.length > 0) {
    if (up.length > 0) tb.add(ZH_CN.punctuation.semicolon);
    tb.add(downBefore);
    list(down);
    tb.add(downAfter);
  }
  return tb.add(ZH_CN.punctuation.period).build();
}

/** The paragraphs of section 四 comparing with the earlier month; none without one. */
export function comparisonParagraphs(ctx: WriteContext): Paragraph[] {
  const c = ctx.facts.comparison;
  if (!c) return [];
  const out: Paragraph[] = [];
  const o = overall(ctx, c);
  if (o) out.push(o);
  if (ctx.rollup) {
    const u = byUnit(ctx, ctx.rollup, c);
    if (u) out.push(u);
  }
  return out;
}

/** The roll-up table's 较上年 header, or null without an earlier month. */
export function comparisonColumn(ctx: WriteContext): string | null {
  const c = ctx.facts.comparison;
  if (!c) return null;
  return isLastYear(ctx, c) ? C.column : C.columnEarlier;
}

/** A unit's 较上年 cell: +12, -3, 0, or — when it did not take part then. */
export function comparisonCell(ctx: WriteContext, u: RollupUnitRow): TableCell {
  const c = ctx.facts.comparison;
  if (!c || typeof u.previousEventCount !== 'number') return { text: C.notThen };
  const delta = u.eventCount - u.previousEventCount;
  const text = delta > 0 ? `+${formatCount(delta)}` : formatCount(delta);
  return {
    text,
    figure: {
      id: `units.table.${u.id}.comparison`,
      text,
      value: String(delta),
      start: 0,
      end: text.length,
      source: {
        kind: 'events',
        filter: { ...ctx.base, campaignId: c.campaign.id, organizationId: u.id, subtree: false },
      },
    },
  };
}
