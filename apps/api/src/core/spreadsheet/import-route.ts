// What the two import routes share: their documented behaviour and the template download.
import type { FastifyReply } from 'fastify';
import { sendStream } from '../http/send-stream.js';
import { attachment } from '../http/content-disposition.js';
import { XLSX_CONTENT_TYPE } from './cells.js';
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
