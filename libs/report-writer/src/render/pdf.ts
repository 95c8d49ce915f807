// The summary as PDF, with nothing but npm packages: pdfmake (server side, 0.3 API) and the
// Noto Sans SC OTF files (Regular + Bold) from @embedpdf/fonts-sc, embedded as subsets. Same page as
// the Word file (A4, margins 37/35/28/26 mm), 16 pt text on a fixed 28 pt line, first lines indented
// two characters, page numbers "— n —" on the outer side. Charts are drawn from their SVG.
import pdfmake, { type Content, type TableCell } from 'pdfmake';
import type { Paragraph, Section, SummaryDocument, Table } from '../document.js';
import { fillText, ZH_CN } from '../phrases.zh-CN.js';
import type { ChartSvg } from './charts.js';
import { type PhotoImage, photoPrintSize } from './docx.js';
import { cjkFontFiles } from './fonts.js';

export interface PdfOptions {
  /** Charts to place after the sections that name them (chartSvgs). */
  charts?: ChartSvg[];
  /** Directory with the Noto Sans SC OTF files (default: the npm package). */
  fontDir?: string;
  creator?: string;
  /** Images of the appendix's photos (doc.appendix); a photo without its image is left out. */
  photos?: PhotoImage[];
}

/** px at 96 dpi → pt. */
const pxToPt = (px: number) => (px * 72) / 96;

function appendix(doc: SummaryDocument, images: PhotoImage[] | undefined): { note: Content[]; pages: Content[] } {
  const byId = new Map((images ?? []).map((i) => [i.photoId, i]));
  const photos = (doc.appendix?.photos ?? []).filter((p) => byId.has(p.photoId));
  if (!doc.appendix || photos.length === 0) return { note: [], pages: [] };
  const pages: Content[] = [
    { text: doc.appendix.label, bold: true, pageBreak: 'before' },
    { text: doc.appendix.title, style: 'title' },
    ...photos.map((p): Content => {
      const image = byId.get(p.photoId)!;
      const size = photoPrintSize(image);
      return {
        unbreakable: true,
        stack: [
          {
            image: `data:image/jpeg;base64,${image.jpeg.toString('base64')}`,
            width: pxToPt(size.width),
            height: pxToPt(size.height),
            alignment: 'center',
            margin: [0, 6, 0, 2],
          },
          { text: p.caption, style: 'caption' },
        ],
      };
    }),
  ];
  return {
    note: [
      { text: ' ', style: 'body' },
      { text: doc.appendix.note, style: 'body' },
    ],
    pages,
  };
}

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

const mmToPt = (mm: number) => (mm * 72) / 25.4;
const MARGINS: [number, number, number, number] = [mmToPt(28), mmToPt(37), mmToPt(26), mmToPt(35)];
const TYPE_AREA_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const FONT = 'NotoSansSC';
const BODY = 16;
/** Noto Sans SC's line is 1 em (ascender 880, descender −120): 1.75 em makes the fixed 28 pt line. */
const LINE_HEIGHT = 28 / BODY;
const INDENT = 2 * BODY;
const CHART_WIDTH = 400;
const PAGE_NUMBER_ID = 'page-number';

let fontsFrom: string | null = null;

/**
 * Registers the fonts with pdfmake (a process-wide singleton) by path: SVG text reaches pdfkit
 * without pdfmake's virtual file system. File access is limited to the two font files, URLs are off.
 */
function prepare(fontDir?: string): void {
  const files = cjkFontFiles(fontDir);
  if (fontsFrom === files.regular) return;
  pdfmake.setFonts({
    [FONT]: { normal: files.regular, bold: files.bold, italics: files.regular, bolditalics: files.bold },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === files.regular || path === files.bold);
  fontsFrom = files.regular;
}

function body(p: Paragraph): Content[] {
  if (p.style === 'heading2') return [{ text: p.text, style: 'h2', headlineLevel: 2 }];
  return p.text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => ({
      text: line.trim(),
      style: 'body',
      ...(p.needsInput ? { background: '#FFF59D' } : {}),
    }));
}

function table(t: Table): Content {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const padding = 8 * t.widths.length;
  const widths = t.widths.map((w) => ((TYPE_AREA_WIDTH - padding) * w) / total);
  const header: TableCell[] = t.columns.map((c) => ({ text: c, style: 'th' }));
  const rows: TableCell[][] = t.rows.map((r) => r.map((c, i) => ({ text: c.text, alignment: t.align[i] ?? 'left' })));
  return {
    style: 'table',
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...rows] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingLeft: () => 3, paddingRight: () => 3 },
  };
}

