// 三、多措并举，广泛宣传 — events by type with their figures, then two or three concrete examples.
// A type without events is never mentioned; neither is an example of such a type.
import { EVENT_TYPE_LABELS, EVENT_TYPES, type EventType } from '@campaign-month/contracts';
import type { ChartKey, Paragraph } from '../document.js';
import type { ExampleFact, TypeFact } from '../facts.js';
import { enumerationPrefix, formatChineseDate, joinList } from '../format/chinese.js';
import { isNonZero } from '../format/numbers.js';
import { type EventTypePhrase, fillText, ZH_CN } from '../phrases.zh-CN.js';
import {
  clause,
  countText,
  metricFigure,
  metricLead,
  narrativeParagraph,
  prompts,
  type SectionDraft,
  type WriteContext,
} from './context.js';
import { type FigureSpec, sample, source, TextBuilder } from './text-builder.js';

const P = ZH_CN.publicity;
const MAX_LOCATIONS = 3;
const MAX_LOCATION_LENGTH = 15;
const MAX_EXAMPLES = 3;
const MAX_DESCRIPTION = 100;

/** Types with events, most events first (ties in the order of EVENT_TYPES). */
export function activeTypes(byType: TypeFact[]): TypeFact[] {
  return byType
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || EVENT_TYPES.indexOf(a.type) - EVENT_TYPES.indexOf(b.type));
}

/** A location as a place name: 在社区广场 → 社区广场 (the phrase puts 在 in front itself). */
function place(location: string | null | undefined): string {
  return clause(location ?? '').replace(/^在/, '');
}

function wherePrefix(phrase: EventTypePhrase, t: TypeFact): string {
  if (!phrase.where) return '';
  const all = [...new Set((t.locations ?? []).map(place).filter((l) => l !== ''))];
  const shown = all.filter((l) => l.length <= MAX_LOCATION_LENGTH).slice(0, MAX_LOCATIONS);
  if (shown.length === 0) return '';
  const more = all.length > shown.length;
  const template =
    phrase.where === 'channel' ? (more ? P.whereChannelMore : P.whereChannel) : more ? P.wherePlaceMore : P.wherePlace;
  return fillText(template, { list: joinList(shown) });
}

function typeClause(ctx: WriteContext, tb: TextBuilder, t: TypeFact): void {
  const phrase: EventTypePhrase = ZH_CN.eventTypes[t.type];
  const ids = sample(t.eventIds);
  const n: FigureSpec = {
    name: `${t.type}.count`,
    text: countText(t.count, phrase.measure),
    value: String(t.count),
    eventType: t.type,
    source: source(ctx.base, 'events', { eventType: t.type }, { eventIds: ids }),
  };
  const primary = phrase.primaryMetric ? ctx.metrics.get(phrase.primaryMetric) : undefined;
  const usePrimary = primary !== undefined && phrase.withMetric !== undefined && isNonZero(t.metricSums[primary.key]);
  const where = wherePrefix(phrase, t);
  if (usePrimary) {
    const m = metricFigure(
      ctx,
      primary,
      t.metricSums[primary.key],
      `${t.type}.${primary.key}`,
      { eventType: t.type },
      ids,
    );
    tb.fill(phrase.withMetric as string, { where, n, m });
  } else {
    tb.fill(phrase.text, { where, n });
  }
  for (const metric of ctx.facts.metrics) {
    if (usePrimary && metric.key === primary.key) continue;
    const value = t.metricSums[metric.key];
    if (!isNonZero(value)) continue;
    tb.add(ZH_CN.punctuation.comma + metricLead(ctx, metric, true));
    tb.fig(metricFigure(ctx, metric, value, `${t.type}.${metric.key}`, { eventType: t.type }, ids));
  }
}

function overview(ctx: WriteContext, types: TypeFact[]): Paragraph {
  const f = ctx.facts;
  const labels = types.slice(0, 6).map((t) => EVENT_TYPE_LABELS[t.type]);
  const n: FigureSpec = {
    name: 'events',
    text: countText(f.eventCount, P.eventMeasure),
    value: String(f.eventCount),
    source: source(ctx.base, 'events', {}, { eventIds: sample(types.flatMap((t) => t.eventIds)) }),
  };
  const tb = new TextBuilder('publicity.overview');
  if (types.length === 1) {
    tb.fill(ctx.rollup ? P.rollupOverviewOne : P.overviewOne, { unit: f.unit.name, label: labels[0], n });
  } else {
    tb.fill(ctx.rollup ? P.rollupOverviewMany : P.overviewMany, {
      unit: f.unit.name,
      labels: joinList(labels),
      k: {
        name: 'types',
        text: String(types.length),
        value: String(types.length),
        source: n.source,
      },
      n,
    });
  }
  return tb.build();
}

