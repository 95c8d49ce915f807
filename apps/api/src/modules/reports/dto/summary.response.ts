// Response body of the summary routes (generate, get, edit, submit, approve, return), as the OpenAPI
// document describes it: the version's metadata, its document (sections, paragraphs, figures and their
// sources, as libs/report-writer writes it) and the facts it was written from.
import {
  EVENT_TYPES,
  type EventType,
  REPORT_SCOPES,
  REPORT_STATUSES,
  type ReportScope,
  type ReportStatus,
} from '@campaign-month/contracts';
import type {
  ChartKey,
  Figure,
  FigureFilter,
  FigureSource,
  Paragraph,
  Section,
  SectionKey,
  SummaryDocument,
  Table,
  TableCell,
} from '@campaign-month/report-writer';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { SummaryView } from '../summaries.service.js';
import { RollupFactsResponse, UnitFactsResponse } from './summary-facts.response.js';

const SECTION_KEYS: readonly SectionKey[] = [
  'leadership',
  'deployment',
  'publicity',
  'results',
  'units',
  'shortcomings',
  'progress',
  'leaders',
  'problems',
  'requirements',
];
const CHART_KEYS: readonly ChartKey[] = ['byType', 'byDay', 'byUnit'];

export class FigureFilterResponse implements FigureFilter {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ description: 'True for a roll-up: the organization and all its descendants' })
  subtree: boolean;

  @ApiPropertyOptional({ enum: EVENT_TYPES })
  eventType?: EventType;

  @ApiPropertyOptional({ description: 'Metric key the figure sums' })
  metric?: string;

  @ApiPropertyOptional({ example: '2026-11-06' })
  occurredOn?: string;

  @ApiPropertyOptional({ enum: ['TODO', 'IN_PROGRESS', 'DONE', 'CANCELLED'] })
  taskStatus?: FigureFilter['taskStatus'];

  @ApiPropertyOptional({
    description: 'Only tasks not handed down further (GET /tasks?leaf=true): a roll-up counts the units’ tasks',
  })
  leafTasks?: boolean;

  @ApiPropertyOptional({ enum: ['ON_TIME', 'OVERDUE'] })
  taskTiming?: FigureFilter['taskTiming'];

  @ApiPropertyOptional({ enum: ['LEADER', 'DEPUTY', 'MEMBER'] })
  role?: FigureFilter['role'];

  @ApiPropertyOptional({ enum: [...REPORT_STATUSES, 'NONE', 'HANDED_IN'] })
  summaryStatus?: FigureFilter['summaryStatus'];

  @ApiPropertyOptional({ description: 'Units handed in after the due day, or not handed in past it' })
  late?: boolean;

  @ApiPropertyOptional({ description: 'Units that handed their summary in (at some point)' })
  handedIn?: boolean;

  @ApiPropertyOptional()
  participating?: boolean;

  @ApiPropertyOptional()
  leadingGroupSet?: boolean;

  @ApiPropertyOptional({
    example: '2026-11-21',
    description: '情况通报: rows as of the end of this day (decision 038)',
  })
  asOf?: string;

  @ApiPropertyOptional({ description: 'Units that logged at least one event (false: none)' })
  hasEvents?: boolean;

  @ApiPropertyOptional({ description: 'Units with a task open past its due day' })
  overdueTasks?: boolean;
}

export class FigureSourceResponse implements FigureSource {
  @ApiProperty({ enum: ['events', 'tasks', 'leadingGroup', 'units'] })
  kind: FigureSource['kind'];

  @ApiProperty({ type: () => FigureFilterResponse })
  filter: FigureFilterResponse;

  @ApiPropertyOptional({ type: [String], description: 'Samples (≤ 20) of the rows behind the figure' })
  eventIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  taskIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  memberIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  unitIds?: string[];
}

export class FigureResponse implements Figure {
  @ApiProperty({ example: 'publicity.types:LEAFLET.leaflets' })
  id: string;

  @ApiProperty({ example: '3,000份', description: 'The figure as it reads in the text' })
  text: string;

  @ApiProperty({ example: '3000', description: 'The exact value it was computed from' })
  value: string;

  @ApiPropertyOptional()
  metric?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES })
  eventType?: EventType;

  @ApiProperty({ type: 'integer', description: 'Offset of text within the paragraph (UTF-16 code units)' })
  start: number;

  @ApiProperty({ type: 'integer', description: 'End offset, exclusive' })
  end: number;

  @ApiProperty({ type: () => FigureSourceResponse })
  source: FigureSourceResponse;
}

