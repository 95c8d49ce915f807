import type { ImportResult } from '@campaign-month/contracts';
import { Controller, Get, Inject, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
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
import { XLSX_CONTENT_TYPE } from '../../core/spreadsheet/cells.js';
import { DryRunQueryDto, ImportResultResponse } from '../../core/spreadsheet/import.dto.js';
import { IMPORT_ROUTE_DESCRIPTION, sendTemplate } from '../../core/spreadsheet/import-route.js';
import { SingleFileUpload, type UploadedFileData } from '../../core/uploads/file-upload.interceptor.js';
import { UserImportService } from './user-import.service.js';
import { USER_TEMPLATE, USER_TEMPLATE_FILE } from './user-import.template.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UserImportController {
  constructor(@Inject(UserImportService) private readonly importer: UserImportService) {}

  @Get('import-template.xlsx')
  @Requires('user:write')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary: 'The user sheet template (用户导入模板.xlsx)',
    description:
      'Sheet 1: the header row 姓名, 手机号, 邮箱, 单位, 角色 and two example rows; sheet 2 (说明): each column and the accepted 角色.',
  })
  @ApiOkResponse({ description: 'The workbook', content: binaryContent(XLSX_CONTENT_TYPE) })
  async template(@Res() res: FastifyReply): Promise<void> {
    await sendTemplate(res, USER_TEMPLATE, USER_TEMPLATE_FILE, 'user-import-template.xlsx');
  }

  @Post('import')
  @Requires('user:write')
  @UseInterceptors(SingleFileUpload('file', 'maxImportBytes'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The user sheet (.xlsx)' } },
    },
  })
  @ApiOperation({
    summary: 'Import users and memberships from the user sheet: all rows or none',
    description:
      'Columns 姓名, 手机号 and/or 邮箱, 单位 (name or 单位编码 in your scope), 角色. New users have no password (they activate ' +
      'through an invitation link). A user of the tenant with that 手机号/邮箱: skipped when it has that membership, else ' +
      `the membership is added (updated) when you may manage the user; a log-in used elsewhere is a row error. ${IMPORT_ROUTE_DESCRIPTION}`,
  })
  @ApiOkResponse({
    type: ImportResultResponse,
    description: 'ImportResult of a dry run (errors listed; nothing written)',
  })
  @ApiCreatedResponse({ type: ImportResultResponse, description: 'ImportResult of an apply: every row written' })
  async import(
    @CurrentActor() actor: Actor,
    @Query() q: DryRunQueryDto,
    @UploadedFile() file: UploadedFileData | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ImportResult> {
    const result = await this.importer.import(actor, file, q.dryRun);
    res.status(result.dryRun ? 200 : 201);
    return result;
  }
}
