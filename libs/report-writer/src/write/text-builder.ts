// Builds a paragraph's text piece by piece and records where each computed figure sits in it.
import type { EventType } from '@campaign-month/contracts';
import type { Figure, FigureFilter, FigureSource, Paragraph } from '../document.js';

export const SAMPLE_LIMIT = 20;

/** A figure before it is placed: `name` becomes the last part of its id. */
export interface FigureSpec {
  name: string;
  text: string;
  value: string;
  metric?: string;
  eventType?: EventType;
  source: FigureSource;
}

export type Slot = string | FigureSpec;

export class TextBuilder {
  private text = '';
  private readonly figures: Figure[] = [];
  private readonly ids = new Set<string>();

  constructor(readonly key: string) {}

  get length(): number {
    return this.text.length;
  }

  add(piece: string): this {
    this.text += piece;
    return this;
  }

  fig(spec: FigureSpec): this {
    let id = `${this.key}.${spec.name}`;
    for (let n = 2; this.ids.has(id); n++) id = `${this.key}.${spec.name}#${n}`;
    this.ids.add(id);
    const start = this.text.length;
    this.text += spec.text;
    const figure: Figure = {
      id,
      text: spec.text,
      value: spec.value,
      start,
      end: this.text.length,
      source: spec.source,
    };
    if (spec.metric !== undefined) figure.metric = spec.metric;
    if (spec.eventType !== undefined) figure.eventType = spec.eventType;
    this.figures.push(figure);
    return this;
  }

  /** Appends a template, putting each {slot}'s text or figure in its place. */
  fill(template: string, slots: Record<string, Slot>): this {
    const re = /\{(\w+)\}/g;
    let last = 0;
    for (let m = re.exec(template); m !== null; m = re.exec(template)) {
      this.add(template.slice(last, m.index));
      const slot = slots[m[1]];
      if (slot === undefined) this.add(m[0]);
      else if (typeof slot === 'string') this.add(slot);
      else this.fig(slot);
      last = m.index + m[0].length;
    }
    return this.add(template.slice(last));
  }

  build(options: { editable?: boolean; needsInput?: boolean; style?: Paragraph['style'] } = {}): Paragraph {
    const paragraph: Paragraph = {
      key: this.key,
      text: this.text,
      editable: options.editable ?? false,
      figures: this.figures,
    };
    if (options.needsInput) paragraph.needsInput = true;
    if (options.style && options.style !== 'body') paragraph.style = options.style;
    return paragraph;
  }
}

/** A sample of ids, at most SAMPLE_LIMIT, duplicates removed, order kept. */
export function sample(ids: Iterable<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    if (out.length >= SAMPLE_LIMIT) break;
  }
  return out;
}

/** A source with the base filter of the document and extra conditions. */
export function source(
  base: FigureFilter,
  kind: FigureSource['kind'],
  extra: Partial<FigureFilter> = {},
  ids: Omit<FigureSource, 'kind' | 'filter'> = {},
): FigureSource {
  return { kind, filter: { ...base, ...extra }, ...ids };
}
