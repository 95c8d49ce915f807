// The summary as a Word file in the official layout (GB/T 9704-2012, as offices print it): A4,
// margins 37/35/28/26 mm, title 方正小标宋简体 22 pt centred, body 仿宋_GB2312 16 pt at a fixed 28 pt
// line, first lines indented two characters, 一、 headings in 黑体, （一） in 楷体_GB2312, tables with
// a 黑体 header row, page numbers "— 1 —" in 宋体 14 pt on the outer side (odd pages right, even
// left), signature block on the right. Fonts are named (as eastAsia fonts), not embedded.
// Headings are written literally (一、…), so no numbering tab can follow them, and the Title and
// Heading styles are replaced so that no viewer paints them blue.
import {
  AlignmentType,
  Document,
  Footer,
  HighlightColor,
  ImageRun,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Paragraph as DocParagraph, Table as DocTable, Section, SummaryDocument } from '../document.js';
import { fillText, ZH_CN } from '../phrases.zh-CN.js';
import type { ChartImage } from './charts.js';
import { OFFICIAL_FONTS } from './fonts.js';

/** Millimetres → twips (1/1440 inch). */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** The page of GB/T 9704-2012 in twips: A4, margins top 37, bottom 35, left 28, right 26 mm. */
export const OFFICIAL_PAGE = {
  width: 11906,
  height: 16838,
  top: mmToTwips(37),
  bottom: mmToTwips(35),
  left: mmToTwips(28),
  right: mmToTwips(26),
  /** Footer distance: the page number sits about 7 mm below the type area. */
  footer: mmToTwips(23),
  header: mmToTwips(15),
} as const;

const TYPE_AREA_WIDTH = OFFICIAL_PAGE.width - OFFICIAL_PAGE.left - OFFICIAL_PAGE.right;
const PT = 2; // half-points per point
const BODY_PT = 16;
const LINE = 560; // fixed 28 pt
const TWO_CHARS = { firstLine: 2 * BODY_PT * 20, firstLineChars: 200 };
const CHART_WIDTH_PX = 560;

/** A photo's image as the renderers embed it: JPEG bytes, already downscaled, with its size in pixels. */
export interface PhotoImage {
  photoId: string;
  jpeg: Buffer;
  width: number;
  height: number;
}

/**
 * Largest printed size of an appendix photo in pixels at 96 dpi (≈ 138 × 77 mm): two with their captions fit on a
 * page, the first page of the appendix (under 附件 and its title) included.
 */
export const PHOTO_BOX = { width: 520, height: 290 } as const;

