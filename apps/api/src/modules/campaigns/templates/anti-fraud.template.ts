import type { CampaignTemplateView } from '@campaign-month/contracts';
import { AUDIENCE, CONSULTATIONS, INTERCEPTED, LEAFLETS, LOSSES_AVOIDED, MESSAGES, POSTERS } from './metrics.js';

/** 全民反诈在行动集中宣传月: launched by public security, run by towns, banks, payment platforms, enterprises. */
export const ANTI_FRAUD_TEMPLATE: CampaignTemplateView = {
  key: 'anti-fraud',
  name: '全民反诈在行动集中宣传月',
  description: '公安机关牵头，各乡镇、银行网点、支付机构和企事业单位参与，面向群众开展防范电信网络诈骗宣传。',
  purpose: '切实提高广大群众识骗防骗能力，坚决遏制电信网络诈骗犯罪高发多发态势',
  goals: '宣传覆盖辖区全部村(社区)和银行网点；群众反诈知晓率明显提升；临柜劝阻和驻守阻截可疑交易，避免群众财产损失。',
  organizerKinds: ['POLICE', 'GOVERNMENT_AGENCY'],
  participantKinds: ['POLICE', 'TOWN', 'VILLAGE', 'BANK', 'PAYMENT_PLATFORM', 'ENTERPRISE', 'SCHOOL', 'HOSPITAL'],
  metrics: [AUDIENCE, LEAFLETS, POSTERS, MESSAGES, CONSULTATIONS, INTERCEPTED, LOSSES_AVOIDED],
  suggestedEventTypes: [
    'LEAFLET',
    'POSTER',
    'MESSAGE_PUSH',
    'LECTURE',
    'CASE_EXPOSURE',
    'COUNTER_REMINDER',
    'ON_SITE_INTERCEPTION',
    'MEDIA',
    'HOTLINE_NOTICE',
  ],
  leadingGroupShape: [
    { role: 'LEADER', title: '主要负责人', duty: '全面负责本单位宣传月活动' },
    { role: 'DEPUTY', title: '分管负责人', duty: '负责活动的具体组织实施' },
    { role: 'MEMBER', title: '办公室负责人', department: '办公室', duty: '负责宣传资料的印制、发放和信息报送' },
    { role: 'MEMBER', title: '业务部门负责人', duty: '负责临柜提醒、驻守阻截和典型案例宣传' },
  ],
  suggestedTasks: [
    {
      key: 'leading-group',
      title: '成立宣传月活动领导小组',
      kind: 'LEADING_GROUP',
      description: '成立由主要负责人任组长的领导小组，明确分工，责任到人，并在系统中录入名单。',
      dueAfterDays: 3,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'posters',
      title: '张贴反诈宣传海报和标语',
      description: '在营业网点、村(社区)公告栏、人员密集场所张贴反诈海报、标语，公示举报电话。',
      dueAfterDays: 7,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'market-day-leaflets',
      title: '集市日发放反诈宣传单',
      description: '利用集市日、人流高峰时段设点发放宣传单，现场解答群众咨询。',
      dueAfterDays: 20,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'counter-reminder',
      title: '开展临柜提醒和驻守阻截',
      description: '银行网点对大额转账、异常取现客户逐一提醒，发现可疑交易及时劝阻并报警。',
      dueAfterDays: 25,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'case-exposure',
      title: '曝光本地典型案例',
      description: '选取本地近期典型案例，通过微信公众号、广播等渠道以案说法。',
      dueAfterDays: 25,
      cascade: null,
    },
  ],
};
