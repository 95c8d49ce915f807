// What the two import routes share: their routes, documented behaviour, answers and the template download.
import type { ImportResult, Permission } from '@campaign-month/contracts';
import { applyDecorators, Get, Post, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Requires } from '../access/requires.decorator.js';
import { attachment } from '../http/content-disposition.js';
import { binaryContent } from '../http/dto/binary.response.js';
import { sendStream } from '../http/send-stream.js';
import { SingleFileUpload } from '../uploads/file-upload.interceptor.js';
import { XLSX_CONTENT_TYPE } from './cells.js';
import { ImportResultResponse } from './import.dto.js';
import { type ImportTemplate, writeTemplate } from './template.js';

export const IMPORT_ROUTE_DESCRIPTION =
  'The first sheet; the header row is found by its column names (any order, other columns ignored); blank rows ignored. ' +
  'dryRun is required: true checks every row and writes nothing (200, errors listed); false writes every row in one ' +
  'transaction (201) or, when any row has an error, nothing: 422 with details = the ImportResult (errors by row and column). ' +
  'Rows already there are skipped, so a re-import adds nothing twice. Not an .xlsx workbook: 415; over UPLOAD_MAX_IMPORT_BYTES: 413.';

export async function sendTemplate(
  res: FastifyReply,
  template: ImportTemplate,
  fileName: string,
  asciiName: string,
): Promise<void> {
  res
    .header('Content-Type', XLSX_CONTENT_TYPE)
    .header('Content-Disposition', attachment(fileName, asciiName))
    .header('Cache-Control', 'no-store');
  await sendStream(res, (out) => writeTemplate(out, template));
}

/** GET <prefix>/import-template.xlsx, documented: the sheet's template for those who hold `permission`. */
export function ImportTemplateRoute(permission: Permission, summary: string, description: string) {
  return applyDecorators(
    Get('import-template.xlsx'),
    Requires(permission),
    ApiProduces(XLSX_CONTENT_TYPE),
    ApiOperation({ summary, description }),
    ApiOkResponse({ description: 'The workbook', content: binaryContent(XLSX_CONTENT_TYPE) }),
  );
}

/** POST <prefix>/import?dryRun=, documented: one .xlsx file in the multipart field `file`. */
export function ImportSheetRoute(permission: Permission, sheet: string, summary: string, description: string) {
  return applyDecorators(
    Post('import'),
    Requires(permission),
    UseInterceptors(SingleFileUpload('file', 'maxImportBytes')),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary', description: `The ${sheet} sheet (.xlsx)` } },
      },
    }),
    ApiOperation({ summary, description: `${description} ${IMPORT_ROUTE_DESCRIPTION}` }),
    ApiOkResponse({
      type: ImportResultResponse,
      description: 'ImportResult of a dry run (errors listed; nothing written)',
    }),
    ApiCreatedResponse({ type: ImportResultResponse, description: 'ImportResult of an apply: every row written' }),
  );
}

/** A dry run answers 200, an apply 201. */
export function answerImport(res: FastifyReply, result: ImportResult): ImportResult {
  res.status(result.dryRun ? 200 : 201);
  return result;
}