function description(text: string | null | undefined): string {
  const cleaned = clause(text ?? '');
  if (cleaned === '') return '';
  const firstSentence = cleaned.split(/[。！？；!?;]/u)[0];
  if (firstSentence.length <= MAX_DESCRIPTION) return firstSentence;
  const cut = firstSentence.lastIndexOf('，', MAX_DESCRIPTION);
  return clause(cut > 20 ? firstSentence.slice(0, cut) : safeCut(firstSentence, MAX_DESCRIPTION));
}

/** The first `max` characters, shortened so as not to split a number or a Latin word (3,000 → not 3,0). */
function safeCut(text: string, max: number): string {
  const inWord = /[0-9A-Za-z.,%]/;
  let end = max;
  while (end > 0 && inWord.test(text[end - 1]!) && inWord.test(text[end] ?? '')) end--;
  return text.slice(0, end > 0 ? end : max);
}

/** Two or three examples: substantive descriptions first, one per type where possible, by date. */
export function pickExamples(examples: ExampleFact[], types: Set<EventType>): ExampleFact[] {
  const ranked = examples
    .filter((e) => types.has(e.type) && clause(e.title) !== '')
    .map((e) => ({ e, weight: Math.min(description(e.description).length, 60) }))
    .sort(
      (a, b) =>
        b.weight - a.weight ||
        (a.e.occurredOn < b.e.occurredOn ? -1 : a.e.occurredOn > b.e.occurredOn ? 1 : 0) ||
        (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0),
    )
    .map((r) => r.e);
  const picked: ExampleFact[] = [];
  const seenTypes = new Set<EventType>();
  for (const e of ranked) {
    if (picked.length < MAX_EXAMPLES && !seenTypes.has(e.type)) {
      picked.push(e);
      seenTypes.add(e.type);
    }
  }
  for (const e of ranked) if (picked.length < MAX_EXAMPLES && !picked.includes(e)) picked.push(e);
  return picked.sort((a, b) =>
    a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id < b.id ? -1 : 1,
  );
}

function exampleAction(e: ExampleFact): string {
  const title = clause(e.title);
  const location = place(e.location);
  const where = location && !title.includes(location) ? fillText(P.exampleWhere, { location }) : '';
  let what = P.actionVerbs.some((v) => title.startsWith(v)) ? title : P.exampleDo + title;
  if (what.endsWith('”')) what += P.exampleActivity;
  return title.startsWith('在') ? what : where + what;
}

function examplesParagraph(ctx: WriteContext, picked: ExampleFact[]): Paragraph {
  const tb = new TextBuilder('publicity.examples').add(P.examplesIntro);
  picked.forEach((e, i) => {
    if (i > 0) tb.add(ZH_CN.punctuation.semicolon);
    const date: FigureSpec = {
      name: `example:${e.id}.date`,
      text: formatChineseDate(e.occurredOn),
      value: e.occurredOn,
      eventType: e.type,
      source: source(ctx.base, 'events', { eventType: e.type, occurredOn: e.occurredOn }, { eventIds: [e.id] }),
    };
    const desc = description(e.description);
    const unit = clause(e.unitName ?? '');
    if (ctx.rollup && unit) {
      tb.fill(P.rollupExample, { unit, date, what: exampleAction(e) });
      if (desc !== '') tb.add(ZH_CN.punctuation.comma + desc);
    } else {
      tb.fill(P.example, { date, what: desc !== '' ? desc : exampleAction(e) });
    }
  });
  return tb.add(ZH_CN.punctuation.period).build();
}

/** 三、多措并举，广泛宣传. */
export function publicitySection(ctx: WriteContext): SectionDraft {
  const types = activeTypes(ctx.facts.byType);
  const paragraphs: Paragraph[] = [];
  const charts: ChartKey[] = [];
  if (types.length > 0 && ctx.facts.eventCount > 0) {
    paragraphs.push(overview(ctx, types));
    const tb = new TextBuilder('publicity.types');
    types.forEach((t, i) => {
      if (i > 0) tb.add(ZH_CN.punctuation.semicolon);
      if (types.length > 1) tb.add(enumerationPrefix(i));
      typeClause(ctx, tb, t);
    });
    paragraphs.push(tb.add(ZH_CN.punctuation.period).build());
    const picked = pickExamples(ctx.facts.examples, new Set(types.map((t) => t.type)));
    if (picked.length > 0) paragraphs.push(examplesParagraph(ctx, picked));
    if (types.length > 1) charts.push('byType');
    if (ctx.facts.byDay.filter((d) => d.count > 0).length > 1) charts.push('byDay');
  }
  const extra = narrativeParagraph(ctx, 'publicity.extra', paragraphs.length > 0 ? undefined : prompts(ctx).publicity);
  if (extra) paragraphs.push(extra);
  return { key: 'publicity', praise: types.length > 1, paragraphs, ...(charts.length > 0 ? { charts } : {}) };
}
