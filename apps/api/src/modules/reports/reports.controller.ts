import { paragraphsToWrite, type SummaryDocument } from '@campaign-month/report-writer';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { InvalidInput } from '../../core/errors/domain-errors.js';
import { binaryContent } from '../../core/http/dto/binary.response.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { attachment } from '../../core/http/content-disposition.js';
import { sendStream } from '../../core/http/send-stream.js';
import {
  EditSummaryDto,
  GenerateSummaryDto,
  ReturnWithScopeDto,
  SummaryGetQueryDto,
  SummaryQueryDto,
  TransitionDto,
} from './dto/summary.dto.js';
import { SummaryResponse, TableCellResponse } from './dto/summary.response.js';
import { RollupFactsResponse, UnitFactsResponse } from './dto/summary-facts.response.js';
import { SummariesService, type SummaryView } from './summaries.service.js';
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  type ExportFormat,
  SummaryExportsService,
} from './summary-exports.service.js';

const UNIT = 'campaigns/:id/organizations/:orgId/summary';

/** Header of a download: how many paragraphs still show a prompt (【待补充】, 【待填写】); 0 when ready to send. */
const NEEDS_INPUT = 'X-Summary-Needs-Input';
const NEEDS_INPUT_HEADER = {
  [NEEDS_INPUT]: {
    description:
      'How many paragraphs of this version still show a prompt (【待补充】/【待填写】) instead of text: the JSON ' +
      'view’s needsInput lists them. 0 when the document is ready to send upward.',
    schema: { type: 'integer', minimum: 0 },
  },
};

@ApiTags('summaries')
@ApiBearerAuth()
@ApiExtraModels(TableCellResponse, UnitFactsResponse, RollupFactsResponse)
@Controller()
export class ReportsController {
  constructor(
    @Inject(SummariesService) private readonly summaries: SummariesService,
    @Inject(SummaryExportsService) private readonly exports: SummaryExportsService,
  ) {}

  @Post(UNIT)
  // a unit's summary: its reporters; a roll-up: also the organizers above it (decided on the row)
  @Requires('report:write', 'report:review')
  @ApiOperation({
    summary: 'Generate a new draft version from the logged facts (REPORTER for UNIT; REPORTER or ORGANIZER for ROLLUP)',
  })
  @ApiCreatedResponse({ type: SummaryResponse, description: 'SummaryView of the new DRAFT version' })
  generate(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Body() dto: GenerateSummaryDto,
  ) {
    return this.summaries.generate(a, { campaignId: id, organizationId: orgId, scope: dto.scope });
  }

