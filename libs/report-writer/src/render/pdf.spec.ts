import { PDFParse } from 'pdf-parse';
import { bankFacts } from '../fixtures/bank.js';
import { rollupFacts } from '../fixtures/rollup.js';
import { writeSummary } from '../write/summary.js';
import { chartSvgs } from './charts.js';
import { renderPdf } from './pdf.js';

async function extract(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { pages: result.total, text: result.text.replace(/\s+/g, '') };
  } finally {
    await parser.destroy();
  }
}

describe('renderPdf', () => {
  it('writes a PDF whose Chinese text can be extracted', async () => {
    const pdf = await renderPdf(writeSummary(bankFacts));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('NotoSansHans-Regular');
    const { pages, text } = await extract(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('江城农商银行城关支行2026年全民反诈在行动集中宣传月活动总结');
    expect(text).toContain('一、领导重视，组织健全');
    expect(text).toContain('阻止可疑交易14笔，避免群众损失80余万元');
    expect(text).toContain('—1—');
    expect(text).toContain('2026年11月30日');
  }, 30000);

  it('draws the charts from SVG with their labels and writes the roll-up table', async () => {
    const pdf = await renderPdf(writeSummary(rollupFacts), { charts: chartSvgs(rollupFacts) });
    const { text } = await extract(pdf);
    expect(text).toContain('图1各类宣传活动开展次数');
    expect(text).toContain('临柜提醒');
    expect(text).toContain('江城市第二中学');
    expect(text).toContain('草稿（逾期）');
  }, 30000);

  it('is deterministic', async () => {
    const doc = writeSummary(bankFacts);
    expect((await renderPdf(doc)).equals(await renderPdf(doc))).toBe(true);
  }, 30000);
});
