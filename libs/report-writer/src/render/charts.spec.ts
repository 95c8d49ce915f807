import { renderAsync } from '@resvg/resvg-js';
import { bankFacts } from '../fixtures/bank.js';
import { rollupFacts } from '../fixtures/rollup.js';
import { schoolFacts } from '../fixtures/school.js';
import { chartSvgs, renderCharts } from './charts.js';
import { CJK_FONT_FAMILY } from './fonts.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('chartSvgs', () => {
  it('draws events by type and by day for a unit, and by unit for a roll-up', () => {
    expect(chartSvgs(bankFacts).map((c) => c.key)).toEqual(['byType', 'byDay']);
    expect(chartSvgs(rollupFacts).map((c) => c.key)).toEqual(['byType', 'byDay', 'byUnit']);
  });

  it('labels in Chinese, in the font resvg and pdfmake are given, without label halos', () => {
    const [byType] = chartSvgs(bankFacts);
    expect(byType.title).toBe('各类宣传活动开展次数');
    expect(byType.svg).toContain('临柜提醒');
    expect(byType.svg).toContain(CJK_FONT_FAMILY);
    expect(byType.svg).not.toMatch(/stroke-width="[1-9]"[^>]*paint-order/);
  });

  it('leaves out charts that would say nothing', () => {
    const oneType = { ...schoolFacts, byType: schoolFacts.byType.slice(0, 1), byDay: schoolFacts.byDay.slice(0, 1) };
    expect(chartSvgs(oneType)).toEqual([]);
  });

  it('ranks the top units of a roll-up', () => {
    const byUnit = chartSvgs(rollupFacts, { topUnits: 2 }).find((c) => c.key === 'byUnit');
    expect(byUnit?.title).toBe('各单位宣传活动开展次数（前2名）');
    expect(byUnit?.svg).toContain('江城农商银行城关支行');
    expect(byUnit?.svg).toContain('城南派出所');
    expect(byUnit?.svg).not.toContain('江城市人民医院');
  });

  it('is deterministic', () => {
    expect(chartSvgs(rollupFacts)).toEqual(chartSvgs(rollupFacts));
  });
});

describe('renderCharts', () => {
  it('turns each chart into a PNG at twice its size, with its Chinese text drawn', async () => {
    const images = await renderCharts(schoolFacts);
    expect(images.map((i) => i.key)).toEqual(['byType', 'byDay']);
    for (const image of images) {
      expect(image.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(image.png.readUInt32BE(16)).toBe(image.width * 2);
      expect(image.png.readUInt32BE(20)).toBe(image.height * 2);
    }
    // resvg drops text it has no font for: the same chart rendered without fonts differs.
    const [byType] = chartSvgs(schoolFacts);
    const withoutFonts = await renderAsync(byType.svg, {
      fitTo: { mode: 'zoom', value: 2 },
      font: { loadSystemFonts: false },
    });
    expect(withoutFonts.asPng().length).toBeLessThan(images[0].png.length);
  }, 30000);
});
