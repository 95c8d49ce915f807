// The organization sheet's template (GET /organizations/import-template.xlsx).
import {
  ORGANIZATION_IMPORT_COLUMNS,
  ORGANIZATION_KIND_ALIASES,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
} from '@campaign-month/contracts';
import type { ImportTemplate } from '../../core/spreadsheet/template.js';

export const ORGANIZATION_TEMPLATE_FILE = '单位导入模板.xlsx';

export const ORGANIZATION_TEMPLATE: ImportTemplate = {
  sheetName: '单位',
  columns: ORGANIZATION_IMPORT_COLUMNS,
  examples: [
    ['城关镇', '', '乡镇', 'CG001'],
    ['城关镇中心小学', '城关镇', '学校', 'CG001-01'],
  ],
  notes: [
    ['单位名称', '必填', '单位全称,不超过200字;同一上级单位下不能重名。'],
    [
      '上级单位',
      '选填',
      '上级单位的名称或单位编码:可以是系统中您管理范围内已有的单位,也可以是本表中的另一行(行的先后顺序不限)。留空表示您本人所在(管理)的单位;如您管理多个单位,必须填写。名称对应多个单位时请填写单位编码。',
    ],
    ['单位类型', '必填', '见下方“可填的单位类型”。'],
    [
      '单位编码',
      '选填',
      '本单位的编码,在整个系统中唯一。已存在相同编码的单位时,该行视为已导入并跳过;没有编码时,同一上级单位下已有同名单位的行也跳过。',
    ],
  ],
  values: [
    [
      '可填的单位类型',
      ORGANIZATION_KINDS.map((k) => {
        const aliases = Object.entries(ORGANIZATION_KIND_ALIASES)
          .filter(([, v]) => v === k)
          .map(([a]) => a);
        return `${ORGANIZATION_KIND_LABELS[k]}${aliases.length ? `(或:${aliases.join('/')})` : ''}`;
      }),
    ],
  ],
};
