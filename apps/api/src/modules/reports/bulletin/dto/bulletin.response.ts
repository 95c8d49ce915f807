// The 情况通报 as JSON: the document the Word and PDF files print (with every figure's source, filtered
// `asOf`) and the facts it was written from.
import type { BulletinFacts, BulletinUnitRow } from '@campaign-month/report-writer';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import type { BulletinView } from '../bulletin.service.js';
import { CampaignFactResponse, MetricFactResponse, UnitFactResponse } from '../../dto/summary-facts.response.js';
import { SummaryDocumentResponse } from '../../dto/summary.response.js';

export class BulletinDocumentResponse extends OmitType(SummaryDocumentResponse, ['scope'] as const) {
  @ApiProperty({ enum: ['BULLETIN'] })
  scope: 'BULLETIN';
}

export class BulletinUnitRowResponse implements BulletinUnitRow {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'Its leading group was recorded by the end of the day' })
  leadingGroupSet: boolean;

  @ApiProperty({ type: 'integer', description: 'Events that occurred by the day and were logged by its end' })
  eventCount: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { audience: '955', lossesAvoided: '812300.00' },
    description: 'Metric key → decimal sum over those events',
  })
  metricTotals: Record<string, string>;

  @ApiProperty({ type: 'integer', description: 'Tasks created by the end of the day, cancelled ones left out' })
  tasksTotal: number;

  @ApiProperty({ type: 'integer', description: 'Of those, completed by the end of the day' })
  tasksDone: number;

  @ApiProperty({ type: 'integer', description: 'Of those, past their due day and not completed by then' })
  tasksOverdue: number;

  @ApiProperty({ description: 'The unit had handed its summary in by the end of the day' })
  handedIn: boolean;

  @ApiProperty({ type: [String], description: 'A sample (≤ 20) of its counted events' })
  eventIds: string[];
}

export class BulletinFactsResponse implements BulletinFacts {
  @ApiProperty({ enum: ['BULLETIN'] })
  kind: 'BULLETIN';

  @ApiProperty({ type: () => CampaignFactResponse })
  campaign: CampaignFactResponse;

  @ApiProperty({ type: () => UnitFactResponse, description: 'The organization the bulletin speaks for and signs as' })
  issuer: UnitFactResponse;

  @ApiProperty({ example: '2026-11-21' })
  asOf: string;

  @ApiProperty({ type: () => MetricFactResponse, isArray: true })
  metrics: MetricFactResponse[];

  @ApiProperty({ type: () => BulletinUnitRowResponse, isArray: true })
  units: BulletinUnitRowResponse[];
}

export class BulletinResponse implements BulletinView {
  @ApiProperty({ example: '2026-11-21', description: 'The day the figures stand at' })
  asOf: string;

  @ApiProperty({ type: () => BulletinDocumentResponse })
  document: BulletinDocumentResponse;

  @ApiProperty({ type: () => BulletinFactsResponse })
  facts: BulletinFactsResponse;
}
