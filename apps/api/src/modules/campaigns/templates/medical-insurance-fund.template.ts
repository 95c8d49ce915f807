import type { CampaignTemplateView } from '@campaign-month/contracts';
import { AUDIENCE, CONSULTATIONS, FUNDS_RECOVERED, LEAFLETS, POSTERS, TIPS_RECEIVED } from './metrics.js';

/** 打击欺诈骗保维护基金安全集中宣传月: launched by the medical insurance bureau, run by hospitals and pharmacies. */
export const MEDICAL_INSURANCE_FUND_TEMPLATE: CampaignTemplateView = {
  key: 'medical-insurance-fund',
  name: '打击欺诈骗保维护基金安全集中宣传月',
  description: '医疗保障部门牵头，定点医疗机构和乡镇参与，宣传医保基金监管法规，曝光欺诈骗保典型案例。',
  purpose: '进一步加强医疗保障基金监管，营造全社会共同关注、支持、参与基金监管的良好氛围',
  goals: '定点医疗机构全员知晓《医疗保障基金使用监督管理条例》；公示举报电话；开展自查自纠，规范诊疗和收费行为。',
  organizerKinds: ['MEDICAL_INSURANCE', 'GOVERNMENT_AGENCY'],
  participantKinds: ['HOSPITAL', 'TOWN', 'VILLAGE', 'ENTERPRISE'],
  metrics: [AUDIENCE, LEAFLETS, POSTERS, CONSULTATIONS, TIPS_RECEIVED, FUNDS_RECOVERED],
  suggestedEventTypes: [
    'MEETING',
    'WARD_VISIT',
    'POSTER',
    'LEAFLET',
    'CASE_EXPOSURE',
    'HOTLINE_NOTICE',
    'LECTURE',
    'MEDIA',
  ],
  leadingGroupShape: [
    { role: 'LEADER', title: '院长', duty: '全面负责' },
    { role: 'DEPUTY', title: '分管副院长', duty: '负责活动的具体组织实施' },
    { role: 'MEMBER', title: '科长', department: '医务科', duty: '负责组织科室学习和进科室进病房宣传' },
    { role: 'MEMBER', title: '科长', department: '财务科', duty: '负责收费行为自查自纠' },
    { role: 'MEMBER', title: '主任', department: '护理部', duty: '负责交班会宣讲和病房宣传' },
    { role: 'MEMBER', title: '主任', department: '医保办', duty: '负责宣传资料发放、举报电话公示和信息报送' },
  ],
  suggestedTasks: [
    {
      key: 'leading-group',
      title: '成立宣传月活动领导小组',
      kind: 'LEADING_GROUP',
      description: '成立由院长任组长的领导小组，明确各科室分工，责任到人。',
      dueAfterDays: 3,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'mobilization-meeting',
      title: '召开宣传月动员会',
      description: '召开全院动员会，组织学习《医疗保障基金使用监督管理条例》，利用科室晨会、交班会反复宣讲。',
      dueAfterDays: 5,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'hotline-notice',
      title: '张贴海报并公示举报电话',
      description: '在门诊大厅、收费窗口、住院部张贴宣传海报，公示医保举报投诉电话。',
      dueAfterDays: 7,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'ward-visit',
      title: '进科室进病房宣传',
      description: '深入科室、病房向住院患者及家属讲解医保政策，发放宣传折页。',
      dueAfterDays: 20,
      cascade: 'PARTICIPANTS',
    },
    {
      key: 'self-inspection',
      title: '开展自查自纠',
      description: '对照负面清单开展自查自纠，形成自查报告，发现问题立行立改。',
      dueAfterDays: 25,
      cascade: 'PARTICIPANTS',
    },
  ],
};
