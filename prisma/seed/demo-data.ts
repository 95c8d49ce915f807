// Demo data from three real campaign-month situations (README "Demo log-ins"). Idempotent: a tenant whose
// admin e-mail already exists is left as it is. Everything is written through Prisma in one transaction
// per tenant, with the figures the summaries will be generated from.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../apps/api/src/core/auth/password.js';
import { addDays, DEFAULT_TIME_ZONE, todayIn } from '../../apps/api/src/core/time/calendar.js';
import type { PrismaClient } from '../../apps/api/src/generated/prisma/client.js';
import type {
  EventType,
  LeadingGroupRole,
  MetricKind,
  OrganizationKind,
  Role,
} from '../../apps/api/src/generated/prisma/enums.js';
import { findTemplate } from '../../apps/api/src/modules/campaigns/templates/index.js';
import { rebuildCampaignAggregatesSql } from '../../apps/api/src/modules/events/event-aggregates.sql.js';

export const DEMO_PASSWORD = 'CampaignMonth2026';

interface OrgSpec {
  key: string;
  name: string;
  kind: OrganizationKind;
  parent?: string;
}
interface EventSpec {
  unit: string;
  type: EventType;
  title: string;
  /** Day of the month, 1 = its first day (all before the day the data is loaded: DEMO_CALENDAR). */
  day: number;
  location?: string;
  description: string;
  metrics: Record<string, number>;
}
interface DemoTenant {
  name: string;
  orgs: OrgSpec[];
  users: { email: string; name: string; org: string; role: Role }[];
  campaign: {
    title: string;
    templateKey: string;
    organizer: string;
    directiveTitle: string;
    directiveNumber: string;
    purpose: string;
    goals: string;
    participants: string[];
    metrics: { key: string; label: string; unit: string; kind?: MetricKind }[];
  };
  groups: {
    unit: string;
    members: {
      name: string;
      title: string;
      role: LeadingGroupRole;
      department?: string;
      duty: string;
      phone?: string;
    }[];
  }[];
  /** due: a day of the month or its last day; doneOn: the day it was completed (open when absent). */
  tasks: { unit: string; title: string; due: number | 'end'; doneOn?: number }[];
  events: EventSpec[];
  /**
   * The same month a year earlier (same template, CLOSED): the summaries compare this year with it. Its
   * days are the current month's a year back.
   */
  previous?: { participants: string[]; events: EventSpec[] };
}

/**
 * Where the demo months sit around the day the data is loaded, so that a newcomer in any month sees a month
 * in progress: it started 20 days ago (today is its day 21), ends in 8 days, and summaries are due 5 days
 * after the end. Titles and document numbers carry the year the month starts in ({year}).
 */
export const DEMO_CALENDAR = { startedDaysAgo: 20, endsInDays: 8, reportDueAfterEnd: 5 } as const;

export interface DemoDates {
  today: string;
  startsOn: string;
  endsOn: string;
  reportDueOn: string;
}

export function demoDates(today: string): DemoDates {
  const endsOn = addDays(today, DEMO_CALENDAR.endsInDays);
  return {
    today,
    startsOn: addDays(today, -DEMO_CALENDAR.startedDaysAgo),
    endsOn,
    reportDueOn: addDays(endsOn, DEMO_CALENDAR.reportDueAfterEnd),
  };
}

/** The same calendar day a year earlier ('YYYY-MM-DD'; 29 February becomes 28 February). */
export function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const COMMON_METRICS = [
  { key: 'audience', label: '受众人次', unit: '人次' },
  { key: 'leaflets', label: '发放宣传单', unit: '份' },
  { key: 'posters', label: '张贴海报', unit: '张' },
  { key: 'messages', label: '推送信息', unit: '条' },
];

