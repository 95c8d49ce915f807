// What changed between the version a reviewer returned and the one resubmitted: the unit's paragraphs (its
// own words) and the computed figures, each named by where it stands in the document.
import type { FigureView, ParagraphView, SummaryDocumentView } from '../../../api/types.js';

export interface ParagraphChange {
  key: string;
  /** The section's heading (一、…), or '' for the opening. */
  section: string;
  before: string | null;
  after: string | null;
}

export interface FigureChange {
  id: string;
  section: string;
  /** The words before the figure in its sentence, e.g. 发放宣传单. */
  context: string;
  before: string | null;
  after: string | null;
}

type Placed = { p: ParagraphView; section: string };

function paragraphs(doc: SummaryDocumentView): Placed[] {
  return [
    { p: doc.opening, section: '' },
    ...(doc.openingExtra ? [{ p: doc.openingExtra, section: '' }] : []),
    ...doc.sections.flatMap((s) => s.paragraphs.map((p) => ({ p, section: s.heading }))),
  ];
}

/** The text of the sentence before a figure, back to the previous punctuation (at most 16 characters). */
function contextOf(p: ParagraphView, f: FigureView): string {
  const before = p.text.slice(Math.max(0, f.start - 16), f.start);
  return (
    before
      .split(/[，。；：、,;:\n]/)
      .pop()
      ?.trim() ?? ''
  );
}

function figures(doc: SummaryDocumentView): Map<string, { f: FigureView; section: string; context: string }> {
  const out = new Map<string, { f: FigureView; section: string; context: string }>();
  for (const { p, section } of paragraphs(doc))
    for (const f of p.figures ?? []) out.set(f.id, { f, section, context: contextOf(p, f) });
  return out;
}

const written = (p: ParagraphView | undefined) => (p && !p.needsInput ? p.text : null);

export function summaryChanges(
  before: SummaryDocumentView,
  after: SummaryDocumentView,
): { paragraphs: ParagraphChange[]; figures: FigureChange[] } {
  const old = new Map(paragraphs(before).map((x) => [x.p.key, x]));
  const now = paragraphs(after);
  const keys = [...new Set([...now.map((x) => x.p.key), ...old.keys()])];
  const nowByKey = new Map(now.map((x) => [x.p.key, x]));
  const paragraphChanges: ParagraphChange[] = [];
  for (const key of keys) {
    const a = old.get(key);
    const b = nowByKey.get(key);
    // the unit's own words; a computed paragraph changes with its figures, listed below
    if (!(a?.p.editable || b?.p.editable)) continue;
    const was = written(a?.p);
    const is = written(b?.p);
    if (was !== is) paragraphChanges.push({ key, section: (b ?? a)!.section, before: was, after: is });
  }
  const oldFigures = figures(before);
  const newFigures = figures(after);
  const figureChanges: FigureChange[] = [];
  for (const id of new Set([...newFigures.keys(), ...oldFigures.keys()])) {
    const a = oldFigures.get(id);
    const b = newFigures.get(id);
    if (a?.f.text === b?.f.text) continue;
    const at = (b ?? a)!;
    figureChanges.push({
      id,
      section: at.section,
      context: at.context,
      before: a?.f.text ?? null,
      after: b?.f.text ?? null,
    });
  }
  return { paragraphs: paragraphChanges, figures: figureChanges };
}
