import type { TFunction } from 'i18next';
import { ApiError } from '../../api/errors.js';
import type { ParagraphView, SummaryDocumentView, SummaryView } from '../../api/types.js';

/** Every paragraph of the document, the opening's supplement included. */
function paragraphs(doc: SummaryDocumentView): ParagraphView[] {
  return [doc.opening, ...(doc.openingExtra ? [doc.openingExtra] : []), ...doc.sections.flatMap((s) => s.paragraphs)];
}

/**
 * The paragraphs the unit still has to write before it may submit (the API answers 422 until none is
 * left): those the API lists as needsInput — or, from an API that does not list them, those the document
 * marks — less those with text in the narrative or in the unsaved draft.
 */
export function paragraphsToWrite(s: SummaryView | null | undefined, draft: Record<string, string> = {}): string[] {
  if (!s) return [];
  const listed =
    s.needsInput ??
    (s.document
      ? paragraphs(s.document)
          .filter((p) => p.needsInput)
          .map((p) => p.key)
      : []);
  return [...new Set(listed)].filter((key) => !(draft[key] ?? s.narrative[key] ?? '').trim());
}

/**
 * Where a paragraph is, as the document names it: the heading of its section (shortcomings → 存在不足及
 * 下一步打算), the opening's supplement by its label, anything else by its label or a generic name.
 */
export function paragraphPlace(key: string, doc: SummaryDocumentView | null | undefined, t: TFunction): string {
  const section =
    doc?.sections.find((s) => s.paragraphs.some((p) => p.key === key)) ??
    doc?.sections.find((s) => s.key === key || key.startsWith(`${s.key}.`));
  if (section) return section.heading;
  return t(`narrative.${key}`, { defaultValue: t('narrative.generic') });
}

/** The paragraphs a 422 on submit names (details: { paragraphs: [keys] }). */
export function refusedParagraphs(err: unknown): string[] {
  if (!(err instanceof ApiError) || err.status !== 422) return [];
  const details = (err.body as { details?: { paragraphs?: unknown } } | null)?.details;
  return Array.isArray(details?.paragraphs) ? details.paragraphs.filter((k): k is string => typeof k === 'string') : [];
}
