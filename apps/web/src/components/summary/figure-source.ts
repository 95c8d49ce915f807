import type { TFunction } from 'i18next';
import type { FigureView } from '../../api/types.js';

type Translate = TFunction;

/** One sentence saying which logged rows a figure was counted from. */
export function describeFigureSource(f: FigureView, t: Translate): string {
  const filter = f.source.filter as Record<string, string | boolean | undefined>;
  const parts: string[] = [];
  if (filter.subtree) parts.push(t('figure.subtree'));
  if (filter.eventType) parts.push(t('figure.ofType', { type: t(`eventType.${filter.eventType}`) }));
  if (filter.occurredOn) parts.push(t('figure.onDay', { day: filter.occurredOn }));
  if (filter.metric)
    parts.push(t('figure.sumOf', { metric: t(`metric.${filter.metric}`, { defaultValue: String(filter.metric) }) }));
  if (filter.taskStatus) parts.push(t('figure.taskStatus', { status: t(`taskStatus.${filter.taskStatus}`) }));
  if (filter.taskTiming) parts.push(t(`figure.timing.${filter.taskTiming}`));
  if (filter.role) parts.push(t('figure.role', { role: t(`groupRole.${filter.role}`) }));
  if (filter.summaryStatus)
    parts.push(t('figure.summaryStatus', { status: t(`reportStatus.${filter.summaryStatus}`) }));
  if (filter.late) parts.push(t('figure.late'));
  const kind = t(`figure.kind.${f.source.kind}`);
  const sample =
    f.source.eventIds?.length ?? f.source.taskIds?.length ?? f.source.memberIds?.length ?? f.source.unitIds?.length;
  const base = parts.length
    ? t('figure.fromFiltered', { kind, filters: parts.join(t('figure.sep')) })
    : t('figure.from', { kind });
  if (!sample) return base;
  // The API lists at most 20 of the rows behind a figure.
  return `${base}${t(sample >= 20 ? 'figure.sampleMany' : 'figure.sample', { count: sample })}`;
}

/** Punctuation a Chinese line may not start with (避头点): it stays on the line of what it follows. */
const NO_LINE_START = /^[，。；：、！？）》」』”’…—%]+/;

export type TextRun =
  | { text: string; start: number }
  /** `tail`: the punctuation right after the figure, kept on its line. */
  | { text: string; start: number; figure: FigureView; tail: string };

/**
 * A paragraph's text cut into plain runs and figures (figures carry offsets into the text). The punctuation
 * that follows a figure is its tail, so that no line starts with the ，of “3,000份，覆盖…”.
 */
export function splitByFigures(text: string, figures: FigureView[]): TextRun[] {
  const sorted = [...figures]
    .filter((f) => f.start >= 0 && f.end <= text.length && f.end > f.start)
    .sort((a, b) => a.start - b.start);
  const out: TextRun[] = [];
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue;
    if (f.start > at) out.push({ text: text.slice(at, f.start), start: at });
    const next = sorted.find((g) => g.start >= f.end)?.start ?? text.length;
    const tail = NO_LINE_START.exec(text.slice(f.end, next))?.[0] ?? '';
    out.push({ text: text.slice(f.start, f.end), start: f.start, figure: f, tail });
    at = f.end + tail.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), start: at });
  return out;
}
