// A photo as a summary prints it: turned upright, at most 1280 px on its long side, JPEG at quality 75 — and
// smaller or coarser when that is still above PRINT_BUDGET, so that nine 10 MB photos make a file under 5 MB.
import sharp from 'sharp';

export const PRINT_EDGE = 1280;
/** Bytes one printed photo may take at most (nine of them leave room for text and charts under 5 MB). */
export const PRINT_BUDGET = 450 * 1024;
const MAX_PIXELS = 100_000_000;
const STEPS: [edge: number, quality: number][] = [
  [PRINT_EDGE, 75],
  [PRINT_EDGE, 60],
  [1024, 55],
  [800, 50],
];

export interface PrintImage {
  jpeg: Buffer;
  width: number;
  height: number;
}

export async function printImage(original: Buffer): Promise<PrintImage> {
  let last: PrintImage | null = null;
  for (const [edge, quality] of STEPS) {
    const { data, info } = await sharp(original, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality })
      .toBuffer({ resolveWithObject: true });
    last = { jpeg: data, width: info.width, height: info.height };
    if (data.length <= PRINT_BUDGET) return last;
  }
  return last!;
}
