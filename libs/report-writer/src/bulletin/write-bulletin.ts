// writeBulletin: facts as of one day in, the 情况通报 (progress bulletin) out, as a document the Word, PDF and
// Markdown renderers print like a summary: title 关于{活动名称}开展情况的通报, an opening ending in 通报如下：,
// 一、总体进展 (with a table by unit), 二、工作开展较好的单位, 三、存在的问题 (units named, with counts),
// 四、下一步工作要求, the issuer's signature dated the day. Every figure carries its source, filtered `asOf`.
// Deterministic: nothing reads the clock.
import type { FigureFilter, Paragraph, Section, SectionKey, SummaryDocument, Table, TableCell } from '../document.js';
import type { MetricFact } from '../facts.js';
import {
  enumerationPrefix,
  formatChineseDate,
  formatChineseDateFull,
  joinList,
  toChineseNumeral,
} from '../format/chinese.js';
import { formatCount, formatMetricValue, isNonZero, sumDecimals } from '../format/numbers.js';
import { fillText, ZH_CN } from '../phrases.zh-CN.js';
import { clause, countText, metricFallback, metricLabel, metricLeadFor } from '../write/context.js';
import { activityName } from '../write/summary.js';
import { type FigureSpec, sample, source, TextBuilder } from '../write/text-builder.js';
import type { BulletinFacts, BulletinUnitRow } from './facts.js';

const B = ZH_CN.bulletin;
/** Units named in a problem at most; the rest are counted (等…共n个单位). */
const MAX_NAMED = 10;
/** Units praised at most (二、工作开展较好的单位). */
const MAX_LEADERS = 5;
const MAX_METRICS_PER_UNIT = 3;
const MAX_METRIC_COLUMNS = 2;

interface Ctx {
  f: BulletinFacts;
  base: FigureFilter;
  /** 11月26日 */
  asOfShort: string;
}

/** Metrics worth naming: non-zero across the units, the audience first, then money, then the rest. */
function namedMetrics(f: BulletinFacts, max: number): MetricFact[] {
  const total = (m: MetricFact) => f.units.some((u) => isNonZero(u.metricTotals[m.key]));
  const rank = (m: MetricFact) => (m.key === ZH_CN.metrics.audienceKey ? 0 : m.kind === 'MONEY' ? 1 : 2);
  return f.metrics
    .map((m, i) => ({ m, i }))
    .filter((x) => total(x.m))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
    .slice(0, max)
    .map((x) => x.m);
}

function unitsFigure(ctx: Ctx, name: string, rows: BulletinUnitRow[], filter: Partial<FigureFilter>): FigureSpec {
  return {
    name,
    text: countText(rows.length, B.unitMeasure),
    value: String(rows.length),
    source: source(ctx.base, 'units', { participating: true, ...filter }, { unitIds: sample(rows.map((u) => u.id)) }),
  };
}

function eventsFigure(ctx: Ctx, name: string, rows: BulletinUnitRow[], extra: Partial<FigureFilter> = {}): FigureSpec {
  const n = rows.reduce((a, u) => a + u.eventCount, 0);
  return {
    name,
    text: countText(n, ZH_CN.publicity.eventMeasure),
    value: String(n),
    source: source(ctx.base, 'events', extra, { eventIds: sample(rows.flatMap((u) => u.eventIds)) }),
  };
}

function metricSpec(
  ctx: Ctx,
  m: MetricFact,
  rows: BulletinUnitRow[],
  name: string,
  extra: Partial<FigureFilter> = {},
): FigureSpec {
  const value = sumDecimals(rows.map((u) => u.metricTotals[m.key]));
  return {
    name,
    text: formatMetricValue(m, value),
    value,
    metric: m.key,
    source: source(
      ctx.base,
      'events',
      { ...extra, metric: m.key },
      { eventIds: sample(rows.filter((u) => isNonZero(u.metricTotals[m.key])).flatMap((u) => u.eventIds)) },
    ),
  };
}

function taskSpec(
  ctx: Ctx,
  name: string,
  n: number,
  extra: Partial<FigureFilter>,
  rows: BulletinUnitRow[],
): FigureSpec {
  return {
    name,
    text: countText(n, B.taskMeasure),
    value: String(n),
    source: source(ctx.base, 'tasks', { leafTasks: true, ...extra }, { unitIds: sample(rows.map((u) => u.id)) }),
  };
}