export const DEMO_TENANTS: DemoTenant[] = [
  {
    name: '滨江市公安局',
    orgs: [
      { key: 'root', name: '滨江市公安局', kind: 'POLICE' },
      { key: 'icbc', name: '工商银行滨江支行', kind: 'BANK', parent: 'root' },
      { key: 'ccb', name: '建设银行城南支行', kind: 'BANK', parent: 'root' },
      { key: 'rcb', name: '农商银行江北支行', kind: 'BANK', parent: 'root' },
    ],
    users: [
      { email: 'admin@police.demo', name: '周管理', org: 'root', role: 'ADMIN' },
      { email: 'organizer@police.demo', name: '陈警官', org: 'root', role: 'ORGANIZER' },
      { email: 'bank@police.demo', name: '刘行长', org: 'icbc', role: 'REPORTER' },
      { email: 'viewer@police.demo', name: '市局领导', org: 'root', role: 'VIEWER' },
    ],
    campaign: {
      title: '{year}年全民反诈在行动集中宣传月',
      templateKey: 'anti-fraud',
      organizer: 'root',
      directiveTitle: '关于开展{year}年“全民反诈在行动”集中宣传月活动的通知',
      directiveNumber: '滨公通〔{year}〕35号',
      purpose: '进一步提升群众识骗防骗能力，坚决遏制电信网络诈骗犯罪高发势头',
      goals: '网点临柜提醒全覆盖;可疑交易应阻尽阻;反诈宣传进网点、进社区',
      participants: ['icbc', 'ccb', 'rcb'],
      metrics: [
        ...COMMON_METRICS,
        { key: 'interceptedTransactions', label: '阻止可疑交易', unit: '笔' },
        { key: 'lossesAvoided', label: '避免损失', unit: '元', kind: 'MONEY' },
      ],
    },
    groups: [
      {
        // the organizing office's own group: the one the bureau's roll-up names
        unit: 'root',
        members: [
          { name: '高建军', title: '局长', role: 'LEADER', duty: '全面负责全市集中宣传月工作' },
          {
            name: '林志明',
            title: '副局长',
            role: 'DEPUTY',
            department: '刑侦支队',
            duty: '负责宣传月的组织协调和督导检查',
          },
          { name: '陈警官', title: '民警', role: 'MEMBER', department: '反诈中心', duty: '负责日常联络和活动统计' },
        ],
      },
      {
        unit: 'icbc',
        members: [
          {
            name: '刘建华',
            title: '行长',
            role: 'LEADER',
            duty: '全面负责网点反诈宣传和可疑交易阻截工作',
            phone: '13800000001',
          },
          {
            name: '孙丽',
            title: '副行长',
            role: 'DEPUTY',
            department: '运营管理部',
            duty: '负责临柜提醒和可疑交易核查',
          },
          { name: '赵强', title: '大堂经理', role: 'MEMBER', department: '营业部', duty: '负责厅堂宣传和客户劝阻' },
        ],
      },
    ],
    tasks: [
      { unit: 'icbc', title: '网点临柜反诈提醒全覆盖', due: 'end', doneOn: 3 },
      { unit: 'icbc', title: '民警驻点阻截可疑交易', due: 'end', doneOn: 14 },
      { unit: 'ccb', title: '网点临柜反诈提醒全覆盖', due: 'end' },
      // past its day and not done: the 情况通报 names the branch
      { unit: 'rcb', title: '网点临柜反诈提醒全覆盖', due: 15 },
    ],
    events: [
      {
        unit: 'icbc',
        type: 'COUNTER_REMINDER',
        title: '柜面反诈提醒',
        day: 3,
        location: '营业大厅',
        description: '柜员对办理大额转账的客户逐一开展反诈提醒，发放“防骗指南”。',
        metrics: { audience: 860, leaflets: 800 },
      },
      {
        unit: 'icbc',
        type: 'ON_SITE_INTERCEPTION',
        title: '民警驻点劝阻冒充客服诈骗',
        day: 6,
        location: '营业大厅',
        description: '驻点民警与大堂经理联合劝阻一名欲向“客服”转账的老年客户，成功阻止可疑交易。',
        metrics: { interceptedTransactions: 6, lossesAvoided: 352000, audience: 40 },
      },
      {
        unit: 'icbc',
        type: 'ON_SITE_INTERCEPTION',
        title: '识破刷单返利骗局',
        day: 14,
        location: '自助服务区',
        description: '民警发现客户在ATM机前神色紧张，经询问识破刷单返利骗局，避免损失。',
        metrics: { interceptedTransactions: 8, lossesAvoided: 460300, audience: 55 },
      },
      {
        unit: 'icbc',
        type: 'POSTER',
        title: '张贴反诈海报',
        day: 2,
        location: '网点门口、自助区',
        description: '在网点门口、自助区醒目位置张贴反诈海报和举报电话。',
        metrics: { posters: 40 },
      },
      {
        unit: 'ccb',
        type: 'COUNTER_REMINDER',
        title: '柜面反诈提醒',
        day: 5,
        location: '营业大厅',
        description: '对老年客户开展一对一反诈提醒。',
        metrics: { audience: 420, leaflets: 300 },
      },
      {
        unit: 'ccb',
        type: 'LEAFLET',
        title: '反诈宣传进社区',
        day: 19,
        location: '城南花园社区广场',
        description: '网点员工走进城南花园社区，向居民讲解冒充公检法、养老投资等诈骗手法，发放反诈宣传折页。',
        metrics: { audience: 310, leaflets: 500 },
      },
    ],
    previous: {
      participants: ['icbc', 'ccb'],
      events: [
        {
          unit: 'icbc',
          type: 'COUNTER_REMINDER',
          title: '柜面反诈提醒',
          day: 4,
          location: '营业大厅',
          description: '柜员对办理转账业务的客户开展反诈提醒。',
          metrics: { audience: 600, leaflets: 500 },
        },
        {
          unit: 'icbc',
          type: 'ON_SITE_INTERCEPTION',
          title: '民警驻点劝阻可疑转账',
          day: 12,
          location: '营业大厅',
          description: '驻点民警劝阻客户向陌生账户转账。',
          metrics: { interceptedTransactions: 5, lossesAvoided: 210000, audience: 30 },
        },
        {
          unit: 'ccb',
          type: 'COUNTER_REMINDER',
          title: '柜面反诈提醒',
          day: 3,
          location: '营业大厅',
          description: '对老年客户开展反诈提醒。',
          metrics: { audience: 500, leaflets: 400 },
        },
        {
          unit: 'ccb',
          type: 'LEAFLET',
          title: '反诈宣传进社区',
          day: 10,
          location: '城南花园社区',
          description: '走进社区发放反诈宣传折页。',
          metrics: { audience: 400, leaflets: 800 },
        },
        {
          unit: 'ccb',
          type: 'POSTER',
          title: '张贴反诈海报',
          day: 11,
          location: '网点门口',
          description: '在网点门口张贴反诈海报。',
          metrics: { posters: 20 },
        },
      ],
    },
  },
  {
    name: '青山县医疗保障局',
    orgs: [
      { key: 'root', name: '青山县医疗保障局', kind: 'MEDICAL_INSURANCE' },
      { key: 'town', name: '青山镇人民政府', kind: 'TOWN', parent: 'root' },
      { key: 'hospital', name: '青山县人民医院', kind: 'HOSPITAL', parent: 'root' },
    ],
    users: [
      { email: 'admin@yibao.demo', name: '吴管理', org: 'root', role: 'ADMIN' },
      { email: 'organizer@yibao.demo', name: '郑科长', org: 'root', role: 'ORGANIZER' },
      { email: 'hospital@yibao.demo', name: '医保办李主任', org: 'hospital', role: 'REPORTER' },
      { email: 'town@yibao.demo', name: '镇医保专干', org: 'town', role: 'REPORTER' },
    ],
    campaign: {
      title: '打击欺诈骗保维护基金安全集中宣传月',
      templateKey: 'medical-insurance-fund',
      organizer: 'root',
      directiveTitle: '关于开展打击欺诈骗保维护基金安全集中宣传月活动的通知',
      directiveNumber: '青医保发〔{year}〕12号',
      purpose: '营造全社会共同关注、支持、参与医保基金监管的良好氛围，守护好人民群众的“看病钱”“救命钱”',
      goals: '宣传进医院、进乡镇、进村组;医保政策知晓率明显提升',
      participants: ['town', 'hospital'],
      metrics: COMMON_METRICS,
    },
    groups: [
      {
        unit: 'hospital',
        members: [
          { name: '王建国', title: '院长', role: 'LEADER', duty: '全面负责宣传月活动', phone: '13900000002' },
          { name: '李敏', title: '副院长', role: 'DEPUTY', duty: '具体组织实施' },
          { name: '陈芳', title: '科长', role: 'MEMBER', department: '财务科', duty: '负责收费窗口宣传和政策解答' },
          { name: '杨帆', title: '科长', role: 'MEMBER', department: '医务科', duty: '负责科室晨会和交班会学习' },
          { name: '黄丽', title: '主任', role: 'MEMBER', department: '护理部', duty: '负责进科室进病房宣传' },
        ],
      },
    ],
    tasks: [
      { unit: 'hospital', title: '院内张贴宣传海报', due: 10, doneOn: 4 },
      { unit: 'hospital', title: '进科室进病房宣传', due: 'end', doneOn: 12 },
      { unit: 'town', title: '集日发放宣传资料', due: 20, doneOn: 6 },
    ],
    events: [
      {
        unit: 'hospital',
        type: 'POSTER',
        title: '张贴宣传海报',
        day: 4,
        location: '门诊走廊、电梯间、收费窗口',
        description: '在门诊走廊、电梯间、收费窗口等醒目位置张贴宣传海报和标语。',
        metrics: { posters: 120 },
      },
      {
        unit: 'hospital',
        type: 'MEETING',
        title: '科室晨会学习医保基金监管条例',
        day: 5,
        location: '各临床科室',
        description: '利用科室晨会、交班会组织医护人员学习《医疗保障基金使用监督管理条例》。',
        metrics: { audience: 380 },
      },
      {
        unit: 'hospital',
        type: 'WARD_VISIT',
        title: '进科室进病房宣传',
        day: 12,
        location: '住院部',
        description: '护理部组织护士长深入病房，向住院患者及家属讲解骗保典型案例和举报渠道。',
        metrics: { audience: 650, leaflets: 600 },
      },
      {
        unit: 'town',
        type: 'LEAFLET',
        title: '集日发放宣传单',
        day: 6,
        location: '青山镇集贸市场',
        description: '利用赶集日在集贸市场设立咨询台，发放宣传单，现场解答群众医保政策问题。',
        metrics: { leaflets: 3000, audience: 5200 },
      },
      {
        unit: 'hospital',
        type: 'LECTURE',
        title: '医保政策专题培训',
        day: 20,
        location: '门诊楼会议室',
        description: '邀请县医保局业务骨干为全院医务人员讲解医保基金使用规范和常见违规情形。',
        metrics: { audience: 160 },
      },
    ],
  },
  {
    name: '临湖区教育局',
    orgs: [
      { key: 'root', name: '临湖区教育局', kind: 'EDUCATION_BUREAU' },
      { key: 'school', name: '临湖区实验小学', kind: 'SCHOOL', parent: 'root' },
      { key: 'school2', name: '临湖区第二中学', kind: 'SCHOOL', parent: 'root' },
    ],
    users: [
      { email: 'admin@edu.demo', name: '钱管理', org: 'root', role: 'ADMIN' },
      { email: 'organizer@edu.demo', name: '教育局安全科', org: 'root', role: 'ORGANIZER' },
      { email: 'school@edu.demo', name: '实验小学德育处', org: 'school', role: 'REPORTER' },
      { email: 'school2@edu.demo', name: '二中政教处', org: 'school2', role: 'REPORTER' },
    ],
    campaign: {
      title: '防范通讯网络新型违法犯罪宣传月',
      templateKey: 'telecom-crime',
      organizer: 'root',
      directiveTitle: '关于开展防范通讯网络新型违法犯罪宣传月活动的通知',
      directiveNumber: '临教安〔{year}〕8号',
      purpose: '增强师生和家长防范通讯网络新型违法犯罪的意识和能力',
      goals: '每校开展一次国旗下宣讲;家校联动推送宣传信息',
      participants: ['school', 'school2'],
      metrics: COMMON_METRICS,
    },
    groups: [
      {
        unit: 'school',
        members: [
          { name: '张志远', title: '校长', role: 'LEADER', duty: '全面负责宣传月活动' },
          { name: '何静', title: '副校长', role: 'DEPUTY', department: '德育处', duty: '具体组织国旗下宣讲和主题班会' },
          { name: '林涛', title: '主任', role: 'MEMBER', department: '办公室', duty: '负责校讯通推送和资料发放' },
        ],
      },
    ],
    tasks: [
      { unit: 'school', title: '国旗下宣讲', due: 9, doneOn: 9 },
      { unit: 'school2', title: '国旗下宣讲', due: 9 },
    ],
    events: [
      {
        unit: 'school',
        type: 'FLAG_CEREMONY',
        title: '国旗下宣讲:远离电信诈骗',
        day: 9,
        location: '学校操场',
        description: '周一升旗仪式上，德育处何静副校长作“远离电信诈骗 守护美好校园”国旗下宣讲，全校师生参加。',
        metrics: { audience: 1350 },
      },
      {
        unit: 'school',
        type: 'MESSAGE_PUSH',
        title: '校讯通推送防诈提示',
        day: 10,
        location: '校讯通、家长微信群',
        description: '通过校讯通和家长微信群向全体家长推送防范电信诈骗提示。',
        metrics: { messages: 1200, audience: 1200 },
      },
      {
        unit: 'school',
        type: 'TAKE_HOME_MATERIAL',
        title: '宣传资料带回家',
        day: 16,
        location: '各班级',
        description: '向每名学生发放《致家长的一封信》,由学生带回家与家长共同学习。',
        metrics: { leaflets: 1300 },
      },
    ],
  },
];

