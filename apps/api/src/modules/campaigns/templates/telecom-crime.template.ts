import type { CampaignTemplateView } from '@campaign-month/contracts';
import { AUDIENCE, LEAFLETS, MESSAGES, PARENTS_REACHED, POSTERS } from './metrics.js';

/** 防范通讯网络新型违法犯罪宣传月: the education bureau's month for schools (students, teachers and parents). */
export const TELECOM_CRIME_TEMPLATE: CampaignTemplateView = {
  key: 'telecom-crime',
  name: '防范通讯网络新型违法犯罪宣传月',
  description: '教育行政部门牵头，各级各类学校参与，通过国旗下宣讲、主题班会、家校共育渠道开展防范宣传。',
  purpose: '增强广大师生和家长防范通讯网络新型违法犯罪的意识和能力，保护师生财产安全',
  goals:
    '每所学校开展一次国旗下宣讲和一次主题班会；防范提示推送至全体家长；宣传资料带回家，实现“教育一个学生、带动一个家庭、影响整个社会”。',
  organizerKinds: ['EDUCATION_BUREAU'],
  participantKinds: ['SCHOOL', 'UNIVERSITY'],
  metrics: [AUDIENCE, LEAFLETS, POSTERS, MESSAGES, PARENTS_REACHED],
  suggestedEventTypes: [
    'FLAG_CEREMONY',
    'MEETING',
    'MESSAGE_PUSH',
    'TAKE_HOME_MATERIAL',
    'POSTER',
    'LECTURE',
    'CASE_EXPOSURE',
  ],
  leadingGroupShape: [
    { role: 'LEADER', title: '校长', duty: '全面负责' },
    { role: 'DEPUTY', title: '副校长', duty: '负责活动的具体组织实施' },
    { role: 'MEMBER', title: '主任', department: '政教处', duty: '负责国旗下宣讲和主题班会' },
    { role: 'MEMBER', title: '主任', department: '教务处', duty: '负责将防范知识融入课堂教学' },
    { role: 'MEMBER', title: '班主任代表', duty: '负责家长微信群和校讯通推送' },
  ],
  suggestedTasks: [
    {
      key: 'leading-group',
      title: '成立宣传月活动领导小组',
      kind: 'LEADING_GROUP',
      description: '成立由校长任组长的领导小组，明确分工，责任到人。',
      dueAfterDays: 3,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'flag-ceremony',
      title: '国旗下宣讲',
      description: '利用升旗仪式开展一次防范通讯网络诈骗专题国旗下宣讲。',
      dueAfterDays: 7,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'parent-message',
      title: '校讯通推送防范提示',
      description: '通过校讯通、家长微信群向全体家长推送防范通讯网络新型违法犯罪提示。',
      dueAfterDays: 10,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'take-home-letter',
      title: '发放《致家长的一封信》',
      description: '向每名学生发放《致家长的一封信》，由学生带回家与家长共同学习。',
      dueAfterDays: 10,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'class-meeting',
      title: '召开防诈骗主题班会',
      description: '各班召开一次防诈骗主题班会，结合身边案例讲解常见骗局。',
      dueAfterDays: 20,
      cascade: 'PARTICIPANTS',
    },
  ],
};