function opening(ctx: Ctx): Paragraph {
  const { campaign } = ctx.f;
  const tb = new TextBuilder('opening');
  const activity = activityName(campaign.title);
  const start = formatChineseDate(campaign.startsOn);
  const directiveTitle = clause(campaign.directiveTitle ?? '').replace(/^《|》$/g, '');
  const number = clause(campaign.directiveNumber ?? '').replace(/^[（(]|[）)]$/g, '');
  if (directiveTitle) {
    tb.fill(B.openingDirective, {
      directiveTitle,
      directiveNumber: number ? fillText(ZH_CN.opening.directiveNumber, { number }) : '',
      activity,
      start,
    });
  } else tb.fill(B.openingPlain, { activity, start });
  return tb.fill(B.openingBody, { asOf: formatChineseDateFull(ctx.f.asOf) }).build();
}

/** 一、总体进展: one paragraph of totals, then the table by unit. */
function progress(ctx: Ctx): { paragraphs: Paragraph[]; table?: Table } {
  const units = ctx.f.units;
  const tb = new TextBuilder('progress.totals').fill(B.asOfLead, { asOf: ctx.asOfShort });
  if (units.length === 0) return { paragraphs: [tb.add(B.participantsNone).build()] };
  tb.fill(B.participants, { n: unitsFigure(ctx, 'participants', units, {}) });
  const withGroup = units.filter((u) => u.leadingGroupSet);
  if (withGroup.length === units.length) tb.add(B.groupsAll);
  else if (withGroup.length === 0) tb.add(B.groupsNone);
  else tb.fill(B.groupsSome, { n: unitsFigure(ctx, 'withGroup', withGroup, { leadingGroupSet: true }) });
  const events = units.reduce((a, u) => a + u.eventCount, 0);
  if (events === 0) tb.add(B.eventsNone);
  else {
    tb.fill(B.events, { n: eventsFigure(ctx, 'events', units) });
    // in the campaign's order, as the summaries' 成效 list them
    for (const m of ctx.f.metrics.filter((m) => units.some((u) => isNonZero(u.metricTotals[m.key])))) {
      tb.add(ZH_CN.punctuation.comma + metricLeadFor(ctx.f.issuer.kind, m));
      tb.fig(metricSpec(ctx, m, units, `metric:${m.key}`));
    }
  }
  const total = units.reduce((a, u) => a + u.tasksTotal, 0);
  if (total > 0) {
    const done = units.reduce((a, u) => a + u.tasksDone, 0);
    const overdue = units.reduce((a, u) => a + u.tasksOverdue, 0);
    tb.fill(B.tasks, {
      n: taskSpec(ctx, 'tasks', total, {}, units),
      done: taskSpec(ctx, 'tasksDone', done, { taskStatus: 'DONE' }, units),
    });
    if (overdue > 0)
      tb.fill(B.tasksOverdue, {
        n: taskSpec(
          ctx,
          'tasksOverdue',
          overdue,
          { taskTiming: 'OVERDUE' },
          units.filter((u) => u.tasksOverdue > 0),
        ),
      });
  }
  const handedIn = units.filter((u) => u.handedIn);
  if (handedIn.length > 0)
    tb.fill(B.handedIn, { n: unitsFigure(ctx, 'handedIn', handedIn, { summaryStatus: 'HANDED_IN', handedIn: true }) });
  else if (ctx.f.asOf >= ctx.f.campaign.endsOn) tb.add(B.handedInNone);
  const paragraphs = [tb.add(B.end).build(), new TextBuilder('progress.table.intro').add(B.tableIntro).build()];
  return { paragraphs, table: unitTable(ctx) };
}

function unitTable(ctx: Ctx): Table {
  const metrics = namedMetrics(ctx.f, MAX_METRIC_COLUMNS);
  const cell = (
    u: BulletinUnitRow,
    name: string,
    text: string,
    value: string,
    extra: Partial<FigureFilter>,
    kind: 'events' | 'tasks' = 'events',
  ): TableCell => ({
    text,
    figure: {
      id: `progress.table.${u.id}.${name}`,
      text,
      value,
      ...(extra.metric ? { metric: extra.metric } : {}),
      start: 0,
      end: text.length,
      source: { kind, filter: { ...ctx.base, organizationId: u.id, subtree: false, ...extra } },
    },
  });
  const header = (m: MetricFact) =>
    fillText(ZH_CN.units.metricColumn, { label: metricLabel(m) ?? metricFallback(m, 'header'), unit: m.unit });
  return {
    key: 'progress.table',
    columns: [
      B.columns.index,
      B.columns.unit,
      B.columns.group,
      B.columns.events,
      ...metrics.map(header),
      B.columns.tasks,
      B.columns.summary,
    ],
    // four-character headers (任务完成, 活动总结) stay on one line at 10.5 pt
    widths: [6, 24, 12, 9, ...metrics.map(() => 13), 12, 12],
    align: ['center', 'left', 'center', 'right', ...metrics.map(() => 'right' as const), 'center', 'center'],
    rows: ctx.f.units.map((u, i) => [
      { text: String(i + 1) },
      { text: u.name },
      { text: u.leadingGroupSet ? B.groupYes : B.groupNo },
      cell(u, 'events', formatCount(u.eventCount), String(u.eventCount), {}),
      ...metrics.map((m) => {
        const value = u.metricTotals[m.key] ?? '0';
        return cell(u, m.key, formatCount(value), value, { metric: m.key });
      }),
      cell(
        u,
        'tasks',
        fillText(B.tasksCell, { done: formatCount(u.tasksDone), total: formatCount(u.tasksTotal) }),
        String(u.tasksDone),
        { leafTasks: true, taskStatus: 'DONE' },
        'tasks',
      ),
      { text: u.handedIn ? B.summaryYes : B.summaryNo },
    ]),
  };
}

