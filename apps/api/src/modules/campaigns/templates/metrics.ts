// Metrics the templates share. Labels are written without the unit; the unit is its own field.
import type { MetricDefinitionInput } from '@campaign-month/contracts';

export const AUDIENCE: MetricDefinitionInput = { key: 'audience', label: '受众人次', unit: '人次', kind: 'COUNT' };
export const LEAFLETS: MetricDefinitionInput = { key: 'leaflets', label: '发放宣传单', unit: '份', kind: 'COUNT' };
export const POSTERS: MetricDefinitionInput = { key: 'posters', label: '张贴海报', unit: '张', kind: 'COUNT' };
export const MESSAGES: MetricDefinitionInput = { key: 'messages', label: '推送信息', unit: '条', kind: 'COUNT' };
export const INTERCEPTED: MetricDefinitionInput = {
  key: 'interceptedTransactions',
  label: '阻止可疑交易',
  unit: '笔',
  kind: 'COUNT',
};
export const LOSSES_AVOIDED: MetricDefinitionInput = {
  key: 'lossesAvoided',
  label: '避免损失',
  unit: '元',
  kind: 'MONEY',
};
export const CONSULTATIONS: MetricDefinitionInput = {
  key: 'consultations',
  label: '解答群众咨询',
  unit: '人次',
  kind: 'COUNT',
};
export const TIPS_RECEIVED: MetricDefinitionInput = {
  key: 'tipsReceived',
  label: '受理举报线索',
  unit: '条',
  kind: 'COUNT',
};
export const FUNDS_RECOVERED: MetricDefinitionInput = {
  key: 'fundsRecovered',
  label: '追回医保基金',
  unit: '元',
  kind: 'MONEY',
};
export const PARENTS_REACHED: MetricDefinitionInput = {
  key: 'parentsReached',
  label: '覆盖家长',
  unit: '人次',
  kind: 'COUNT',
};
