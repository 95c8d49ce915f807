// The downloadable import templates: sheet 1 the header row and example rows, sheet 2 (说明) what each
// column takes and the accepted values. Streamed with exceljs' writer.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface ImportTemplate {
  sheetName: string;
  columns: readonly string[];
  examples: string[][];
  /** One line per column: [column, 必填/选填, explanation]. */
  notes: [string, string, string][];
  /** Lists of accepted values: [title, values]. */
  values: [string, string[]][];
}

export async function writeTemplate(out: Writable, t: ImportTemplate): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const sheet = wb.addWorksheet(t.sheetName);
  sheet.columns = t.columns.map((c) => ({ header: c, key: c, width: Math.max(16, c.length * 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  // text format, so that a 手机号 or 单位编码 typed in keeps its leading zeros and is not shown as 1.38E+10
  for (let c = 1; c <= t.columns.length; c++) sheet.getColumn(c).numFmt = '@';
  for (const example of t.examples) sheet.addRow(example).commit();
  sheet.commit();

  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列名', key: 'column', width: 14 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'note', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const [column, required, note] of t.notes) help.addRow({ column, required, note }).commit();
  help.addRow([]).commit();
  for (const [title, values] of t.values) help.addRow({ column: title, note: values.join('、') }).commit();
  help.addRow([]).commit();
  help
    .addRow({
      column: '导入规则',
      note: '第一个工作表的第一行为表头,列的顺序不限,多余的列忽略,空行忽略。先“试导入”检查,全部无误后再正式导入;任一行有错误时一行也不导入。重复导入时已存在的行会跳过。',
    })
    .commit();
  help.commit();
  await wb.commit();
}