/** Units ranked by events, then by the first named metric, then by tasks done; ties by tree order. */
export function rankUnits(f: BulletinFacts): BulletinUnitRow[] {
  const first = namedMetrics(f, 1)[0];
  const value = (u: BulletinUnitRow) => (first ? Number(u.metricTotals[first.key] ?? 0) : 0);
  return f.units
    .map((u, i) => ({ u, i }))
    .filter((x) => x.u.eventCount > 0)
    .sort(
      (a, b) =>
        b.u.eventCount - a.u.eventCount || value(b.u) - value(a.u) || b.u.tasksDone - a.u.tasksDone || a.i - b.i,
    )
    .map((x) => x.u);
}

/** 二、工作开展较好的单位: the units with the most events, each with its figures. */
function leaders(ctx: Ctx): Paragraph[] {
  const ranked = rankUnits(ctx.f);
  if (ranked.length === 0)
    return [new TextBuilder('leaders.none').fill(B.leadersNone, { asOf: ctx.asOfShort }).build()];
  // the better part, not everyone: at most five, and no more than half of the units when several took part
  const limit = Math.min(MAX_LEADERS, Math.max(1, Math.ceil(ctx.f.units.length / 2)));
  const top = ranked.slice(0, limit);
  const metrics = namedMetrics(ctx.f, MAX_METRICS_PER_UNIT);
  const out = [new TextBuilder('leaders.intro').fill(B.leadersIntro, { asOf: ctx.asOfShort }).build()];
  top.forEach((u, i) => {
    const tb = new TextBuilder(`leaders.unit:${u.id}`).add(`${i + 1}.`);
    const own = { organizationId: u.id, subtree: false };
    tb.fill(B.leaderLine, { unit: u.name, n: eventsFigure(ctx, 'events', [u], own) });
    for (const m of metrics) {
      if (!isNonZero(u.metricTotals[m.key])) continue;
      tb.add(ZH_CN.punctuation.comma + metricLeadFor(ctx.f.issuer.kind, m));
      tb.fig(metricSpec(ctx, m, [u], `metric:${m.key}`, own));
    }
    if (u.tasksDone > 0)
      tb.fill(B.leaderTasks, { n: taskSpec(ctx, 'tasksDone', u.tasksDone, { ...own, taskStatus: 'DONE' }, [u]) });
    out.push(tb.add(B.end).build());
  });
  return out;
}

function named(ctx: Ctx, rows: BulletinUnitRow[], name: string, filter: Partial<FigureFilter>) {
  const shown = rows.slice(0, MAX_NAMED);
  return {
    names: joinList(shown.map((u) => u.name)),
    more: rows.length > shown.length ? B.namesMore : B.namesAll,
    n: unitsFigure(ctx, name, rows, filter),
  };
}

