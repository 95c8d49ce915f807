import type { LedgerImportResult } from '@campaign-month/contracts';
import { Controller, Get, Inject, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { binaryContent } from '../../core/http/dto/binary.response.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { SingleFileUpload, type UploadedFileData } from '../../core/uploads/file-upload.interceptor.js';
import { EventFilterQueryDto } from './dto/event.dto.js';
import { LedgerImportResultResponse } from './dto/event.response.js';
import { ImportQueryDto } from './dto/ledger.dto.js';
import { FILE_UPLOAD_BODY } from './dto/photo.dto.js';
import { LedgerExportService } from './ledger-export.service.js';
import { LedgerImportService } from './ledger-import.service.js';
import { XLSX_CONTENT_TYPE } from './ledger-layout.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class LedgerController {
  constructor(
    @Inject(LedgerExportService) private readonly exporter: LedgerExportService,
    @Inject(LedgerImportService) private readonly importer: LedgerImportService,
  ) {}

  @Get('campaigns/:id/events.xlsx')
  @Requires('event:read')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary: 'The ledger (台账) of the events in your scope as an .xlsx workbook',
    description:
      'Columns 单位, 日期, 活动类型, 标题, 地点, 内容, one per metric ("label(unit)"), 照片数; a 合计 totals row. ' +
      'Takes the list filters. Streamed; the file name (Content-Disposition filename*) is the campaign title + 活动台账.xlsx.',
  })
  @ApiOkResponse({ description: 'The workbook', content: binaryContent(XLSX_CONTENT_TYPE) })
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Query() q: EventFilterQueryDto,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.exporter.export(actor, id, q, res);
  }

  @Post('campaigns/:id/events/import')
  @Requires('event:write')
  @UseInterceptors(SingleFileUpload('file', 'maxImportBytes'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_UPLOAD_BODY('A ledger workbook (.xlsx) in the layout of GET /campaigns/{id}/events.xlsx'))
  @ApiOperation({
    summary: 'Import events from a ledger workbook: all rows or none',
    description:
      'Every row is checked (unit name → participating unit in your scope, date in the period, type label or code, metrics). ' +
      'Any problem: 400 (422 when the only problems are approved summaries) with details [{ row, column, field, message }], nothing written. ' +
      'Not an .xlsx workbook: 415. dryRun=true checks only and answers 200 with what would be created.',
  })
  @ApiCreatedResponse({ type: LedgerImportResultResponse, description: 'LedgerImportResult (200 for a dry run)' })
  @ApiOkResponse({ type: LedgerImportResultResponse, description: 'LedgerImportResult of a dry run: nothing written' })
  async import(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Query() q: ImportQueryDto,
    @UploadedFile() file: UploadedFileData | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<LedgerImportResult> {
    const result = await this.importer.import(actor, id, file, q.dryRun ?? false);
    res.status(result.dryRun ? 200 : 201);
    return result;
  }
}
