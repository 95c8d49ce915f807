// The appendix 附件：活动图片. Which photos (decision 038): the ones the unit chose (入选总结, at most nine), in
// the order of their events' days; a roll-up takes at most one per unit (its earliest), nine in all, by day.
// When none was chosen, the first photo of each example event the text quotes (典型做法). Captions give the day,
// the place and the event.
import type { PhotoAppendix, SummaryDocument } from '../document.js';
import type { PhotoFact } from '../facts.js';
import { formatChineseDate } from '../format/chinese.js';
import { fillText, ZH_CN } from '../phrases.zh-CN.js';
import { clause } from './context.js';

export const MAX_APPENDIX_PHOTOS = 9;
const PH = ZH_CN.photos;

/** Ids of the events the document quotes as examples (典型做法), in the order it quotes them. */
export function exampleEventIds(doc: SummaryDocument): string[] {
  const examples = doc.sections.flatMap((s) => s.paragraphs).find((p) => p.key === 'publicity.examples');
  if (!examples) return [];
  return [
    ...new Set(
      examples.figures
        .filter((f) => /\.example:[^.]+\.date$/.test(f.id))
        .map((f) => f.source.eventIds?.[0])
        .filter((id): id is string => typeof id === 'string'),
    ),
  ];
}

/**
 * The photos for the appendix: the chosen ones (a roll-up: the first of each unit), else `exampleFirst` (the first
 * photo of each quoted example event); at most nine. Inputs come ordered (by day, then by when chosen).
 */
export function pickAppendixPhotos(
  chosen: PhotoFact[],
  exampleFirst: PhotoFact[],
  scope: SummaryDocument['scope'],
): PhotoFact[] {
  if (chosen.length === 0) return exampleFirst.slice(0, MAX_APPENDIX_PHOTOS);
  if (scope !== 'ROLLUP') return chosen.slice(0, MAX_APPENDIX_PHOTOS);
  const seen = new Set<string>();
  const out: PhotoFact[] = [];
  for (const p of chosen) {
    if (seen.has(p.unitId)) continue;
    seen.add(p.unitId);
    out.push(p);
    if (out.length >= MAX_APPENDIX_PHOTOS) break;
  }
  return out;
}

/** 照片1  11月6日，营业大厅，民警驻点劝阻冒充客服诈骗 (a roll-up names the unit first). */
export function photoCaption(p: PhotoFact, n: number, scope: SummaryDocument['scope']): string {
  const title = clause(p.eventTitle);
  const location = clause(p.location ?? '').replace(/^在/, '');
  const where = location && !title.includes(location) ? fillText(PH.where, { location }) : '';
  const date = formatChineseDate(p.occurredOn);
  const unit = clause(p.unitName ?? '');
  const text =
    scope === 'ROLLUP' && unit
      ? fillText(PH.rollupCaptionText, { unit, date, where, title })
      : fillText(PH.captionText, { date, where, title });
  return fillText(PH.caption, { n, text });
}

/** The document with its appendix of photos (unchanged when there are none). */
export function withPhotoAppendix(doc: SummaryDocument, photos: PhotoFact[]): SummaryDocument {
  if (photos.length === 0) {
    const { appendix: _none, ...rest } = doc;
    return rest;
  }
  const appendix: PhotoAppendix = {
    note: fillText(PH.note, { title: PH.title }),
    label: PH.label,
    title: PH.title,
    photos: photos.map((p, i) => ({ photoId: p.id, eventId: p.eventId, caption: photoCaption(p, i + 1, doc.scope) })),
  };
  return { ...doc, appendix };
}
