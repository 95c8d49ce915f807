// The user sheet's template (GET /users/import-template.xlsx). Its example units are the organization
// template's, so the two templates imported one after the other go through cleanly.
import { ROLE_ALIASES, ROLE_LABELS, ROLES, USER_IMPORT_COLUMNS } from '@campaign-month/contracts';
import type { ImportTemplate } from '../../core/spreadsheet/template.js';

export const USER_TEMPLATE_FILE = '用户导入模板.xlsx';

export const USER_TEMPLATE: ImportTemplate = {
  sheetName: '用户',
  columns: USER_IMPORT_COLUMNS,
  examples: [
    ['张三', '13800138000', 'zhangsan@example.com', '城关镇', '管理员'],
    ['李老师', '13900139000', '', 'CG001-01', '填报员'],
  ],
  notes: [
    ['姓名', '必填', '不超过100字。'],
    ['手机号', '二选一', '11位手机号,可带 +86、空格或短横线;用于登录。手机号和邮箱至少填写一项。'],
    ['邮箱', '二选一', '用于登录。手机号和邮箱在系统中唯一。'],
    [
      '单位',
      '必填',
      '您管理范围内单位的名称或单位编码;名称对应多个单位时请填写单位编码。同一人员可以占多行(每行一个单位)。',
    ],
    ['角色', '必填', '见下方“可填的角色”;不能高于您本人的角色。'],
    [
      '导入后',
      '',
      '新用户没有密码,需由管理员发送邀请链接激活。手机号或邮箱已是本单位体系内的用户时:已有该单位身份则跳过,否则为其增加该单位的身份。',
    ],
  ],
  values: [
    [
      '可填的角色',
      ROLES.map((r) => {
        const aliases = Object.entries(ROLE_ALIASES)
          .filter(([a, v]) => v === r && a !== ROLE_LABELS[r])
          .map(([a]) => a);
        return `${ROLE_LABELS[r]}${aliases.length ? `(或:${aliases.join('/')})` : ''}`;
      }),
    ],
  ],
};
