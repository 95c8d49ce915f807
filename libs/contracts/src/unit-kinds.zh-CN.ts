// Forms that fit the unit (issue 20, decision 039): which publicity events a kind of unit runs, what a kind
// calls some of them, and the departments its 领导小组 members come from. Data, in one place: the web app
// offers them, the API never refuses a type for a kind (OTHER and any type stay valid).
import type { EventType, OrganizationKind } from './enums.js';

const SCHOOL_TYPES: EventType[] = [
  'FLAG_CEREMONY',
  'MEETING',
  'MESSAGE_PUSH',
  'TAKE_HOME_MATERIAL',
  'LECTURE',
  'POSTER',
  'CASE_EXPOSURE',
  'MEDIA',
];
const PUBLIC_TYPES: EventType[] = ['LEAFLET', 'POSTER', 'LECTURE', 'MESSAGE_PUSH', 'CASE_EXPOSURE', 'MEDIA', 'MEETING'];

/** Event types a kind of unit runs, most usual first; OTHER is always added at the end. Absent: every type. */
export const EVENT_TYPES_BY_KIND: Partial<Record<OrganizationKind, EventType[]>> = {
  SCHOOL: SCHOOL_TYPES,
  UNIVERSITY: SCHOOL_TYPES,
  HOSPITAL: ['MEETING', 'WARD_VISIT', 'POSTER', 'LEAFLET', 'LECTURE', 'MESSAGE_PUSH', 'CASE_EXPOSURE', 'MEDIA'],
  BANK: [
    'COUNTER_REMINDER',
    'ON_SITE_INTERCEPTION',
    'LEAFLET',
    'POSTER',
    'HOTLINE_NOTICE',
    'MESSAGE_PUSH',
    'LECTURE',
    'CASE_EXPOSURE',
    'MEETING',
  ],
  PAYMENT_PLATFORM: ['MESSAGE_PUSH', 'ON_SITE_INTERCEPTION', 'CASE_EXPOSURE', 'MEDIA', 'HOTLINE_NOTICE', 'LECTURE'],
  TOWN: [...PUBLIC_TYPES, 'HOTLINE_NOTICE'],
  VILLAGE: [...PUBLIC_TYPES, 'HOTLINE_NOTICE'],
  ENTERPRISE: ['LECTURE', 'MEETING', 'POSTER', 'MESSAGE_PUSH', 'CASE_EXPOSURE', 'LEAFLET'],
};

/**
 * What a kind of unit calls a type, where it differs from EVENT_TYPE_LABELS: a school's meeting is its
 * 主题班会 (stored as MEETING; the summary counts it among the meetings), a hospital's its 科室晨会.
 */
export const EVENT_TYPE_LABELS_BY_KIND: Partial<Record<OrganizationKind, Partial<Record<EventType, string>>>> = {
  SCHOOL: { MEETING: '主题班会' },
  UNIVERSITY: { MEETING: '主题班会' },
  HOSPITAL: { MEETING: '科室晨会交班会' },
};

/**
 * The types offered to a unit: the template's suggested ones that fit its kind first, then the kind's
 * others, then OTHER. A kind without a list gets the template's, then every other type.
 */
export function eventTypesFor(
  kind: OrganizationKind | undefined,
  suggested: readonly EventType[],
  all: readonly EventType[],
): EventType[] {
  const fits = kind ? EVENT_TYPES_BY_KIND[kind] : undefined;
  const ordered = fits
    ? [...suggested.filter((x) => fits.includes(x)), ...fits.filter((x) => !suggested.includes(x))]
    : [...suggested, ...all.filter((x) => !suggested.includes(x))];
  return [...ordered.filter((x) => x !== 'OTHER'), 'OTHER'];
}

/** Departments a kind's 领导小组 members usually come from: hints for the form. Absent: none offered. */
export const DEPARTMENTS_BY_KIND: Partial<Record<OrganizationKind, string[]>> = {
  SCHOOL: ['校长室', '政教处', '教务处', '德育处', '总务处', '团委', '班主任'],
  UNIVERSITY: ['学生工作处', '保卫处', '宣传部', '团委', '各学院'],
  HOSPITAL: ['院办', '医务科', '护理部', '医保办', '财务科', '门诊部'],
  BANK: ['营业部', '运营管理部', '个人金融部', '风险合规部', '保卫部', '办公室'],
  PAYMENT_PLATFORM: ['风控部', '客服部', '合规部', '运营部'],
  POLICE: ['反诈中心', '刑侦大队', '治安大队', '派出所', '宣传科'],
  MEDICAL_INSURANCE: ['基金监管科', '待遇保障科', '医药服务科', '办公室'],
  EDUCATION_BUREAU: ['办公室', '安全科', '基础教育科', '德育科'],
  GOVERNMENT_AGENCY: ['办公室', '综合科', '宣传科'],
  TOWN: ['党政办', '综治办', '派出所', '司法所', '各村(社区)'],
  VILLAGE: ['村(居)委会', '网格员', '治保会'],
  ENTERPRISE: ['办公室', '人力资源部', '财务部', '安全保卫部'],
};