/** 三、存在的问题: units without a leading group, without any event, with overdue tasks — named and counted. */
function problems(ctx: Ctx): Paragraph[] {
  const units = ctx.f.units;
  const items: ((tb: TextBuilder) => void)[] = [];
  const noGroup = units.filter((u) => !u.leadingGroupSet);
  const noEvents = units.filter((u) => u.eventCount === 0);
  const overdue = units.filter((u) => u.tasksOverdue > 0);
  const one = (u: BulletinUnitRow, name: string, filter: Partial<FigureFilter>): FigureSpec => ({
    name,
    text: u.name,
    value: '1',
    source: source(ctx.base, 'units', { participating: true, ...filter }, { unitIds: [u.id] }),
  });
  if (noGroup.length === 1)
    items.push((tb) => tb.fill(B.problemNoGroupOne, { name: one(noGroup[0]!, 'noGroup', { leadingGroupSet: false }) }));
  else if (noGroup.length > 1)
    items.push((tb) => tb.fill(B.problemNoGroup, named(ctx, noGroup, 'noGroup', { leadingGroupSet: false })));
  if (noEvents.length === 1)
    items.push((tb) => tb.fill(B.problemNoEventsOne, { name: one(noEvents[0]!, 'noEvents', { hasEvents: false }) }));
  else if (noEvents.length > 1)
    items.push((tb) => tb.fill(B.problemNoEvents, named(ctx, noEvents, 'noEvents', { hasEvents: false })));
  if (overdue.length > 0) {
    const shown = overdue.slice(0, MAX_NAMED);
    const k = overdue.reduce((a, u) => a + u.tasksOverdue, 0);
    items.push((tb) => {
      const lead = overdue.length === 1 ? B.problemOverdueOne : B.problemOverdue;
      const [before, after] = lead.split('{list}') as [string, string];
      tb.add(before);
      shown.forEach((u, i) => {
        if (i > 0) tb.add(ZH_CN.punctuation.listSep);
        const [name, rest] = B.overdueOfUnit.split('{n}') as [string, string];
        tb.add(fillText(name, { unit: u.name }));
        tb.fig(
          taskSpec(
            ctx,
            `overdue:${u.id}`,
            u.tasksOverdue,
            { organizationId: u.id, subtree: false, taskTiming: 'OVERDUE' },
            [u],
          ),
        );
        tb.add(rest);
      });
      tb.fill(after, {
        more: overdue.length > shown.length ? B.namesMore : B.namesAll,
        n: unitsFigure(ctx, 'overdueUnits', overdue, { overdueTasks: true }),
        k: taskSpec(ctx, 'overdueTasks', k, { taskTiming: 'OVERDUE' }, overdue),
      });
    });
  }
  if (items.length === 0) {
    const text = units.length === 0 ? null : fillText(B.problemsNone, { asOf: ctx.asOfShort });
    return text ? [new TextBuilder('problems.none').add(text).build()] : [];
  }
  return items.map((write, i) => {
    const tb = new TextBuilder(`problems.${i + 1}`).add(items.length > 1 ? enumerationPrefix(i) : '');
    write(tb);
    return tb.add(B.end).build();
  });
}

/** 四、下一步工作要求: the standard requirements, those about gaps only when there are gaps. */
function requirements(ctx: Ctx): Paragraph[] {
  const units = ctx.f.units;
  const R = B.requirements;
  const texts: string[] = [R.deepen];
  if (units.some((u) => !u.leadingGroupSet || u.eventCount === 0)) texts.push(R.catchUp);
  if (units.some((u) => u.tasksOverdue > 0)) texts.push(R.overdue);
  texts.push(
    ctx.f.asOf <= ctx.f.campaign.reportDueOn
      ? fillText(R.report, { due: formatChineseDate(ctx.f.campaign.reportDueOn) })
      : R.reportLate,
  );
  return texts.map((text, i) => new TextBuilder(`requirements.${i + 1}`).add(enumerationPrefix(i) + text).build());
}

/** The 情况通报 of a campaign as of `facts.asOf`, for the issuer's subtree. */
export function writeBulletin(facts: BulletinFacts): SummaryDocument {
  const ctx: Ctx = {
    f: facts,
    base: { campaignId: facts.campaign.id, organizationId: facts.issuer.id, subtree: true, asOf: facts.asOf },
    asOfShort: formatChineseDate(facts.asOf),
  };
  const p = progress(ctx);
  const drafts: { key: SectionKey; paragraphs: Paragraph[]; table?: Table }[] = [
    { key: 'progress', paragraphs: p.paragraphs, ...(p.table && p.table.rows.length > 0 ? { table: p.table } : {}) },
    { key: 'leaders', paragraphs: leaders(ctx) },
    { key: 'problems', paragraphs: problems(ctx) },
    { key: 'requirements', paragraphs: requirements(ctx) },
  ];
  const sections: Section[] = drafts
    .filter((d) => d.paragraphs.length > 0)
    .map((d, i) => ({
      key: d.key,
      number: i + 1,
      heading: fillText(ZH_CN.headings.levelOne, {
        numeral: toChineseNumeral(i + 1),
        title: B.headings[d.key as keyof typeof B.headings],
      }),
      paragraphs: d.paragraphs,
      ...(d.table ? { table: d.table } : {}),
    }));
  return {
    format: 1,
    scope: 'BULLETIN',
    campaignId: facts.campaign.id,
    organizationId: facts.issuer.id,
    title: fillText(B.title, { activity: activityName(facts.campaign.title) }),
    opening: opening(ctx),
    sections,
    signature: { unit: facts.issuer.name, date: formatChineseDateFull(facts.asOf), isoDate: facts.asOf },
  };
}
