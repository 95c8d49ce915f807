// Every phrase of the summary genre (活动总结) in Simplified Chinese, in one place, so that another
// language can follow with the same keys. Templates name their slots in braces: {unit}, {n}, …;
// the writer fills them and records each computed figure's position. Enumeration labels (事件类型,
// 领导小组角色, 报告状态) come from @campaign-month/contracts.
import type { EventType, OrganizationKind } from '@campaign-month/contracts';

/** How one event type is written in section 三. */
export interface EventTypePhrase {
  /** With the number of events: {where} is a place or channel prefix, {n} e.g. 3次. */
  text: string;
  /** Measure word of {n}. */
  measure: string;
  /** Metric that, when logged, names the type better than the count (posters → 张贴海报标语120张). */
  primaryMetric?: string;
  /** Template used when the primary metric is non-zero: {m} is its value with unit. */
  withMetric?: string;
  /** 'place' writes {where} as 在A、B等处; 'channel' as 通过A、B. */
  where?: 'place' | 'channel';
}

export const ZH_CN = {
  punctuation: { comma: '，', semicolon: '；', colon: '：', period: '。', listSep: '、' },

  title: {
    /** {unit}{activity}总结; {activity} is the campaign title, ending in 活动. */
    summary: '{unit}{activity}总结',
    activitySuffix: '活动',
  },

  opening: {
    directive: '为深入贯彻落实《{directiveTitle}》{directiveNumber}文件要求，',
    directiveNumber: '（{number}）',
    organizer: '根据{organizer}统一部署，',
    purposeAfterDirective: '{purpose}，',
    purposeAlone: '为{purpose}，',
    unitBody: '{unit}于{period}开展了{activity}，现将活动开展情况总结如下：',
    rollupBody: '{unit}于{period}组织{participants}开展了{activity}，现将活动开展情况总结如下：',
    participants: '{n}个单位',
    /** Purposes are written as a clause after 为; a leading 为 or 为了 is dropped. */
    purposeLead: /^为了?/,
  },

  headings: {
    leadership: { praise: '领导重视，组织健全', plain: '组织领导' },
    deployment: { praise: '周密部署，任务落实', plain: '工作部署' },
    publicity: { praise: '多措并举，广泛宣传', plain: '宣传开展情况' },
    results: { praise: '取得的成效', plain: '活动成效' },
    units: { praise: '各单位开展情况', plain: '各单位开展情况' },
    shortcomings: { praise: '存在不足及下一步打算', plain: '存在不足及下一步打算' },
    /** 一、 before a level-one heading. */
    levelOne: '{numeral}、{title}',
    levelTwo: '（{numeral}）{title}',
  },

  leadership: {
    intro: '为确保活动取得实效，{unit}成立了',
    leaders: '以{names}为组长',
    deputies: '{names}为副组长',
    members: '{names}为成员',
    memberDepartments: '{departments}负责人',
    membersJoin: '及',
    groupNoun: '的活动领导小组，领导小组共{n}。',
    groupNounNoLeader: '由{names}组成的活动领导小组，领导小组共{n}。',
    people: '人',
    dutiesIntro: '其中，',
    dutyVerb: '负责',
    /** A duty starting with one of these already reads as a predicate (全面负责…, 牵头…). */
    dutyPredicates: ['负责', '全面负责', '具体负责', '主要负责', '协助', '牵头', '统筹', '分管', '主抓', '配合'],
    allDuties: '做到分工明确，责任到人。',
    rollupAll: '{n}参与单位均成立了活动领导小组。',
    /** One unit taking part: its name is the figure. */
    rollupOne: '{name}已成立活动领导小组。',
    rollupOneNone: '{name}尚未在系统中录入活动领导小组。',
    rollupSome: '在{participants}参与单位中，{n}单位成立了活动领导小组。',
    rollupNone: '各参与单位尚未在系统中录入活动领导小组。',
    /** Duties listed at most; when more members have one, 责任到人 is not claimed for the rest. */
    maxDuties: 10,
    dutiesMore: '等',
    units: '个',
  },

  deployment: {
    tasks: '{unit}结合工作实际，将活动要求细化为{n}具体任务',
    rollupTasks: '{unit}将活动要求细化分解，各单位共部署具体任务{n}',
    measure: '项',
    cancelled: '（另有{n}已取消）',
    allDone: '，已全部完成',
    allOnTime: '，且均按期完成',
    /** One task: 已按期完成 rather than 已全部完成，且均按期完成. */
    oneDone: '，已完成',
    oneOnTime: '，且按期完成',
    someOnTime: '，其中按期完成{n}',
    done: '，已完成{n}',
    noneDone: '，目前正在推进',
    overdue: '，逾期未完成{n}',
    end: '。',
    allAssigned: '各项任务均明确了责任人：',
    someAssigned: '任务落实到人：',
    person: '{who}负责{titles}',
    personMore: '等{n}',
    quote: '“{title}”',
  },

  publicity: {
    overviewMany: '活动期间，{unit}综合运用{labels}等{k}种形式开展宣传，累计开展宣传活动{n}。',
    overviewOne: '活动期间，{unit}以{label}为主要形式开展宣传，累计开展宣传活动{n}。',
    rollupOverviewMany: '活动期间，{unit}及所属各单位综合运用{labels}等{k}种形式开展宣传，累计开展宣传活动{n}。',
    rollupOverviewOne: '活动期间，{unit}及所属各单位以{label}为主要形式开展宣传，累计开展宣传活动{n}。',
    eventMeasure: '次',
    wherePlace: '在{list}',
    wherePlaceMore: '在{list}等处',
    whereChannel: '通过{list}',
    whereChannelMore: '通过{list}等渠道',
    examplesIntro: '典型做法如：',
    /** A unit's example: the description when there is one, else where + title. */
    example: '{date}，{what}',
    /** A roll-up's example: 城关支行于11月8日成功劝阻…, then the description. */
    rollupExample: '{unit}于{date}{what}',
    exampleWhere: '在{location}',
    exampleDo: '开展',
    exampleActivity: '活动',
    /** Titles starting with one of these already read as an action. */
    actionVerbs: [
      '开展',
      '组织',
      '召开',
      '举办',
      '利用',
      '通过',
      '发放',
      '张贴',
      '推送',
      '深入',
      '进行',
      '邀请',
      '走进',
      '曝光',
      '公示',
      '播放',
      '设置',
      '悬挂',
      '制作',
      '印发',
      '驻守',
      '拦截',
      '劝阻',
      '成功',
      '在',
      '向',
      '对',
      '为',
    ],
  },

  eventTypes: {
    FLAG_CEREMONY: { text: '利用升旗仪式开展国旗下宣讲{n}', measure: '次' },
    MEETING: { text: '{where}开展会议宣传{n}', measure: '次', where: 'place' },
    POSTER: {
      text: '{where}开展海报标语张贴{n}',
      measure: '次',
      primaryMetric: 'posters',
      withMetric: '{where}张贴海报标语{m}',
      where: 'place',
    },
    LEAFLET: {
      text: '{where}开展发放宣传单活动{n}',
      measure: '次',
      primaryMetric: 'leaflets',
      withMetric: '{where}开展集中宣传{n}，发放宣传单{m}',
      where: 'place',
    },
    MESSAGE_PUSH: {
      text: '{where}推送宣传信息{n}',
      measure: '次',
      primaryMetric: 'messages',
      withMetric: '{where}推送宣传信息{m}',
      where: 'channel',
    },
    TAKE_HOME_MATERIAL: { text: '开展“宣传资料带回家”活动{n}', measure: '次' },
    WARD_VISIT: { text: '深入科室、病房开展面对面宣传{n}', measure: '次' },
    CASE_EXPOSURE: { text: '{where}曝光典型案例{n}', measure: '次', where: 'channel' },
    LECTURE: { text: '{where}举办专题讲座和培训{n}', measure: '场', where: 'place' },
    MEDIA: { text: '{where}开展公益广告和媒体宣传{n}', measure: '次', where: 'channel' },
    COUNTER_REMINDER: { text: '{where}开展临柜风险提示{n}', measure: '次', where: 'place' },
    ON_SITE_INTERCEPTION: { text: '{where}开展现场驻守阻截{n}', measure: '次', where: 'place' },
    HOTLINE_NOTICE: { text: '{where}公示举报投诉电话{n}', measure: '次', where: 'place' },
    OTHER: { text: '开展其他形式宣传活动{n}', measure: '次' },
  } satisfies Record<EventType, EventTypePhrase>,

  metrics: {
    /** How a metric is introduced in the text when its label alone reads badly. */
    byKey: {
      lossesAvoided: '避免群众损失',
      interceptedTransactions: '阻止可疑交易',
    } as Record<string, string>,
    /** Labels of common metrics, for a label that is no Chinese (an organizer typed the key). */
    labelByKey: {
      audience: '覆盖群众',
      leaflets: '发放宣传单',
      posters: '张贴海报',
      messages: '推送信息',
      consultations: '解答群众咨询',
      interceptedTransactions: '阻止可疑交易',
      lossesAvoided: '避免损失',
    } as Record<string, string>,
    /** A lead for a metric whose label says nothing (empty, its unit, no Chinese): by kind of measure. */
    fallbackLead: { people: '覆盖', money: '涉及金额', default: '累计' },
    /** The same as a table header. */
    fallbackHeader: { people: '覆盖人数', money: '金额', default: '数量' },
    /** The audience metric, by the kind of unit. */
    audienceKey: 'audience',
    audience: {
      SCHOOL: '覆盖师生及家长',
      UNIVERSITY: '覆盖师生',
      default: '覆盖群众',
    } as Partial<Record<OrganizationKind, string>> & { default: string },
    /** The audience of one event type, whose people may differ from the unit's public. */
    audienceOfType: { SCHOOL: '覆盖', UNIVERSITY: '覆盖', HOSPITAL: '覆盖', default: '覆盖群众' } as Partial<
      Record<OrganizationKind, string>
    > & { default: string },
  },

  results: {
    unit: '通过集中宣传，{unit}累计开展各类宣传活动{n}',
    rollup: '通过集中宣传，{unit}及所属各单位累计开展各类宣传活动{n}',
    unitLead: '通过集中宣传，{unit}',
    rollupLead: '通过集中宣传，{unit}及所属各单位',
    end: '。',
  },

  comparison: {
    /** The earlier month a year before (by the year it started). */
    leadLastYear: '与上年同期相比，',
    leadEarlier: '与{title}相比，',
    events: '开展宣传活动',
    increase: '增加{d}',
    decrease: '减少{d}',
    up: '，增长{p}',
    down: '，下降{p}',
    same: '持平',
    percent: '{p}%',
    byUnitLead: '与上年同期相比，',
    byUnitLeadEarlier: '与{title}相比，',
    unitsUp: '活动次数增加的单位有{list}',
    unitsDown: '减少的单位有{list}',
    unitsSame: '其余参与单位活动次数持平',
    unitChange: '{unit}（{change}）',
    /** Roll-up table column. */
    column: '较上年',
    columnEarlier: '较上期',
    notThen: '—',
  },

  units: {
    participationHeading: '参与和报送情况',
    tableHeading: '分单位统计',
    participants: '本次活动共有{n}参与，',
    /** One unit taking part: its name is the figure. */
    participantsOne: '本次活动由{name}参与，',
    submittedOne: '该单位已提交活动总结',
    noneSubmittedOne: '该单位尚未提交活动总结',
    approvedOne: '，并已审核通过',
    returnedOne: '，其总结已退回修改',
    allInTimeOne: '该单位已按时提交。',
    noParticipants: '本次活动暂无参与单位，无分单位统计。',
    submitted: '已有{n}提交活动总结',
    noneSubmitted: '目前尚无单位提交活动总结',
    approved: '，其中{n}已审核通过',
    returned: '，{n}的总结已退回修改',
    allInTime: '各单位均已按时提交。',
    late: '截至报送期限（{due}），{names}{more}{n}未按时提交活动总结。',
    /** One late unit: named, not counted (共1个单位). */
    lateOne: '截至报送期限（{due}），{name}未按时提交活动总结。',
    lateHandedInOne: '{name}逾期提交活动总结。',
    lateHandedInOnlyOne: '报送期限为{due}，{name}逾期提交活动总结。',
    /** Units that handed in after the deadline: {names}{more}{n}. */
    lateHandedIn: '{names}{more}{n}逾期提交活动总结。',
    /** The same when the deadline was not named before (every late unit handed in late). */
    lateHandedInOnly: '报送期限为{due}，{names}{more}{n}逾期提交活动总结。',
    lateMoreThanListed: '等',
    lateAllListed: '共',
    unitMeasure: '个单位',
    tableIntro: '各单位开展情况见下表。',
    columns: { index: '序号', unit: '单位', events: '活动（次）', status: '总结状态' },
    metricColumn: '{label}（{unit}）',
    statusNone: '未生成',
    statusLate: '（逾期）',
    statusLateHandedIn: '（逾期提交）',
  },

  prompts: {
    leadership: '【待补充】系统中未录入本单位的活动领导小组名单。请录入领导小组，或在此说明活动的组织领导情况。',
    deployment: '【待补充】系统中未录入本单位的工作任务。请在此说明活动的部署安排。',
    publicity: '【待补充】系统中未登记本单位的宣传活动。请登记活动，或在此说明宣传开展情况。',
    results: '【待补充】系统中未录入可统计的成效数据。请在此说明活动取得的成效。',
    shortcomings: '【待填写】请结合本单位实际，写明活动中存在的不足（如宣传覆盖面、宣传形式等方面）和下一步工作打算。',
  },

  /** The same prompts in a roll-up, which speaks for the area and its units. */
  rollupPrompts: {
    leadership: '【待补充】系统中未录入本级的活动领导小组名单。请录入领导小组，或在此说明本地区活动的组织领导情况。',
    deployment: '【待补充】系统中未录入各单位的工作任务。请在此说明本地区活动的部署安排。',
    publicity: '【待补充】系统中未登记各单位的宣传活动。请登记活动，或在此说明本地区宣传开展情况。',
    results: '【待补充】系统中未录入可统计的成效数据。请在此说明本地区活动取得的成效。',
    shortcomings:
      '【待填写】请结合本地区实际，写明活动中存在的不足（如各单位宣传覆盖面、宣传形式等方面）和下一步工作打算。',
  },

  charts: {
    byType: '各类宣传活动开展次数',
    byDay: '每日宣传活动开展次数',
    byUnit: '各单位宣传活动开展次数（前{n}名）',
    caption: '图{n}  {title}',
    seriesName: '活动次数',
  },

  /** 情况通报 (progress bulletin) of a month in progress: writeBulletin. */
  bulletin: {
    title: '关于{activity}开展情况的通报',
    openingDirective: '按照《{directiveTitle}》{directiveNumber}要求，{activity}于{start}启动。',
    openingPlain: '{activity}于{start}启动。',
    openingBody: '为及时掌握活动进展，推动各项工作落实，现将截至{asOf}各单位开展情况通报如下：',
    headings: {
      progress: '总体进展',
      leaders: '工作开展较好的单位',
      problems: '存在的问题',
      requirements: '下一步工作要求',
    },
    /** Figures as of a day: 截至11月26日. */
    asOfLead: '截至{asOf}，',
    participants: '共有{n}参与本次活动',
    participantsNone: '本次活动暂无参与单位。',
    groupsAll: '，均已成立活动领导小组',
    groupsSome: '，其中{n}已成立活动领导小组',
    groupsNone: '，尚无单位在系统中录入活动领导小组',
    events: '；各单位累计开展宣传活动{n}',
    eventsNone: '；各单位尚未登记宣传活动',
    tasks: '；部署具体任务{n}，已完成{done}',
    tasksOverdue: '，逾期未完成{n}',
    handedIn: '；{n}已提交活动总结',
    handedInNone: '；尚无单位提交活动总结',
    end: '。',
    unitMeasure: '个单位',
    unitsCounted: '个',
    taskMeasure: '项',
    tableIntro: '各单位开展情况见下表。',
    columns: {
      index: '序号',
      unit: '单位',
      group: '领导小组',
      events: '活动（次）',
      tasks: '任务完成',
      summary: '活动总结',
    },
    groupYes: '已成立',
    groupNo: '未成立',
    summaryYes: '已提交',
    summaryNo: '未提交',
    tasksCell: '{done}/{total}',
    leadersIntro: '截至{asOf}，以下单位登记的宣传活动较多：',
    leaderLine: '{unit}开展宣传活动{n}',
    leaderTasks: '，完成任务{n}',
    leadersNone: '截至{asOf}，各单位尚未登记宣传活动，暂无可通报的单位。',
    problemNoGroup: '部分单位组织领导有待加强。{names}{more}{n}尚未在系统中录入活动领导小组',
    problemNoEvents: '部分单位宣传活动尚未开展。{names}{more}{n}尚未登记宣传活动',
    problemOverdue: '部分任务推进滞后。{list}{more}{n}有逾期未完成的任务，共{k}',
    problemOverdueOne: '部分任务推进滞后。{list}有逾期未完成的任务，共{k}',
    /** One unit named: no 共1个单位. */
    problemNoGroupOne: '部分单位组织领导有待加强。{name}尚未在系统中录入活动领导小组',
    problemNoEventsOne: '部分单位宣传活动尚未开展。{name}尚未登记宣传活动',
    overdueOfUnit: '{unit}（{n}）',
    namesMore: '等',
    namesAll: '共',
    problemsNone: '截至{asOf}，各参与单位均已成立活动领导小组并登记了宣传活动，暂无逾期未完成的任务。',
    requirements: {
      deepen: '持续深化宣传。各单位要对照活动通知要求，进一步丰富宣传形式，扩大宣传覆盖面，推动宣传活动取得实效。',
      catchUp:
        '抓紧补齐短板。尚未成立活动领导小组或尚未开展宣传活动的单位要高度重视，尽快成立领导小组、明确责任分工，抓紧组织开展宣传活动。',
      overdue: '加快任务落实。有逾期任务的单位要逐项梳理原因，明确完成时限，尽快完成。',
      report:
        '及时报送信息。各单位要及时在系统中登记活动开展情况和成效数据，确保数据真实准确，并于{due}前提交活动总结。',
      reportLate:
        '及时报送信息。各单位要及时在系统中登记活动开展情况和成效数据，确保数据真实准确；尚未提交活动总结的单位要尽快提交。',
    },
  },

  photos: {
    note: '附件：{title}',
    label: '附件',
    title: '活动图片',
    caption: '照片{n}  {text}',
    /** 11月6日，营业大厅，民警驻点劝阻冒充客服诈骗 */
    captionText: '{date}，{where}{title}',
    where: '{location}，',
    rollupCaptionText: '{unit}，{date}，{where}{title}',
    markdownLink: '[{caption}]({url})',
  },

  pageNumber: '— {n} —',
} as const;

export type Phrases = typeof ZH_CN;

/** Fills {slots} of a template with plain strings. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in values ? String(values[name]) : `{${name}}`));
}
