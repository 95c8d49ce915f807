// Reading an uploaded workbook: judged by its content (not its name), anything but xlsx is 415.
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { InvalidInput, UnsupportedMediaType } from '../errors/domain-errors.js';

/** The workbook's first sheet; anything that is not an xlsx workbook is 415. `what` names the file (the ledger). */
export async function readFirstSheet(buffer: Buffer, what = 'the file'): Promise<ExcelJS.Worksheet> {
  const type = await fileTypeFromBuffer(buffer);
  if (type?.ext !== 'xlsx')
    throw new UnsupportedMediaType(`Send ${what} as an .xlsx workbook (judged by the file content, not its name)`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new UnsupportedMediaType('The file cannot be read as an .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw InvalidInput.field('file', 'The workbook has no sheet');
  return sheet;
}