function section(s: Section, charts: Map<string, ChartSvg>, next: () => number): Content[] {
  const out: Content[] = [{ text: s.heading, style: 'h1', headlineLevel: 1 }];
  for (const p of s.paragraphs) out.push(...body(p));
  if (s.table) out.push(table(s.table));
  for (const key of s.charts ?? []) {
    const chart = charts.get(key);
    if (!chart) continue;
    out.push({
      unbreakable: true,
      stack: [
        { svg: chart.svg, width: CHART_WIDTH, alignment: 'center', margin: [0, 6, 0, 2], font: FONT } as Content,
        { text: fillText(ZH_CN.charts.caption, { n: next(), title: chart.title }), style: 'caption' },
      ],
    });
  }
  return out;
}

export function pdfDefinition(doc: SummaryDocument, options: PdfOptions = {}): TDocumentDefinitions {
  const charts = new Map((options.charts ?? []).map((c) => [c.key, c]));
  let chartNumber = 0;
  const next = () => ++chartNumber;
  const [before, after] = ZH_CN.pageNumber.split('{n}');
  const sections = doc.sections.flatMap((s) => section(s, charts, next));
  // The signature never stands alone: it stays with the closing paragraph (and with the closing
  // heading when that section is one paragraph long).
  const lastSection = doc.sections.at(-1);
  const closing = lastSection && !lastSection.table && !lastSection.charts?.length ? lastSection.paragraphs : [];
  const keep = closing.length === 0 ? 0 : body(closing[closing.length - 1]).length + (closing.length === 1 ? 1 : 0);
  const last = sections.splice(sections.length - keep, keep);
  const attached = appendix(doc, options.photos);
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: {
      title: doc.title,
      author: doc.signature.unit,
      creator: options.creator ?? 'Campaign Month',
      producer: 'Campaign Month report-writer',
      creationDate: new Date(`${doc.signature.isoDate}T00:00:00Z`),
    },
    defaultStyle: { font: FONT, fontSize: BODY, lineHeight: LINE_HEIGHT },
    styles: {
      title: { fontSize: 22, bold: true, alignment: 'center', lineHeight: 36 / 22, margin: [0, 0, 0, 28] },
      body: { leadingIndent: INDENT },
      h1: { bold: true, leadingIndent: INDENT },
      h2: { leadingIndent: INDENT },
      table: { fontSize: 10.5, lineHeight: 1.3, margin: [0, 4, 0, 8] },
      th: { bold: true, alignment: 'center' },
      caption: { fontSize: 14, alignment: 'center', margin: [0, 0, 0, 8] },
      signature: { alignment: 'right', margin: [0, 0, INDENT, 0] },
    },
    content: [
      { text: doc.title, style: 'title' },
      ...body(doc.opening),
      ...(doc.openingExtra ? body(doc.openingExtra) : []),
      ...sections,
      {
        unbreakable: true,
        stack: [
          ...last,
          ...attached.note,
          { text: ' ', style: 'body' },
          { text: doc.signature.unit, style: 'signature' },
          { text: doc.signature.date, style: 'signature' },
        ],
      },
      ...attached.pages,
    ],
    footer: (page: number) => ({
      id: PAGE_NUMBER_ID,
      text: `${before}${page}${after}`,
      fontSize: 14,
      lineHeight: 1,
      alignment: page % 2 === 1 ? 'right' : 'left',
      margin: [MARGINS[0] + 14, mmToPt(7), MARGINS[2] + 14, 0],
    }),
    // A heading at the foot of a page moves to the next one (the page number and stacks that moved on
    // as a whole don't count as following it).
    pageBreakBefore: (node, queries) =>
      node.headlineLevel !== undefined &&
      queries.getFollowingNodesOnPage().filter((n) => !n.stack && n.id !== PAGE_NUMBER_ID).length === 0,
  };
}

/** The PDF of a summary. Deterministic: the creation date is the signature date. */
export async function renderPdf(doc: SummaryDocument, options: PdfOptions = {}): Promise<Buffer> {
  prepare(options.fontDir);
  return pdfmake.createPdf(pdfDefinition(doc, options)).getBuffer();
}
