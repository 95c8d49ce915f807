// Simplified Chinese names of the domain's enumerations: the one place the API, the web app and the
// report writer take them from. An English table can sit beside this one with the same keys.
import type { EventType, LeadingGroupRole, OrganizationKind, ReportStatus, Role, TaskStatus } from './enums.js';

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  FLAG_CEREMONY: '国旗下宣讲',
  MEETING: '会议宣传',
  POSTER: '张贴海报标语',
  LEAFLET: '发放宣传单',
  MESSAGE_PUSH: '推送宣传信息',
  TAKE_HOME_MATERIAL: '宣传资料带回家',
  WARD_VISIT: '进科室进病房',
  CASE_EXPOSURE: '曝光典型案例',
  LECTURE: '讲座培训',
  MEDIA: '公益广告和媒体宣传',
  COUNTER_REMINDER: '临柜提醒',
  ON_SITE_INTERCEPTION: '驻守阻截',
  HOTLINE_NOTICE: '公示举报电话',
  OTHER: '其他活动',
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  GOVERNMENT_AGENCY: '政府机关',
  POLICE: '公安机关',
  MEDICAL_INSURANCE: '医疗保障部门',
  EDUCATION_BUREAU: '教育行政部门',
  SCHOOL: '学校',
  UNIVERSITY: '高等院校',
  HOSPITAL: '医院',
  TOWN: '乡镇',
  VILLAGE: '村(社区)',
  BANK: '银行网点',
  PAYMENT_PLATFORM: '支付机构',
  ENTERPRISE: '企业',
  OTHER: '其他',
};

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: '管理员',
  ORGANIZER: '组织者',
  REPORTER: '填报员',
  VIEWER: '查阅者',
};

export const LEADING_GROUP_ROLE_LABELS: Record<LeadingGroupRole, string> = {
  LEADER: '组长',
  DEPUTY: '副组长',
  MEMBER: '成员',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  TODO: '未开始',
  IN_PROGRESS: '进行中',
  DONE: '已完成',
  CANCELLED: '已取消',
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已提交',
  APPROVED: '已审核通过',
  RETURNED: '已退回修改',
};