/** The size a photo is printed at: its proportions kept inside PHOTO_BOX. */
export function photoPrintSize(image: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(PHOTO_BOX.width / image.width, PHOTO_BOX.height / image.height);
  return { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
}

export interface DocxOptions {
  /** Charts to place after the sections that name them (renderCharts). */
  charts?: ChartImage[];
  /** Author written into the file's properties. */
  creator?: string;
  /** Images of the appendix's photos (doc.appendix); a photo without its image is left out. */
  photos?: PhotoImage[];
}

type Font = NonNullable<IRunOptions['font']>;
const font = (eastAsia: string, latin: string = eastAsia): Font => ({
  eastAsia,
  ascii: latin,
  hAnsi: latin,
  cs: latin,
  hint: 'eastAsia',
});

const FONTS = {
  body: font(OFFICIAL_FONTS.body, OFFICIAL_FONTS.latin),
  title: font(OFFICIAL_FONTS.title),
  heading1: font(OFFICIAL_FONTS.heading1),
  heading2: font(OFFICIAL_FONTS.heading2, OFFICIAL_FONTS.latin),
  pageNumber: font(OFFICIAL_FONTS.pageNumber),
};

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const black = { color: '000000', bold: false, italics: false };

const styles = {
  default: {
    document: {
      run: { font: FONTS.body, size: BODY_PT * PT, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { spacing: exact(LINE) },
    },
    title: {
      run: { ...black, font: FONTS.title, size: 22 * PT },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exact(720), after: LINE } },
    },
    heading1: {
      run: { ...black, font: FONTS.heading1, size: BODY_PT * PT },
      paragraph: { indent: TWO_CHARS, spacing: exact(LINE), keepNext: true, outlineLevel: 0 },
    },
    heading2: {
      run: { ...black, font: FONTS.heading2, size: BODY_PT * PT },
      paragraph: { indent: TWO_CHARS, spacing: exact(LINE), keepNext: true, outlineLevel: 1 },
    },
  },
  paragraphStyles: [
    {
      id: 'CmBody',
      name: 'Body Text Official',
      basedOn: 'Normal',
      quickFormat: true,
      run: { ...black, font: FONTS.body, size: BODY_PT * PT },
      paragraph: { indent: TWO_CHARS, spacing: exact(LINE), alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: 'CmTable',
      name: 'Table Text Official',
      basedOn: 'Normal',
      run: { ...black, font: FONTS.body, size: 21 },
      paragraph: { indent: { firstLine: 0, firstLineChars: 0 }, spacing: exact(320) },
    },
    {
      id: 'CmCaption',
      name: 'Caption Official',
      basedOn: 'Normal',
      run: { ...black, font: FONTS.body, size: 14 * PT },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exact(LINE), after: 280 }, keepLines: true },
    },
  ],
};

/** Paragraphs of the text ('\n' starts a new one); keepNext holds the last one to what follows. */
function bodyParagraphs(p: DocParagraph, keepNext = false): Paragraph[] {
  if (p.style === 'heading2') return [new Paragraph({ style: 'Heading2', children: [new TextRun(p.text)] })];
  const lines = p.text.split(/\n+/).filter((line) => line.trim() !== '');
  return lines.map(
    (line, i) =>
      new Paragraph({
        style: 'CmBody',
        ...(keepNext && i === lines.length - 1 ? { keepNext: true } : {}),
        children: [new TextRun({ text: line.trim(), ...(p.needsInput ? { highlight: HighlightColor.YELLOW } : {}) })],
      }),
  );
}

function table(t: DocTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * TYPE_AREA_WIDTH));
  widths[widths.length - 1] += TYPE_AREA_WIDTH - widths.reduce((a, b) => a + b, 0);
  const align = (a: string) =>
    a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  // Widths and margins are set once for the table: a 2,000-row roll-up stays light in memory.
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      ...(header ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
      children: [
        new Paragraph({
          style: 'CmTable',
          alignment: header ? AlignmentType.CENTER : align(t.align[i] ?? 'left'),
          children: [new TextRun(header ? { text, font: FONTS.heading1 } : { text })],
        }),
      ],
    });
  return new Table({
    width: { size: TYPE_AREA_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c.text, i, false)) })),
    ],
  });
}

function chart(image: ChartImage, n: number): Paragraph[] {
  const height = Math.round((CHART_WIDTH_PX * image.height) / image.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 60 },
      indent: { firstLine: 0, firstLineChars: 0 },
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width: CHART_WIDTH_PX, height },
          altText: { name: image.key, title: image.title, description: image.title },
        }),
      ],
    }),
    new Paragraph({
      style: 'CmCaption',
      children: [new TextRun(fillText(ZH_CN.charts.caption, { n, title: image.title }))],
    }),
  ];
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const run = { font: FONTS.pageNumber, size: 14 * PT };
  const [before, after] = ZH_CN.pageNumber.split('{n}');
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280, firstLine: 0 } : { left: 280, firstLine: 0 },
        spacing: { line: 280, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [
          new TextRun({ ...run, text: before }),
          new TextRun({ ...run, children: [PageNumber.CURRENT] }),
          new TextRun({ ...run, text: after }),
        ],
      }),
    ],
  });
}

