// writeSummary: facts in, the summary (活动总结) out. Deterministic: the same facts and narrative
// give the same document, word for word; nothing reads the clock.
import type { Paragraph, Section, SummaryDocument } from '../document.js';
import type { SummaryFacts } from '../facts.js';
import { formatChineseDateFull, formatPeriod, toChineseNumeral } from '../format/chinese.js';
import { formatCount } from '../format/numbers.js';
import { fillText, ZH_CN } from '../phrases.zh-CN.js';
import { clause, createContext, narrativeParagraph, type SectionDraft, type WriteContext } from './context.js';
import { publicitySection } from './publicity-section.js';
import { unitsSection } from './rollup-sections.js';
import { sample, source, TextBuilder } from './text-builder.js';
import { deploymentSection, leadershipSection, resultsSection, shortcomingsSection } from './unit-sections.js';

/** The campaign as an activity: 2026年…集中宣传月 → 2026年…集中宣传月活动 (no doubled 活动). */
export function activityName(campaignTitle: string): string {
  const title = clause(campaignTitle);
  const suffix = ZH_CN.title.activitySuffix;
  return title.endsWith(suffix) ? title : title + suffix;
}

/** {单位}{活动名称}活动总结. */
export function summaryTitle(unitName: string, campaignTitle: string): string {
  const unit = clause(unitName);
  let activity = activityName(campaignTitle);
  if (activity.startsWith(unit)) activity = activity.slice(unit.length);
  return fillText(ZH_CN.title.summary, { unit, activity });
}

function opening(ctx: WriteContext): Paragraph {
  const { campaign, unit } = ctx.facts;
  const O = ZH_CN.opening;
  const tb = new TextBuilder('opening');
  const directiveTitle = clause(campaign.directiveTitle ?? '').replace(/^《|》$/g, '');
  const directiveNumber = clause(campaign.directiveNumber ?? '').replace(/^[（(]|[）)]$/g, '');
  const purpose = clause(campaign.purpose ?? '').replace(O.purposeLead, '');
  if (directiveTitle) {
    tb.fill(O.directive, {
      directiveTitle,
      directiveNumber: directiveNumber ? fillText(O.directiveNumber, { number: directiveNumber }) : '',
    });
    if (purpose) tb.fill(O.purposeAfterDirective, { purpose });
  } else {
    if (purpose) tb.fill(O.purposeAlone, { purpose });
    const organizer = clause(campaign.organizerName ?? '');
    if (organizer && organizer !== clause(unit.name)) tb.fill(O.organizer, { organizer });
  }
  const period = formatPeriod(campaign.startsOn, campaign.endsOn);
  const activity = activityName(campaign.title);
  const r = ctx.rollup;
  if (r && r.participantCount > 0) {
    const participating = r.units.filter((u) => u.participating);
    tb.fill(O.rollupBody, {
      unit: unit.name,
      period,
      activity,
      participants: {
        name: 'participants',
        text:
          r.participantCount === 1 && participating.length === 1
            ? participating[0]!.name
            : fillText(O.participants, { n: formatCount(r.participantCount) }),
        value: String(r.participantCount),
        source: source(ctx.base, 'units', { participating: true }, { unitIds: sample(participating.map((u) => u.id)) }),
      },
    });
  } else {
    tb.fill(O.unitBody, { unit: unit.name, period, activity });
  }
  return tb.build();
}

function number(drafts: SectionDraft[]): Section[] {
  return drafts.map((d, i) => {
    const titles = ZH_CN.headings[d.key];
    const title = d.praise ? titles.praise : titles.plain;
    const section: Section = {
      key: d.key,
      number: i + 1,
      heading: fillText(ZH_CN.headings.levelOne, { numeral: toChineseNumeral(i + 1), title }),
      paragraphs: d.paragraphs,
    };
    if (d.table) section.table = d.table;
    if (d.charts && d.charts.length > 0) section.charts = d.charts;
    return section;
  });
}

/**
 * Writes the summary of a unit (facts.kind 'UNIT') or of a unit and its subtree ('ROLLUP').
 * `narrative` holds the unit's own paragraphs by key (see NARRATIVE_KEYS); computed paragraphs are
 * always regenerated from the facts and cannot be overridden.
 */
export function writeSummary(facts: SummaryFacts, narrative: Readonly<Record<string, string>> = {}): SummaryDocument {
  const ctx = createContext(facts, narrative);
  const drafts: SectionDraft[] = [
    leadershipSection(ctx),
    deploymentSection(ctx),
    publicitySection(ctx),
    resultsSection(ctx),
  ];
  if (ctx.rollup) drafts.push(unitsSection(ctx, ctx.rollup));
  drafts.push(shortcomingsSection(ctx));
  const doc: SummaryDocument = {
    format: 1,
    scope: facts.kind,
    campaignId: facts.campaign.id,
    organizationId: facts.unit.id,
    title: summaryTitle(facts.unit.name, facts.campaign.title),
    opening: opening(ctx),
    sections: number(drafts),
    signature: {
      unit: facts.unit.name,
      date: formatChineseDateFull(facts.signatureDate),
      isoDate: facts.signatureDate,
    },
  };
  const openingExtra = narrativeParagraph(ctx, 'opening.extra');
  if (openingExtra) doc.openingExtra = openingExtra;
  return doc;
}

/** The document signed on another day ('YYYY-MM-DD'), e.g. the day it is handed in; nothing else changes. */
export function signedOn(doc: SummaryDocument, day: string): SummaryDocument {
  return { ...doc, signature: { ...doc.signature, date: formatChineseDateFull(day), isoDate: day } };
}

/**
 * Keys of the editable paragraphs still showing a prompt (【待补充】, 【待填写】) instead of the unit's text: a
 * document with any of them is not ready to send upward.
 */
export function paragraphsToWrite(doc: SummaryDocument): string[] {
  return allParagraphs(doc)
    .filter((p) => p.needsInput || PROMPT_MARK.test(p.text))
    .map((p) => p.key);
}

const PROMPT_MARK = /【待(?:补充|填写)】/;

/** Every paragraph of the document in reading order (opening first, headings of level two included). */
export function allParagraphs(doc: SummaryDocument): Paragraph[] {
  return [doc.opening, ...(doc.openingExtra ? [doc.openingExtra] : []), ...doc.sections.flatMap((s) => s.paragraphs)];
}
