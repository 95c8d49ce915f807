import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.js';
import { normalizeSummary } from '../../api/normalize.js';
import type { ParagraphView, SummaryDocumentView, SummaryView } from '../../api/types.js';
import { tz } from '../../i18n/testing.js';
import { paragraphPlace, paragraphsToWrite, refusedParagraphs } from './needs-input.js';

const para = (key: string, needsInput = false): ParagraphView => ({
  key,
  text: needsInput ? '（请填写）' : '正文',
  editable: needsInput,
  needsInput,
  figures: [],
});
const doc: SummaryDocumentView = {
  title: '活动总结',
  opening: para('opening'),
  sections: [
    { key: 'leadership', number: 1, heading: '一、加强组织领导', paragraphs: [para('leadership.body')] },
    { key: 'shortcomings', number: 5, heading: '五、存在不足及下一步打算', paragraphs: [para('shortcomings', true)] },
  ],
  signature: { unit: '某校', date: '2026年11月30日' },
};
const summary = (over: Partial<SummaryView> = {}): SummaryView => ({
  id: 's',
  campaignId: 'c',
  organizationId: 'o',
  scope: 'UNIT',
  version: 1,
  status: 'DRAFT',
  title: '活动总结',
  document: doc,
  narrative: {},
  previousReview: null,
  ...over,
});

describe('what the unit still has to write before it submits', () => {
  it("takes the API's list, less what the narrative or the unsaved draft already holds", () => {
    const s = summary({ needsInput: ['leadership.extra', 'shortcomings'] });
    expect(paragraphsToWrite(s)).toEqual(['leadership.extra', 'shortcomings']);
    expect(paragraphsToWrite(s, { shortcomings: '一是……' })).toEqual(['leadership.extra']);
    expect(
      paragraphsToWrite({ ...s, narrative: { 'leadership.extra': '由校长任组长' } }, { shortcomings: '  ' }),
    ).toEqual(['shortcomings']);
    expect(paragraphsToWrite(summary({ needsInput: [] }))).toEqual([]);
  });
  it('reads the document when the API does not list them', () => {
    expect(paragraphsToWrite(summary())).toEqual(['shortcomings']);
    expect(paragraphsToWrite(summary({ narrative: { shortcomings: '下一步……' } }))).toEqual([]);
    expect(paragraphsToWrite(null)).toEqual([]);
  });
  it('names each by the heading the document shows', () => {
    expect(paragraphPlace('shortcomings', doc, tz)).toBe('五、存在不足及下一步打算');
    // a section's supplement the writer left out of the document: found by its section's key
    expect(paragraphPlace('leadership.extra', doc, tz)).toBe('一、加强组织领导');
    expect(paragraphPlace('opening.extra', doc, tz)).toBe('开头补充');
    expect(paragraphPlace('something.else', null, tz)).toBe('可补充的文字');
  });
  it('reads the paragraphs a refused submit names (422, details.paragraphs)', () => {
    const err = new ApiError({
      status: 422,
      message: 'The summary still has paragraphs to write before it is submitted: shortcomings',
      body: { details: { paragraphs: ['shortcomings'] } },
    });
    expect(refusedParagraphs(err)).toEqual(['shortcomings']);
    expect(refusedParagraphs(new ApiError({ status: 422, body: {} }))).toEqual([]);
    expect(refusedParagraphs(new Error('x'))).toEqual([]);
  });
});

describe('a summary as the API answers it', () => {
  it('says whether it is outdated and what is still to write; an older API says neither', () => {
    const s = normalizeSummary({
      id: 's',
      status: 'DRAFT',
      outdated: true,
      needsInput: ['shortcomings'],
      reviewerComment: '请补充',
    });
    expect(s).toMatchObject({ outdated: true, needsInput: ['shortcomings'], reviewerComment: '请补充' });
    const old = normalizeSummary({ id: 's', status: 'DRAFT' });
    expect(old.outdated).toBe(false);
    expect(old.needsInput).toBeUndefined();
  });
});
