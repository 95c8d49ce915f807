// Render timings for `npm run bench`: one unit's Word file (with its charts), a 2,000-unit roll-up's
// Word file, and the PDFs, on synthetic facts. Targets: unit .docx < 1 s; 2,000-unit roll-up .docx
// < 10 s and < 500 MB peak RSS.

import type { SummaryFacts } from '../facts.js';
import { bankFacts } from '../fixtures/bank.js';
import { syntheticRollup } from '../fixtures/synthetic.js';
import { chartSvgs, renderCharts } from '../render/charts.js';
import { renderDocx } from '../render/docx.js';
import { renderPdf } from '../render/pdf.js';
import { writeSummary } from '../write/summary.js';

export interface RenderBenchResult {
  /** writeSummary + charts + .docx of one unit (warm). */
  unitDocxMs: number;
  /** writeSummary + charts + .docx of the roll-up. */
  rollupDocxMs: number;
  rollupUnits: number;
  /** Peak resident set size of the process so far, in MB. */
  peakRssMb: number;
  /** writeSummary + SVG charts + PDF of one unit (warm). */
  unitPdfMs: number;
  /** writeSummary + SVG charts + PDF of the roll-up. */
  rollupPdfMs: number;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started);
}

const docx = async (facts: SummaryFacts) => renderDocx(writeSummary(facts), { charts: await renderCharts(facts) });
const pdf = (facts: SummaryFacts) => renderPdf(writeSummary(facts), { charts: chartSvgs(facts) });

export async function benchRender(rollupUnits = 2000): Promise<RenderBenchResult> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    await docx(bankFacts); // warm-up: modules, fonts
    await pdf(bankFacts);
    const unitDocxMs = await time(() => docx(bankFacts));
    const unitPdfMs = await time(() => pdf(bankFacts));
    const rollup = syntheticRollup(rollupUnits);
    const rollupDocxMs = await time(() => docx(rollup));
    const rollupPdfMs = await time(() => pdf(rollup));
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    return { unitDocxMs, rollupDocxMs, rollupUnits, peakRssMb: Math.round(peak / 2 ** 20), unitPdfMs, rollupPdfMs };
  } finally {
    clearInterval(sampler);
  }
}