export interface SeedSummary {
  tenants: number;
  skipped: number;
  events: number;
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
const utcDay = (day: string, time = '00:00:00') => new Date(`${day}T${time}Z`);
/** A day of the tenant's calendar at a wall-clock time in Asia/Shanghai (UTC+8, no daylight saving). */
const localTime = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

/** One campaign month with its participants and metric definitions. */
async function createMonth(
  tx: Tx,
  t: string,
  org: (key: string) => string,
  c: DemoTenant['campaign'],
  dates: Omit<DemoDates, 'today'>,
  participants: string[],
  status: 'ACTIVE' | 'CLOSED',
) {
  const year = dates.startsOn.slice(0, 4);
  const withYear = (text: string) => text.replaceAll('{year}', year);
  const campaign = await tx.campaign.create({
    data: {
      tenantId: t,
      organizerOrgId: org(c.organizer),
      title: withYear(c.title),
      templateKey: c.templateKey,
      // as a month created from the template: the record form offers these types first
      suggestedEventTypes: [...(findTemplate(c.templateKey)?.suggestedEventTypes ?? [])] as EventType[],
      startsOn: utcDay(dates.startsOn),
      endsOn: utcDay(dates.endsOn),
      reportDueOn: utcDay(dates.reportDueOn),
      directiveTitle: withYear(c.directiveTitle),
      directiveNumber: withYear(c.directiveNumber),
      purpose: c.purpose,
      goals: c.goals,
      status,
      launchedAt: localTime(dates.startsOn, '09:00'),
      closedAt: status === 'CLOSED' ? localTime(dates.reportDueOn, '18:00') : null,
      createdAt: localTime(addDays(dates.startsOn, -3), '10:00'),
    },
  });
  await tx.participant.createMany({
    data: participants.map((p) => ({
      tenantId: t,
      campaignId: campaign.id,
      organizationId: org(p),
      createdAt: localTime(addDays(dates.startsOn, -3), '10:00'),
    })),
  });
  const metricIds = new Map<string, string>();
  for (const [i, m] of c.metrics.entries()) {
    const def = await tx.metricDefinition.create({
      data: {
        tenantId: t,
        campaignId: campaign.id,
        key: m.key,
        label: m.label,
        unit: m.unit,
        kind: m.kind ?? 'COUNT',
        sortOrder: i,
      },
    });
    metricIds.set(m.key, def.id);
  }
  return { id: campaign.id, metricIds };
}

/** Events of a month, each logged on the evening of its day. */
async function createEvents(
  tx: Tx,
  t: string,
  org: (key: string) => string,
  month: { id: string; metricIds: Map<string, string> },
  startsOn: string,
  today: string,
  events: EventSpec[],
  authors: Map<string, string>,
): Promise<number> {
  for (const e of events) {
    const day = addDays(startsOn, e.day - 1);
    if (day > today) throw new Error(`demo event "${e.title}" would lie in the future (${day})`);
    const event = await tx.publicityEvent.create({
      data: {
        tenantId: t,
        campaignId: month.id,
        organizationId: org(e.unit),
        type: e.type,
        title: e.title,
        occurredOn: utcDay(day),
        location: e.location,
        description: e.description,
        authorId: authors.get(e.unit) ?? null,
        createdAt: localTime(day, '18:30'),
        updatedAt: localTime(day, '18:30'),
      },
    });
    await tx.eventMetricValue.createMany({
      data: Object.entries(e.metrics).map(([key, value]) => ({
        tenantId: t,
        eventId: event.id,
        metricDefinitionId: month.metricIds.get(key)!,
        value,
      })),
    });
  }
  // the maintained aggregates of the events just written (decision 040)
  for (const q of rebuildCampaignAggregatesSql(t, month.id)) await tx.$executeRaw(q);
  return events.length;
}

/**
 * Loads the demo tenants, their months placed around `today` (the tenant's calendar day, default: today in
 * Asia/Shanghai; see DEMO_CALENDAR).
 */
export async function seedDemoData(
  prisma: PrismaClient,
  today: string = todayIn(DEFAULT_TIME_ZONE),
): Promise<SeedSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary: SeedSummary = { tenants: 0, skipped: 0, events: 0 };
  const dates = demoDates(today);
  for (const demo of DEMO_TENANTS) {
    const exists = await prisma.user.findUnique({ where: { email: demo.users[0]!.email } });
    if (exists) {
      summary.skipped += 1;
      continue;
    }
    await prisma.$transaction(
      async (tx) => {
        const tenant = await tx.tenant.create({ data: { name: demo.name } });
        const t = tenant.id;
        const orgIds = new Map<string, { id: string; path: string; depth: number }>();
        for (const o of demo.orgs) {
          const id = randomUUID();
          const parent = o.parent ? orgIds.get(o.parent)! : null;
          const path = `${parent?.path ?? '/'}${id}/`;
          const depth = parent ? parent.depth + 1 : 0;
          await tx.organization.create({
            data: { id, tenantId: t, parentId: parent?.id ?? null, name: o.name, kind: o.kind, path, depth },
          });
          orgIds.set(o.key, { id, path, depth });
        }
        const org = (key: string) => orgIds.get(key)!.id;
        const userIds = new Map<string, string>();
        for (const u of demo.users) {
          const user = await tx.user.create({ data: { tenantId: t, email: u.email, name: u.name, passwordHash } });
          userIds.set(u.org, userIds.get(u.org) ?? user.id);
          await tx.membership.create({
            data: { tenantId: t, userId: user.id, organizationId: org(u.org), role: u.role },
          });
        }
        const c = demo.campaign;
        if (demo.previous) {
          const before = {
            startsOn: yearBefore(dates.startsOn),
            endsOn: yearBefore(dates.endsOn),
            reportDueOn: yearBefore(dates.reportDueOn),
          };
          const month = await createMonth(tx, t, org, c, before, demo.previous.participants, 'CLOSED');
          summary.events += await createEvents(
            tx,
            t,
            org,
            month,
            before.startsOn,
            before.endsOn,
            demo.previous.events,
            userIds,
          );
        }
        const month = await createMonth(tx, t, org, c, dates, c.participants, 'ACTIVE');
        for (const g of demo.groups) {
          const group = await tx.leadingGroup.create({
            data: {
              tenantId: t,
              campaignId: month.id,
              organizationId: org(g.unit),
              createdAt: localTime(addDays(dates.startsOn, 1), '16:00'),
            },
          });
          await tx.leadingGroupMember.createMany({
            data: g.members.map((m, i) => ({ tenantId: t, leadingGroupId: group.id, sortOrder: i, ...m })),
          });
        }
        for (const task of demo.tasks) {
          const dueOn = task.due === 'end' ? dates.endsOn : addDays(dates.startsOn, task.due - 1);
          const doneOn = task.doneOn === undefined ? null : addDays(dates.startsOn, task.doneOn - 1);
          if (doneOn && doneOn > today) throw new Error(`demo task "${task.title}" would be done in the future`);
          await tx.task.create({
            data: {
              tenantId: t,
              campaignId: month.id,
              organizationId: org(task.unit),
              title: task.title,
              dueOn: utcDay(dueOn),
              status: doneOn ? 'DONE' : 'TODO',
              completedAt: doneOn ? localTime(doneOn, '17:00') : null,
              createdAt: localTime(dates.startsOn, '10:00'),
            },
          });
        }
        summary.events += await createEvents(tx, t, org, month, dates.startsOn, today, demo.events, userIds);
        await tx.auditEntry.create({ data: { tenantId: t, action: 'demo.seed', entityType: 'Tenant', entityId: t } });
      },
      { timeout: 60_000 },
    );
    summary.tenants += 1;
  }
  return summary;
}
