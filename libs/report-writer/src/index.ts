// @campaign-month/report-writer: campaign facts in, the summary (活动总结) and its documents out.
// Pure functions: no HTTP, no database.
export * from './document.js';
export * from './facts.js';
export {
  enumerate,
  enumerationPrefix,
  formatChineseDate,
  formatChineseDateFull,
  formatPeriod,
  joinList,
  toChineseNumeral,
} from './format/chinese.js';
export {
  decimalToNumber,
  formatAudience,
  formatCount,
  formatMetricValue,
  formatYuan,
  roundDownForText,
  sumDecimals,
} from './format/numbers.js';
export { fillText, ZH_CN } from './phrases.zh-CN.js';
export { type ChartImage, type ChartOptions, type ChartSvg, chartSvgs, renderCharts } from './render/charts.js';
export {
  type DocxOptions,
  mmToTwips,
  OFFICIAL_PAGE,
  PHOTO_BOX,
  type PhotoImage,
  photoPrintSize,
  renderDocx,
} from './render/docx.js';
export { CJK_FONT_FAMILY, cjkFontFiles, OFFICIAL_FONTS } from './render/fonts.js';
export { type MarkdownOptions, renderMarkdown } from './render/markdown.js';
export { type PrintedContent, printedContent } from './write/printed.js';
export { type PdfOptions, pdfDefinition, renderPdf } from './render/pdf.js';
export {
  activityName,
  allParagraphs,
  paragraphsToWrite,
  signedOn,
  summaryTitle,
  writeSummary,
} from './write/summary.js';
export type { BulletinFacts, BulletinUnitRow } from './bulletin/facts.js';
export { rankUnits, writeBulletin } from './bulletin/write-bulletin.js';
export { comparisonParagraphs, percentText, unitChanges } from './write/comparison.js';
export {
  exampleEventIds,
  MAX_APPENDIX_PHOTOS,
  photoCaption,
  pickAppendixPhotos,
  withPhotoAppendix,
} from './write/photos.js';