function signature(doc: SummaryDocument): Paragraph[] {
  const right = (text: string, keepNext: boolean) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 2 * BODY_PT * 20 },
      keepNext,
      keepLines: true,
      children: [new TextRun(text)],
    });
  return [
    new Paragraph({ keepNext: true, children: [] }),
    right(doc.signature.unit, true),
    right(doc.signature.date, false),
  ];
}

/** 附件：活动图片 in the body, then, on a page of its own after the signature, 附件 and the photos with captions. */
function appendix(doc: SummaryDocument, images: PhotoImage[] | undefined): { note: Paragraph[]; pages: Paragraph[] } {
  const byId = new Map((images ?? []).map((i) => [i.photoId, i]));
  const photos = (doc.appendix?.photos ?? []).filter((p) => byId.has(p.photoId));
  if (!doc.appendix || photos.length === 0) return { note: [], pages: [] };
  const note = [
    new Paragraph({ keepNext: true, children: [] }),
    new Paragraph({ style: 'CmBody', keepNext: true, children: [new TextRun(doc.appendix.note)] }),
  ];
  const pages: Paragraph[] = [
    new Paragraph({
      pageBreakBefore: true,
      indent: { firstLine: 0, firstLineChars: 0 },
      children: [new TextRun({ text: doc.appendix.label, font: FONTS.heading1 })],
    }),
    new Paragraph({ style: 'Title', children: [new TextRun(doc.appendix.title)] }),
  ];
  for (const p of photos) {
    const image = byId.get(p.photoId)!;
    pages.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 60 },
        indent: { firstLine: 0, firstLineChars: 0 },
        children: [
          new ImageRun({
            type: 'jpg',
            data: image.jpeg,
            transformation: photoPrintSize(image),
            altText: { name: p.photoId, title: p.caption, description: p.caption },
          }),
        ],
      }),
      new Paragraph({ style: 'CmCaption', children: [new TextRun(p.caption)] }),
    );
  }
  return { note, pages };
}

/** The Word file (.docx) of a summary. */
export async function renderDocx(doc: SummaryDocument, options: DocxOptions = {}): Promise<Buffer> {
  const charts = new Map((options.charts ?? []).map((c) => [c.key, c]));
  let chartNumber = 0;
  const last = doc.sections.at(-1);
  const attached = appendix(doc, options.photos);
  const section = (s: Section) => {
    const out: (Paragraph | Table)[] = [new Paragraph({ style: 'Heading1', children: [new TextRun(s.heading)] })];
    // The closing paragraph stays on the page of the signature, so the signature never stands alone.
    const closing = s === last && !s.table && !s.charts?.length ? s.paragraphs.at(-1) : undefined;
    for (const p of s.paragraphs) out.push(...bodyParagraphs(p, p === closing));
    if (s.table) out.push(table(s.table));
    for (const key of s.charts ?? []) {
      const image = charts.get(key);
      if (image) out.push(...chart(image, ++chartNumber));
    }
    return out;
  };
  const document = new Document({
    creator: options.creator ?? 'Campaign Month',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles,
    sections: [
      {
        properties: {
          page: {
            size: { width: OFFICIAL_PAGE.width, height: OFFICIAL_PAGE.height },
            margin: {
              top: OFFICIAL_PAGE.top,
              bottom: OFFICIAL_PAGE.bottom,
              left: OFFICIAL_PAGE.left,
              right: OFFICIAL_PAGE.right,
              header: OFFICIAL_PAGE.header,
              footer: OFFICIAL_PAGE.footer,
              gutter: 0,
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          new Paragraph({ style: 'Title', children: [new TextRun(doc.title)] }),
          ...bodyParagraphs(doc.opening),
          ...(doc.openingExtra ? bodyParagraphs(doc.openingExtra) : []),
          ...doc.sections.flatMap(section),
          ...attached.note,
          ...signature(doc),
          ...attached.pages,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
