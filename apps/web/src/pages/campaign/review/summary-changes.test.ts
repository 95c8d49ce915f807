import { describe, expect, it } from 'vitest';
import type { FigureView, ParagraphView, SummaryDocumentView } from '../../../api/types.js';
import { summaryChanges } from './summary-changes.js';

function para(key: string, text: string, figureTexts: string[] = [], editable = false): ParagraphView {
  const figures: FigureView[] = figureTexts.map((t, i) => ({
    id: `${key}#${i}`,
    text: t,
    value: t,
    start: text.indexOf(t),
    end: text.indexOf(t) + t.length,
    source: { kind: 'events', filter: {} },
  }));
  return { key, text, editable, figures };
}

const doc = (leaflets: string, shortcomings: string | null): SummaryDocumentView => ({
  title: '活动总结',
  opening: para('opening', '按照通知要求，开展宣传月活动。'),
  sections: [
    {
      key: 'publicity',
      number: 3,
      heading: '三、多措并举，广泛宣传',
      paragraphs: [para('publicity.body', `发放宣传单${leaflets}，覆盖家长1,200人次。`, [leaflets, '1,200人次'])],
    },
    {
      key: 'shortcomings',
      number: 5,
      heading: '五、存在不足及下一步打算',
      paragraphs: [
        shortcomings === null
          ? { ...para('shortcomings', '【待填写】', [], true), needsInput: true }
          : para('shortcomings', shortcomings, [], true),
      ],
    },
  ],
  signature: { unit: '某校', date: '2026年12月6日' },
});

describe('what changed between two versions of a summary', () => {
  it('lists the figures that changed with their words, and the unit’s paragraphs', () => {
    const changes = summaryChanges(doc('3,000份', null), doc('3,500份', '家长参与还不够。'));
    expect(changes.figures).toEqual([
      {
        id: 'publicity.body#0',
        section: '三、多措并举，广泛宣传',
        context: '发放宣传单',
        before: '3,000份',
        after: '3,500份',
      },
    ]);
    expect(changes.paragraphs).toEqual([
      { key: 'shortcomings', section: '五、存在不足及下一步打算', before: null, after: '家长参与还不够。' },
    ]);
  });

  it('finds nothing between a version and itself', () => {
    expect(summaryChanges(doc('3,000份', 'x'), doc('3,000份', 'x'))).toEqual({ paragraphs: [], figures: [] });
  });
});
