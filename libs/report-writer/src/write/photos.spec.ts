import sharp from 'sharp';
import type { PhotoFact } from '../facts.js';
import { bankFacts } from '../fixtures/bank.js';
import { rollupFacts } from '../fixtures/rollup.js';
import { renderDocx } from '../render/docx.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderPdf } from '../render/pdf.js';
import { exampleEventIds, photoCaption, pickAppendixPhotos, withPhotoAppendix } from './photos.js';
import { writeSummary } from './summary.js';

const photo = (id: string, unitId: string, day: string, extra: Partial<PhotoFact> = {}): PhotoFact => ({
  id,
  eventId: `ev-${id}`,
  eventTitle: '民警驻点劝阻冒充客服诈骗',
  occurredOn: day,
  location: '营业大厅',
  unitId,
  unitName: unitId === 'u1' ? '城关支行' : '东城支行',
  ...extra,
});

describe('the appendix 附件：活动图片', () => {
  it('takes the photos the unit chose, nine at most; a roll-up one per unit; else the examples’ first photos', () => {
    const chosen = Array.from({ length: 12 }, (_, i) => photo(`p${i}`, i % 2 ? 'u1' : 'u2', '2026-11-06'));
    const examples = [photo('x1', 'u1', '2026-11-03')];
    expect(pickAppendixPhotos(chosen, examples, 'UNIT').map((p) => p.id)).toEqual(chosen.slice(0, 9).map((p) => p.id));
    expect(pickAppendixPhotos(chosen, examples, 'ROLLUP').map((p) => p.id)).toEqual(['p0', 'p1']);
    expect(pickAppendixPhotos([], examples, 'UNIT').map((p) => p.id)).toEqual(['x1']);
    expect(pickAppendixPhotos([], [], 'UNIT')).toEqual([]);
  });

  it('captions each photo with the day in Chinese, the place and the event; a roll-up names the unit', () => {
    expect(photoCaption(photo('a', 'u1', '2026-11-06'), 1, 'UNIT')).toBe(
      '照片1  11月6日，营业大厅，民警驻点劝阻冒充客服诈骗',
    );
    expect(photoCaption(photo('a', 'u1', '2026-11-06', { location: null }), 2, 'UNIT')).toBe(
      '照片2  11月6日，民警驻点劝阻冒充客服诈骗',
    );
    expect(photoCaption(photo('a', 'u1', '2026-11-06'), 3, 'ROLLUP')).toBe(
      '照片3  城关支行，11月6日，营业大厅，民警驻点劝阻冒充客服诈骗',
    );
  });

  it('finds the events the text quotes as examples', () => {
    const doc = writeSummary(bankFacts);
    const quoted = exampleEventIds(doc);
    expect(quoted.length).toBeGreaterThan(0);
    for (const id of quoted) expect(bankFacts.examples.map((e) => e.id)).toContain(id);
    expect(exampleEventIds(writeSummary({ ...bankFacts, examples: [] }))).toEqual([]);
  });

  it('adds nothing without photos, and a note plus captions with them', () => {
    const doc = writeSummary(bankFacts);
    expect(withPhotoAppendix(doc, []).appendix).toBeUndefined();
    const withPhotos = withPhotoAppendix(doc, [photo('a', 'u1', '2026-11-06')]);
    expect(withPhotos.appendix).toMatchObject({
      note: '附件：活动图片',
      label: '附件',
      title: '活动图片',
      photos: [{ photoId: 'a', eventId: 'ev-a', caption: '照片1  11月6日，营业大厅，民警驻点劝阻冒充客服诈骗' }],
    });
    expect(withPhotos.sections).toBe(doc.sections);
  });

  describe('renderers', () => {
    let jpeg: Buffer;
    let other: Buffer;
    beforeAll(async () => {
      jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
        .jpeg()
        .toBuffer();
      other = await sharp({ create: { width: 48, height: 64, channels: 3, background: '#36c' } })
        .jpeg()
        .toBuffer();
    });
    const doc = withPhotoAppendix(writeSummary(rollupFacts), [
      photo('a', 'u1', '2026-11-06'),
      photo('b', 'u2', '2026-11-08', { eventTitle: '反诈宣传进社区', location: '城南社区' }),
    ]);

    it('Word embeds each photo after the signature, on a page that starts with 附件', async () => {
      const images = [
        { photoId: 'a', jpeg, width: 64, height: 48 },
        { photoId: 'b', jpeg: other, width: 48, height: 64 },
      ];
      const buffer = await renderDocx(doc, { photos: images });
      const { default: JSZip } = await import('jszip');
      const zip = await JSZip.loadAsync(buffer);
      const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
      expect(media.filter((f) => f.endsWith('.jpg') || f.endsWith('.jpeg'))).toHaveLength(2);
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = xml.replace(/<[^>]+>/g, '');
      // the note, then the signature, then the attached photos
      const note = text.indexOf('附件：活动图片');
      const signed = text.lastIndexOf(doc.signature.date);
      expect(note).toBeGreaterThan(0);
      expect(note).toBeLessThan(signed);
      expect(signed).toBeLessThan(text.indexOf('照片1'));
      expect(text).toContain('照片2  东城支行，11月8日，城南社区，反诈宣传进社区');
      expect(xml).toContain('w:pageBreakBefore');
      // without images nothing is attached, not even the note
      const bare = await JSZip.loadAsync(await renderDocx(doc));
      expect((await bare.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')).not.toContain('附件');
    });

    it('PDF and Markdown carry the appendix too', async () => {
      const pdf = await renderPdf(doc, { photos: [{ photoId: 'a', jpeg, width: 64, height: 48 }] });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.includes(Buffer.from('/DCTDecode'))).toBe(true);
      const md = renderMarkdown(doc, { photoUrl: (id) => `/api/v1/photos/${id}` });
      expect(md).toContain('## 附件：活动图片');
      expect(md).toContain('- [照片1  城关支行，11月6日，营业大厅，民警驻点劝阻冒充客服诈骗](/api/v1/photos/a)');
    });
  });
});
