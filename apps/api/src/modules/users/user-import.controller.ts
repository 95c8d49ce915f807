import type { ImportResult } from '@campaign-month/contracts';
import { Controller, Inject, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { DryRunQueryDto } from '../../core/spreadsheet/import.dto.js';
import {
  answerImport,
  ImportSheetRoute,
  ImportTemplateRoute,
  sendTemplate,
} from '../../core/spreadsheet/import-route.js';
import { type UploadedFileData } from '../../core/uploads/file-upload.interceptor.js';
import { UserImportService } from './user-import.service.js';
import { USER_TEMPLATE, USER_TEMPLATE_FILE } from './user-import.template.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UserImportController {
  constructor(@Inject(UserImportService) private readonly importer: UserImportService) {}

  @ImportTemplateRoute(
    'user:write',
    'The user sheet template (用户导入模板.xlsx)',
    'Sheet 1: the header row 姓名, 手机号, 邮箱, 单位, 角色 and two example rows; sheet 2 (说明): each column and the accepted 角色.',
  )
  async template(@Res() res: FastifyReply): Promise<void> {
    await sendTemplate(res, USER_TEMPLATE, USER_TEMPLATE_FILE, 'user-import-template.xlsx');
  }

  @ImportSheetRoute(
    'user:write',
    'user',
    'Import users and memberships from the user sheet: all rows or none',
    'Columns 姓名, 手机号 and/or 邮箱, 单位 (name or 单位编码 in your scope), 角色. New users have no password (they activate ' +
      'through an invitation link). A user of the tenant with that 手机号/邮箱: skipped when it has that membership, else ' +
      'the membership is added (updated) when you may manage the user; a log-in used elsewhere is a row error.',
  )
  async import(
    @CurrentActor() actor: Actor,
    @Query() q: DryRunQueryDto,
    @UploadedFile() file: UploadedFileData | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ImportResult> {
    return answerImport(res, await this.importer.import(actor, file, q.dryRun));
  }
}