  @Get(UNIT)
  @Requires('report:read')
  @ApiOperation({
    summary: 'The latest (or a given) version, with its sections, figures and their sources; ETag is the version',
  })
  @ApiOkResponse({
    type: SummaryResponse,
    description: 'SummaryView; with ifExists=true, null while no version was generated (without it: 404)',
  })
  async get(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Query() q: SummaryGetQueryDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<SummaryView | null> {
    const target = { campaignId: id, organizationId: orgId, scope: q.scope };
    if (q.ifExists && q.version) throw InvalidInput.field('ifExists', 'ifExists is for the latest version only');
    const view = q.ifExists
      ? await this.summaries.getIfExists(a, target)
      : await this.summaries.get(a, target, q.version);
    if (view) res.header('ETag', `"${view.version}"`);
    return view;
  }

  @Patch(UNIT)
  // A unit's summary: its reporters (report:write); a roll-up: also the organizers above it (checked by the service).
  @Requires('report:write', 'report:review')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version being edited; a stale one answers 409' })
  @ApiOperation({ summary: 'Edit the narrative paragraphs (a new version); figures are regenerated, never typed over' })
  @ApiOkResponse({ type: SummaryResponse, description: 'SummaryView of the new version (its ETag)' })
  async edit(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: EditSummaryDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const view = await this.summaries.edit(
      a,
      { campaignId: id, organizationId: orgId, scope: dto.scope },
      ifMatch,
      dto.narrative,
    );
    res.header('ETag', `"${view.version}"`);
    return view;
  }

  @Post(`${UNIT}/submit`)
  @HttpCode(200)
  @Requires('report:write')
  @ApiOperation({ summary: 'DRAFT or RETURNED → SUBMITTED (the unit’s REPORTER); 422 otherwise' })
  @ApiOkResponse({ type: SummaryResponse, description: 'SummaryView, now SUBMITTED' })
  submit(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Body() dto: TransitionDto,
  ) {
    return this.summaries.submit(a, { campaignId: id, organizationId: orgId, scope: dto.scope });
  }

  @Post(`${UNIT}/approve`)
  @HttpCode(200)
  @Requires('report:review')
  @ApiOperation({ summary: 'SUBMITTED → APPROVED (ORGANIZER of a superior unit); locks the unit’s events' })
  @ApiOkResponse({ type: SummaryResponse, description: 'SummaryView, now APPROVED' })
  approve(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Body() dto: TransitionDto,
  ) {
    return this.summaries.approve(a, { campaignId: id, organizationId: orgId, scope: dto.scope });
  }

  @Post(`${UNIT}/return`)
  @HttpCode(200)
  @Requires('report:review')
  @ApiOperation({ summary: 'SUBMITTED or APPROVED → RETURNED with a comment (ORGANIZER of a superior unit)' })
  @ApiOkResponse({ type: SummaryResponse, description: 'SummaryView, now RETURNED' })
  return(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Body() dto: ReturnWithScopeDto,
  ) {
    return this.summaries.return(a, { campaignId: id, organizationId: orgId, scope: dto.scope }, dto.comment);
  }

  @Get(`${UNIT}.docx`)
  @Requires('report:read')
  @ApiProduces(CONTENT_TYPES.docx)
  @ApiOperation({ summary: 'The summary as Word (GB/T 9704 layout)' })
  @ApiOkResponse({
    description: 'The .docx file',
    content: binaryContent(CONTENT_TYPES.docx),
    headers: NEEDS_INPUT_HEADER,
  })
  docx(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Query() q: SummaryQueryDto,
    @Res() res: FastifyReply,
  ) {
    return this.download(a, id, orgId, q, 'docx', res);
  }

  @Get(`${UNIT}.pdf`)
  @Requires('report:read')
  @ApiProduces(CONTENT_TYPES.pdf)
  @ApiOperation({ summary: 'The summary as PDF' })
  @ApiOkResponse({
    description: 'The .pdf file',
    content: binaryContent(CONTENT_TYPES.pdf),
    headers: NEEDS_INPUT_HEADER,
  })
  pdf(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Query() q: SummaryQueryDto,
    @Res() res: FastifyReply,
  ) {
    return this.download(a, id, orgId, q, 'pdf', res);
  }

  @Get(`${UNIT}.md`)
  @Requires('report:read')
  @ApiProduces('text/markdown')
  @ApiOperation({ summary: 'The summary as Markdown' })
  @ApiOkResponse({ description: 'The .md file', content: binaryContent(CONTENT_TYPES.md), headers: NEEDS_INPUT_HEADER })
  md(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Query() q: SummaryQueryDto,
    @Res() res: FastifyReply,
  ) {
    return this.download(a, id, orgId, q, 'md', res);
  }

  @Get('campaigns/:id/summaries.zip')
  @Requires('report:read')
  @ApiProduces('application/zip')
  @ApiQuery({ name: 'format', enum: EXPORT_FORMATS, required: false })
  @ApiOperation({ summary: 'The latest summary of every unit in your scope, streamed as a zip' })
  @ApiOkResponse({ description: 'A zip of one file per unit', content: binaryContent('application/zip') })
  async zip(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Query('format') format: string | undefined,
    @Res() res: FastifyReply,
  ) {
    const f = (format ?? 'docx') as ExportFormat;
    if (!EXPORT_FORMATS.includes(f))
      throw InvalidInput.field('format', `format must be one of ${EXPORT_FORMATS.join(', ')}`);
    const campaign = await this.summaries.campaignTitle(a, id);
    res.header('Content-Type', 'application/zip');
    res.header('Content-Disposition', attachment(`${campaign}-活动总结.zip`));
    await sendStream(res, (out) => this.exports.zip(a, id, f, out));
  }

  private async download(
    a: Actor,
    id: string,
    orgId: string,
    q: SummaryQueryDto,
    format: ExportFormat,
    res: FastifyReply,
  ) {
    const report = await this.summaries.getRow(a, { campaignId: id, organizationId: orgId, scope: q.scope }, q.version);
    const body = await this.exports.file(report, format);
    res.header('Content-Type', CONTENT_TYPES[format]);
    res.header('Content-Disposition', attachment(this.exports.fileName(report, format)));
    res.header('ETag', `"${report.version}"`);
    res.header(NEEDS_INPUT, String(paragraphsToWrite(report.sections as unknown as SummaryDocument).length));
    res.header('Cache-Control', 'private, no-cache');
    res.send(body);
  }
}
