// What a summary prints, and nothing else: the text of every paragraph, heading and table cell, and the
// figures its charts are drawn from. Two versions that print the same are the same document to a reader,
// whatever their samples of ids; the day it is signed is left out (the workflow sets it, not the rows).
import type { SummaryDocument } from '../document.js';
import type { SummaryFacts } from '../facts.js';
import { activeTypes } from './publicity-section.js';
import { allParagraphs } from './summary.js';

export interface PrintedContent {
  title: string;
  headings: string[];
  paragraphs: string[];
  tables: string[][][];
  charts: {
    byType: [string, number][];
    byDay: [string, number][];
    byUnit: [string, number][];
  };
}

export function printedContent(doc: SummaryDocument, facts: SummaryFacts): PrintedContent {
  return {
    title: doc.title,
    headings: doc.sections.map((s) => `${s.heading}|${(s.charts ?? []).join(',')}`),
    paragraphs: allParagraphs(doc).map((p) => p.text),
    tables: doc.sections.flatMap((s) =>
      s.table ? [[s.table.columns, ...s.table.rows.map((r) => r.map((c) => c.text))]] : [],
    ),
    charts: {
      byType: activeTypes(facts.byType).map((t) => [t.type, t.count]),
      byDay: facts.byDay.filter((d) => d.count > 0).map((d) => [d.day, d.count]),
      byUnit: facts.kind === 'ROLLUP' ? facts.units.map((u) => [u.name, u.eventCount]) : [],
    },
  };
}
