// The generated summary: plain JSON that the API stores (SummaryReport.sections) and every renderer
// (Markdown, Word, PDF) reads. Computed text carries its figures and where each one came from.
import type { EventType, LeadingGroupRole, NarrativeKey, ReportStatus, TaskStatus } from '@campaign-month/contracts';

export type SectionKey =
  | 'leadership'
  | 'deployment'
  | 'publicity'
  | 'results'
  | 'units'
  | 'shortcomings'
  // 情况通报 (progress bulletin)
  | 'progress'
  | 'leaders'
  | 'problems'
  | 'requirements';

/** Which rows a figure was counted from: the filter the web app can open, plus a sample of ids. */
export interface FigureFilter {
  campaignId: string;
  organizationId: string;
  /** True for a roll-up: the organization and all its descendants. */
  subtree: boolean;
  eventType?: EventType;
  /** Metric key the figure sums. */
  metric?: string;
  /** One calendar day ('YYYY-MM-DD'). */
  occurredOn?: string;
  taskStatus?: TaskStatus;
  /** Only tasks not handed down further (a roll-up counts a cascaded task through its units' tasks). */
  leafTasks?: boolean;
  /** DONE tasks completed by their due day, or open tasks past it. */
  taskTiming?: 'ON_TIME' | 'OVERDUE';
  role?: LeadingGroupRole;
  /** Roll-up units by summary status; NONE = no summary generated yet. */
  summaryStatus?: ReportStatus | 'NONE' | 'HANDED_IN';
  late?: boolean;
  /** Roll-up units that handed their summary in at some point (with `late`: handed in after the due day). */
  handedIn?: boolean;
  participating?: boolean;
  leadingGroupSet?: boolean;
  /** 情况通报: rows as of the end of this day ('YYYY-MM-DD'): events that occurred by then and were logged by then, tasks done by then (decision 038). */
  asOf?: string;
  /** Units that logged at least one event (false: none). */
  hasEvents?: boolean;
  /** Units with at least one task open past its due day. */
  overdueTasks?: boolean;
}

export interface FigureSource {
  kind: 'events' | 'tasks' | 'leadingGroup' | 'units';
  filter: FigureFilter;
  /** Samples (≤ 20) of the rows behind the figure. */
  eventIds?: string[];
  taskIds?: string[];
  memberIds?: string[];
  unitIds?: string[];
}

/** A computed figure inside a paragraph's text. */
export interface Figure {
  /** Unique within the document, e.g. `publicity.types:LEAFLET.leaflets`. */
  id: string;
  /** The figure as it reads in the text, e.g. `3,000份`, `80余万元`, `11月6日`. */
  text: string;
  /** The exact value it was computed from, e.g. `3000`, `812300.00`, `2026-11-06`. */
  value: string;
  metric?: string;
  eventType?: EventType;
  /** Offsets of `text` within the paragraph's text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  source: FigureSource;
}

export interface Paragraph {
  /** Stable key, e.g. `leadership.group`; narrative keys address editable paragraphs. */
  key: string;
  /** May contain '\n' (written by the unit): renderers start a new paragraph there. */
  text: string;
  /** True for narrative the unit may write; computed paragraphs are regenerated, never edited. */
  editable: boolean;
  /** True while the text is only a prompt asking the unit to write it. */
  needsInput?: boolean;
  /** 'heading2' is a level-two heading such as （一）参与和报送情况. Default 'body'. */
  style?: 'body' | 'heading2';
  figures: Figure[];
}

export interface TableCell {
  text: string;
  figure?: Figure;
}

export interface Table {
  key: string;
  /** Header row. */
  columns: string[];
  /** Relative column widths (sum arbitrary). */
  widths: number[];
  /** Alignment of each column's body cells. */
  align: ('left' | 'center' | 'right')[];
  rows: TableCell[][];
}

export type ChartKey = 'byType' | 'byDay' | 'byUnit';

export interface Section {
  key: SectionKey;
  /** Position in the document, 1-based: gives the numeral of the heading. */
  number: number;
  /** Heading as printed, e.g. 一、领导重视，组织健全. */
  heading: string;
  paragraphs: Paragraph[];
  table?: Table;
  /** Charts that belong after this section's paragraphs, in order. */
  charts?: ChartKey[];
}

/** A photo the Word and PDF files print in the appendix 附件：活动图片. */
export interface AppendixPhoto {
  photoId: string;
  eventId: string;
  /** e.g. 照片1  11月6日，营业大厅，民警驻点劝阻冒充客服诈骗 */
  caption: string;
}

/** 附件：活动图片 — the note in the body and the attachment after the signature (GB/T 9704: 附件说明, 附件). */
export interface PhotoAppendix {
  /** 附件：活动图片 */
  note: string;
  /** 附件 */
  label: string;
  /** 活动图片 */
  title: string;
  photos: AppendixPhoto[];
}

export interface SummaryDocument {
  /** Version of this JSON shape. */
  format: 1;
  /** A unit's summary, a roll-up, or a 情况通报 (progress bulletin, written by writeBulletin). */
  scope: 'UNIT' | 'ROLLUP' | 'BULLETIN';
  campaignId: string;
  organizationId: string;
  /** e.g. 某县第一中学2026年防范通讯网络新型违法犯罪集中宣传月活动总结. */
  title: string;
  /** 为深入贯彻落实《…》文件要求，…现将活动开展情况总结如下： */
  opening: Paragraph;
  /** The unit's own sentence(s) after the opening (narrative key `opening.extra`), if any. */
  openingExtra?: Paragraph;
  sections: Section[];
  /** Photos, when the unit chose some or its quoted examples have any (added at export: withPhotoAppendix). */
  appendix?: PhotoAppendix;
  signature: {
    unit: string;
    /** Chinese date, e.g. 2026年11月30日. */
    date: string;
    /** 'YYYY-MM-DD'. */
    isoDate: string;
  };
}

/** Narrative paragraphs the unit may write (libs/contracts); anything else in `narrative` is ignored. */
export { NARRATIVE_KEYS, type NarrativeKey } from '@campaign-month/contracts';
export type Narrative = Partial<Record<NarrativeKey, string>> & Record<string, string>;
