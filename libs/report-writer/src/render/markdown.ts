// The summary as Markdown (GitHub flavour): # title, ## 一、 headings, ### （一） headings, tables;
// the signature closes it. Charts are left out (Markdown has no place for the images).
import type { Paragraph, SummaryDocument, Table } from '../document.js';

/** Escapes what Markdown would read as markup at the start of a line or inside a table cell. */
function escapeLine(line: string): string {
  return line.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^(\s*)([#>+-]|\d+\.)(\s)/, '$1\\$2$3');
}

function paragraph(p: Paragraph): string {
  if (p.style === 'heading2') return `### ${escapeLine(p.text)}`;
  return p.text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(escapeLine)
    .join('\n\n');
}

function table(t: Table): string {
  const cell = (text: string) => escapeLine(text).replace(/\n/g, ' ');
  const rule = t.align.map((a) => (a === 'right' ? '---:' : a === 'center' ? ':---:' : '---'));
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(t.columns.map(cell)), row(rule), ...t.rows.map((r) => row(r.map((c) => cell(c.text))))].join('\n');
}

export interface MarkdownOptions {
  /** Where a reader finds a photo of the appendix (the API's /api/v1/photos/{id}). */
  photoUrl?: (photoId: string) => string;
}

/** The Markdown text of a summary. */
export function renderMarkdown(doc: SummaryDocument, options: MarkdownOptions = {}): string {
  const blocks: string[] = [`# ${escapeLine(doc.title)}`, paragraph(doc.opening)];
  if (doc.openingExtra) blocks.push(paragraph(doc.openingExtra));
  for (const s of doc.sections) {
    blocks.push(`## ${escapeLine(s.heading)}`);
    for (const p of s.paragraphs) blocks.push(paragraph(p));
    if (s.table) blocks.push(table(s.table));
  }
  if (doc.appendix?.photos.length) blocks.push(escapeLine(doc.appendix.note));
  blocks.push(`${escapeLine(doc.signature.unit)}  \n${escapeLine(doc.signature.date)}`);
  // the photos as links to the API (the file itself carries no images)
  if (doc.appendix?.photos.length) {
    blocks.push(`## ${escapeLine(doc.appendix.note)}`);
    blocks.push(
      doc.appendix.photos
        .map((p) => `- [${escapeLine(p.caption)}](${options.photoUrl?.(p.photoId) ?? `photo:${p.photoId}`})`)
        .join('\n'),
    );
  }
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`;
}
