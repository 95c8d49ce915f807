// What every section writer shares: the facts, the base filter of figure sources, the narrative,
// and the small helpers that turn metrics and counts into figures.
import type { OrganizationKind } from '@campaign-month/contracts';
import type { ChartKey, FigureFilter, Paragraph, SectionKey, Table } from '../document.js';
import type { MetricFact, RollupFacts, SummaryFacts } from '../facts.js';
import { fullWidthPunctuation } from '../format/chinese.js';
import { formatCount, formatMetricValue } from '../format/numbers.js';
import { ZH_CN } from '../phrases.zh-CN.js';
import { type FigureSpec, TextBuilder } from './text-builder.js';

export interface WriteContext {
  facts: SummaryFacts;
  /** The same facts when they are a roll-up, else null. */
  rollup: RollupFacts | null;
  /** Filter every figure source starts from. */
  base: FigureFilter;
  narrative: Readonly<Record<string, string>>;
  metrics: ReadonlyMap<string, MetricFact>;
}

/** A section before it is numbered. */
/** Sections of a summary (a bulletin has its own). */
export type SummarySectionKey = Exclude<SectionKey, 'progress' | 'leaders' | 'problems' | 'requirements'>;

export interface SectionDraft {
  key: SummarySectionKey;
  /** Whether the facts support the praising heading (领导重视，组织健全) or only the plain one. */
  praise: boolean;
  paragraphs: Paragraph[];
  table?: Table;
  charts?: ChartKey[];
}

export function createContext(facts: SummaryFacts, narrative: Readonly<Record<string, string>> = {}): WriteContext {
  const rollup = facts.kind === 'ROLLUP' ? facts : null;
  return {
    facts,
    rollup,
    base: { campaignId: facts.campaign.id, organizationId: facts.unit.id, subtree: rollup !== null },
    narrative,
    metrics: new Map(facts.metrics.map((m) => [m.key, m])),
  };
}

/** The unit's own text for a narrative key, if it wrote any. */
export function narrativeText(ctx: WriteContext, key: string): string | null {
  const text = ctx.narrative[key];
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
}

/**
 * The editable paragraph of a narrative key: the unit's text when given, else the prompt (marked
 * needsInput) when there is one, else nothing.
 */
export function narrativeParagraph(ctx: WriteContext, key: string, prompt?: string): Paragraph | null {
  const text = narrativeText(ctx, key);
  if (text !== null) return new TextBuilder(key).add(text).build({ editable: true });
  if (prompt !== undefined) return new TextBuilder(key).add(prompt).build({ editable: true, needsInput: true });
  return null;
}

/**
 * A metric's label as the text can carry it: spaces and a trailing （unit） dropped, punctuation full-width, a
 * trailing unit cut (受众人次 → 受众); a label with no Chinese (an organizer typed the key) by its key when
 * known. Null when nothing readable is left (empty, only the unit, no Chinese).
 */
export function metricLabel(metric: MetricFact): string | null {
  let label = fullWidthPunctuation(metric.label.replace(/\s+/g, '')).replace(/[（(][^）)]*[）)]$/, '');
  if (metric.unit && label.endsWith(metric.unit)) label = label.slice(0, -metric.unit.length);
  if (!/\p{Script=Han}/u.test(label)) return ZH_CN.metrics.labelByKey[metric.key] ?? null;
  return label;
}

/** What introduces a metric whose label says nothing: 覆盖 (people), 涉及金额 (money), 累计. */
export function metricFallback(metric: MetricFact, use: 'lead' | 'header'): string {
  const words = use === 'lead' ? ZH_CN.metrics.fallbackLead : ZH_CN.metrics.fallbackHeader;
  if (metric.kind === 'MONEY') return words.money;
  return metric.unit.includes('人') ? words.people : words.default;
}

/** How a metric is introduced: 覆盖群众, 发放宣传单, 避免群众损失… */
export function metricLead(ctx: WriteContext, metric: MetricFact, ofOneType = false): string {
  return metricLeadFor(ctx.facts.unit.kind, metric, ofOneType);
}

/** metricLead for the people of a kind of unit (覆盖师生及家长 at a school). */
export function metricLeadFor(kind: OrganizationKind, metric: MetricFact, ofOneType = false): string {
  const phrases = ZH_CN.metrics;
  if (metric.key === phrases.audienceKey) {
    if (ofOneType) return phrases.audienceOfType[kind] ?? phrases.audienceOfType.default;
    return phrases.audience[kind] ?? phrases.audience.default;
  }
  const byKey = phrases.byKey[metric.key];
  if (byKey) return byKey;
  return metricLabel(metric) ?? metricFallback(metric, 'lead');
}

/** The prompts of the document's kind: a roll-up speaks for the area and its units, not 本单位. */
export function prompts(ctx: WriteContext): Record<keyof (typeof ZH_CN)['prompts'], string> {
  return ctx.rollup ? ZH_CN.rollupPrompts : ZH_CN.prompts;
}

/** A metric's value as a figure, e.g. 3,000份 or 80余万元. */
export function metricFigure(
  ctx: WriteContext,
  metric: MetricFact,
  value: string,
  name: string,
  filter: Partial<FigureFilter>,
  eventIds: string[],
): FigureSpec {
  return {
    name,
    text: formatMetricValue(metric, value),
    value,
    metric: metric.key,
    ...(filter.eventType ? { eventType: filter.eventType } : {}),
    source: { kind: 'events', filter: { ...ctx.base, ...filter, metric: metric.key }, eventIds },
  };
}

/** A count with its measure word, e.g. 3次, 12项. */
export function countText(n: number, measure: string): string {
  return `${formatCount(n)}${measure}`;
}

/** A unit's or person's display name: title + name (校长张华). */
export function personName(member: { name: string; title?: string | null }): string {
  return `${member.title?.trim() ?? ''}${member.name.trim()}`;
}

/** Removes trailing punctuation so a clause can be embedded in a sentence. */
export function clause(text: string): string {
  return fullWidthPunctuation(text)
    .replace(/\s*\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。；，、,.;:：！!]+$/u, '');
}