export class ParagraphResponse implements Paragraph {
  @ApiProperty({ example: 'leadership.group' })
  key: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ description: 'Narrative the unit may write; computed paragraphs are regenerated, never edited' })
  editable: boolean;

  @ApiPropertyOptional({ description: 'The text is only a prompt asking the unit to write it' })
  needsInput?: boolean;

  @ApiPropertyOptional({ enum: ['body', 'heading2'] })
  style?: 'body' | 'heading2';

  @ApiProperty({ type: () => FigureResponse, isArray: true })
  figures: FigureResponse[];
}

export class TableCellResponse implements TableCell {
  @ApiProperty()
  text: string;

  @ApiPropertyOptional({ type: () => FigureResponse })
  figure?: FigureResponse;
}

export class TableResponse implements Table {
  @ApiProperty()
  key: string;

  @ApiProperty({ type: [String] })
  columns: string[];

  @ApiProperty({ type: [Number], description: 'Relative column widths (proportions; their sum is arbitrary)' })
  widths: number[];

  @ApiProperty({ enum: ['left', 'center', 'right'], isArray: true })
  align: ('left' | 'center' | 'right')[];

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { $ref: '#/components/schemas/TableCellResponse' } },
  })
  rows: TableCellResponse[][];
}

export class SectionResponse implements Section {
  @ApiProperty({ enum: SECTION_KEYS })
  key: SectionKey;

  @ApiProperty({ type: 'integer', minimum: 1 })
  number: number;

  @ApiProperty({ example: '一、领导重视，组织健全' })
  heading: string;

  @ApiProperty({ type: () => ParagraphResponse, isArray: true })
  paragraphs: ParagraphResponse[];

  @ApiPropertyOptional({ type: () => TableResponse })
  table?: TableResponse;

  @ApiPropertyOptional({ enum: CHART_KEYS, isArray: true })
  charts?: ChartKey[];
}

export class SignatureResponse {
  @ApiProperty()
  unit: string;

  @ApiProperty({ example: '2026年11月30日' })
  date: string;

  @ApiProperty({ example: '2026-11-30' })
  isoDate: string;
}

export class SummaryDocumentResponse implements SummaryDocument {
  @ApiProperty({ type: 'integer', enum: [1], description: 'Version of this JSON shape' })
  format: 1;

  @ApiProperty({ enum: REPORT_SCOPES })
  scope: ReportScope;

  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: () => ParagraphResponse })
  opening: ParagraphResponse;

  @ApiPropertyOptional({ type: () => ParagraphResponse })
  openingExtra?: ParagraphResponse;

  @ApiProperty({ type: () => SectionResponse, isArray: true })
  sections: SectionResponse[];

  @ApiProperty({ type: () => SignatureResponse })
  signature: SignatureResponse;
}

export class PreviousReviewResponse {
  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;

  @ApiProperty({ type: String, nullable: true, description: 'What the reviewer wrote when returning it' })
  reviewerComment: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt: string | null;
}

export class SummaryResponse implements SummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ enum: REPORT_SCOPES })
  scope: ReportScope;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Also the ETag; send it as If-Match to edit' })
  version: number;

  @ApiProperty({ enum: REPORT_STATUSES })
  status: ReportStatus;

  @ApiProperty()
  title: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The comment of the last return: kept on the versions made after it, until the unit submits again',
  })
  reviewerComment: string | null;

  @ApiProperty({
    description:
      'True when this version, written again from the rows as they are now, would print anything else: a figure or ' +
      'fact of any section (events added, corrected, retyped or deleted; tasks done; a leading group saved; units ' +
      'handing in), a name or a chart. The day it is signed is not compared. Regenerate (after a return) to update it.',
  })
  outdated: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Narrative key → the unit’s text',
  })
  narrative: Record<string, string>;

  @ApiProperty({ type: () => SummaryDocumentResponse })
  document: SummaryDocumentResponse;

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(UnitFactsResponse) }, { $ref: getSchemaPath(RollupFactsResponse) }],
    description: 'The facts the document was written from: UnitFacts (kind UNIT) or RollupFacts (kind ROLLUP)',
  })
  facts: UnitFactsResponse | RollupFactsResponse;

  @ApiProperty({
    type: [String],
    description:
      'Editable paragraphs still showing a prompt instead of the unit’s text: submitting answers 422 until none is left',
  })
  needsInput: string[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({
    type: () => PreviousReviewResponse,
    nullable: true,
    description:
      'The last earlier version a reviewer returned, with its comment: the reviewer of a resubmission compares ' +
      'this version with it (GET ?version=N). Null when no earlier version was returned',
  })
  previousReview: PreviousReviewResponse | null;
}
