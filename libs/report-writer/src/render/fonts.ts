// Fonts. Word and WPS name the official fonts (方正小标宋简体, 黑体, 仿宋_GB2312, 楷体_GB2312): offices
// have them, so the .docx names them and embeds nothing. Charts (resvg) and the PDF (pdfmake) need
// font files: Noto Sans SC from the npm package @embedpdf/fonts-sc, so nothing comes from apt.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Family name inside the Noto Sans SC OTF files (what resvg matches font-family against). */
export const CJK_FONT_FAMILY = 'Noto Sans S Chinese';

/** The official fonts of GB/T 9704-2012 as Word names them. */
export const OFFICIAL_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  /** Latin letters and digits of body text. */
  latin: 'Times New Roman',
} as const;

export interface CjkFontFiles {
  regular: string;
  bold: string;
}

const REGULAR = 'NotoSansHans-Regular.otf';
const BOLD = 'NotoSansHans-Bold.otf';

function packageFontDir(): string | null {
  try {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    return join(dirname(entry), '..', 'fonts');
  } catch {
    return null;
  }
}

/** Paths of the Noto Sans SC OTF files: in `dir` when given, else in the npm package. */
export function cjkFontFiles(dir?: string): CjkFontFiles {
  const candidates = [dir, packageFontDir(), join(process.cwd(), 'node_modules', '@embedpdf', 'fonts-sc', 'fonts')];
  for (const candidate of candidates) {
    if (candidate && existsSync(join(candidate, REGULAR))) {
      return { regular: join(candidate, REGULAR), bold: join(candidate, BOLD) };
    }
  }
  throw new Error('Noto Sans SC fonts not found: install @embedpdf/fonts-sc or pass fontDir');
}

const cache = new Map<string, Buffer>();

/** The bytes of a font file, read once per process (8 MB a weight). */
export function fontBytes(path: string): Buffer {
  let bytes = cache.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    cache.set(path, bytes);
  }
  return bytes;
}
