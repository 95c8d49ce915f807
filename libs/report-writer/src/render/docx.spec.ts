import JSZip from 'jszip';
import { bankFacts } from '../fixtures/bank.js';
import { rollupFacts } from '../fixtures/rollup.js';
import { schoolFacts } from '../fixtures/school.js';
import { writeSummary } from '../write/summary.js';
import type { ChartImage } from './charts.js';
import { mmToTwips, OFFICIAL_PAGE, renderDocx } from './docx.js';

async function unzip(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  const footers = await Promise.all(zip.file(/^word\/footer\d+\.xml$/).map((f) => f.async('string')));
  return {
    names: Object.keys(zip.files),
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    footers,
  };
}

/** The text of the document's runs, paragraph by paragraph. */
const text = (xml: string) =>
  xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');

/** A 1×1 PNG standing in for a rendered chart. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('renderDocx', () => {
  it('is a Word file with the headings and figures of the summary', async () => {
    const buffer = await renderDocx(writeSummary(bankFacts));
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const { document } = await unzip(buffer);
    const body = text(document);
    expect(body).toContain('江城农商银行城关支行2026年全民反诈在行动集中宣传月活动总结');
    for (const heading of [
      '一、领导重视，组织健全',
      '二、周密部署，任务落实',
      '三、多措并举，广泛宣传',
      '四、取得的成效',
    ]) {
      expect(body).toContain(`\n${heading}\n`);
    }
    expect(body).toContain('阻止可疑交易14笔，避免群众损失80余万元');
    expect(body).toMatch(/江城农商银行城关支行\n2026年11月30日/);
  });

  it('lays out an A4 page with the official margins and page numbers on the outer side', async () => {
    expect([mmToTwips(37), mmToTwips(35), mmToTwips(28), mmToTwips(26)]).toEqual([2098, 1984, 1587, 1474]);
    const { document, settings, footers } = await unzip(await renderDocx(writeSummary(schoolFacts)));
    expect(document).toContain(`<w:pgSz w:w="${OFFICIAL_PAGE.width}" w:h="${OFFICIAL_PAGE.height}"`);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(footers).toHaveLength(2);
    const odd = footers.find((f) => f.includes('<w:jc w:val="right"/>'));
    const even = footers.find((f) => f.includes('<w:jc w:val="left"/>'));
    for (const footer of [odd, even]) {
      expect(footer).toContain('PAGE');
      expect(footer).toContain('>— <');
      expect(footer).toContain('> —<');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
  });

  it('names the official fonts as eastAsia fonts and embeds none', async () => {
    const { styles, names } = await unzip(await renderDocx(writeSummary(schoolFacts)));
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) {
      expect(styles).toContain(`w:eastAsia="${font}"`);
    }
    expect(names.some((n) => n.startsWith('word/fonts/'))).toBe(false);
    expect(styles).toContain('<w:sz w:val="44"/>'); // title 22 pt
    expect(styles).toContain('<w:sz w:val="32"/>'); // body and headings 16 pt
    expect(styles).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/);
    expect(styles).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
  });

  it('keeps headings black and unnumbered: no theme colour, no numbering, no tab after 一、', async () => {
    const { styles, document } = await unzip(await renderDocx(writeSummary(schoolFacts)));
    const heading1 = styles.slice(styles.indexOf('w:styleId="Heading1"'));
    expect(heading1.slice(0, heading1.indexOf('</w:style>'))).toContain('<w:color w:val="000000"/>');
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).not.toContain('<w:numPr>');
    expect(document).not.toContain('<w:tab/>');
  });

  it('marks the prompts the unit has to replace', async () => {
    const { document } = await unzip(await renderDocx(writeSummary(schoolFacts)));
    expect(document).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]*?【待填写】/);
  });

  it('writes the roll-up table with a 黑体 header row that repeats on every page', async () => {
    const { document } = await unzip(await renderDocx(writeSummary(rollupFacts)));
    expect(document).toContain('<w:tblHeader/>');
    const header = document.slice(
      document.indexOf('<w:tblHeader/>'),
      document.indexOf('</w:tr>', document.indexOf('<w:tblHeader/>')),
    );
    expect(header).toContain('w:eastAsia="黑体"');
    expect(text(header)).toContain('序号');
    expect(text(document)).toContain('江城市第二中学');
    expect(text(document)).toContain('草稿（逾期）');
  });

  it('puts the charts after the sections that name them, with numbered captions', async () => {
    const chart = (key: ChartImage['key'], title: string): ChartImage => ({
      key,
      title,
      png: PIXEL,
      width: 800,
      height: 400,
    });
    const charts = [chart('byType', '各类宣传活动开展次数'), chart('byDay', '每日宣传活动开展次数')];
    const { document, names } = await unzip(await renderDocx(writeSummary(bankFacts), { charts }));
    expect(names.filter((n) => n.startsWith('word/media/')).length).toBeGreaterThan(0);
    expect(document.match(/<w:drawing>/g)).toHaveLength(2);
    const body = text(document);
    expect(body.indexOf('图1  各类宣传活动开展次数')).toBeGreaterThan(body.indexOf('三、多措并举，广泛宣传'));
    expect(body.indexOf('图2  每日宣传活动开展次数')).toBeLessThan(body.indexOf('四、取得的成效'));
  });
});
