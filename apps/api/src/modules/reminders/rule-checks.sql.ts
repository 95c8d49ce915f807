// The reminder rules as set-based SQL: each rule is ONE statement that inserts the notifications it finds
// for one campaign. "Overdue" and "due soon" mean what the progress board means
// (campaigns/campaign-progress.sql.ts): an open task (TODO, IN_PROGRESS) with due_on before today, or from
// today to today + N. The unique index (tenant_id, user_id, fact_key, day) makes a fact reach a person at
// most once a day, however many processes check at once (ON CONFLICT DO NOTHING).
//
//   rule                 who                                   fact key
//   TASK_DUE_SOON        the unit's REPORTERs                  task-due:<task>
//   TASK_OVERDUE         the unit's REPORTERs                  task-overdue:<task>
//   ESCALATION           ORGANIZERs on an ancestor of the unit, task-escalate:<task>
//                        inside the campaign organizer's subtree
//   NO_GROUP             the unit's REPORTERs                  no-group:<campaign>:<unit>
//   NO_EVENTS            the unit's REPORTERs                  no-events:<campaign>:<unit>
//   SUMMARY_DUE_SOON     the unit's REPORTERs                  summary-due:<campaign>:<unit>
import type { ReminderRules } from '@campaign-month/contracts';
import { Prisma } from '../../generated/prisma/client.js';

export interface RuleScope {
  tenantId: string;
  campaignId: string;
  /** Today in the tenant's time zone, 'YYYY-MM-DD'. */
  today: string;
}

const INSERT = Prisma.sql`INSERT INTO notification
  (tenant_id, user_id, kind, campaign_id, organization_id, title, body, link, fact_key, day)`;
const ON_CONFLICT = Prisma.sql`ON CONFLICT (tenant_id, user_id, fact_key, day) DO NOTHING`;

/** The unit's active reporters, joined to a row alias exposing tenant_id and the unit id as `unit`. */
function reportersOf(unit: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  JOIN membership m ON m.tenant_id = o.tenant_id AND m.organization_id = ${unit} AND m.role = 'REPORTER'
  JOIN app_user u ON u.tenant_id = m.tenant_id AND u.id = m.user_id AND u.is_active`;
}

export function taskDueSoonSql(s: RuleScope, days: number): Prisma.Sql {
  return Prisma.sql`${INSERT}
SELECT t.tenant_id, m.user_id, 'TASK_DUE_SOON'::"NotificationKind", t.campaign_id, t.organization_id,
       left('任务即将到期：' || t.title, 300),
       left(o.name || '的任务“' || t.title || '”将于' || to_char(t.due_on, 'YYYY-MM-DD') || '到期，请及时完成。', 4000),
       '/unit/' || t.campaign_id || '/tasks', 'task-due:' || t.id, ${s.today}::date
  FROM task t
  JOIN organization o ON o.tenant_id = t.tenant_id AND o.id = t.organization_id
  ${reportersOf(Prisma.sql`t.organization_id`)}
 WHERE t.tenant_id = ${s.tenantId}::uuid AND t.campaign_id = ${s.campaignId}::uuid
   AND t.status IN ('TODO', 'IN_PROGRESS')
   AND t.due_on BETWEEN ${s.today}::date AND ${s.today}::date + ${days}::int
${ON_CONFLICT}`;
}

export function taskOverdueSql(s: RuleScope): Prisma.Sql {
  return Prisma.sql`${INSERT}
SELECT t.tenant_id, m.user_id, 'TASK_OVERDUE'::"NotificationKind", t.campaign_id, t.organization_id,
       left('任务已逾期：' || t.title, 300),
       left(o.name || '的任务“' || t.title || '”已于' || to_char(t.due_on, 'YYYY-MM-DD') || '到期，尚未完成（逾期'
            || (${s.today}::date - t.due_on) || '天）。', 4000),
       '/unit/' || t.campaign_id || '/tasks', 'task-overdue:' || t.id, ${s.today}::date
  FROM task t
  JOIN organization o ON o.tenant_id = t.tenant_id AND o.id = t.organization_id
  ${reportersOf(Prisma.sql`t.organization_id`)}
 WHERE t.tenant_id = ${s.tenantId}::uuid AND t.campaign_id = ${s.campaignId}::uuid
   AND t.status IN ('TODO', 'IN_PROGRESS')
   AND t.due_on < ${s.today}::date
${ON_CONFLICT}`;
}

/** A task overdue `days` days or more reaches the organizers above the unit, inside the organizer's subtree. */
export function escalationSql(s: RuleScope, days: number): Prisma.Sql {
  return Prisma.sql`${INSERT}
SELECT DISTINCT ON (m.user_id, t.id)
       t.tenant_id, m.user_id, 'ESCALATION'::"NotificationKind", t.campaign_id, t.organization_id,
       left('下级单位任务逾期：' || o.name, 300),
       left(o.name || '的任务“' || t.title || '”已逾期' || (${s.today}::date - t.due_on) || '天（到期日'
            || to_char(t.due_on, 'YYYY-MM-DD') || '），请督促落实。', 4000),
       '/campaigns/' || t.campaign_id, 'task-escalate:' || t.id, ${s.today}::date
  FROM task t
  JOIN campaign c ON c.tenant_id = t.tenant_id AND c.id = t.campaign_id
  JOIN organization top ON top.tenant_id = c.tenant_id AND top.id = c.organizer_org_id
  JOIN organization o ON o.tenant_id = t.tenant_id AND o.id = t.organization_id
  JOIN organization a ON a.tenant_id = o.tenant_id AND a.id <> o.id
                     AND o.path LIKE a.path || '%' AND a.path LIKE top.path || '%'
  JOIN membership m ON m.tenant_id = a.tenant_id AND m.organization_id = a.id AND m.role = 'ORGANIZER'
  JOIN app_user u ON u.tenant_id = m.tenant_id AND u.id = m.user_id AND u.is_active
 WHERE t.tenant_id = ${s.tenantId}::uuid AND t.campaign_id = ${s.campaignId}::uuid
   AND t.status IN ('TODO', 'IN_PROGRESS')
   AND t.due_on <= ${s.today}::date - ${days}::int
${ON_CONFLICT}`;
}

/** Participants of the campaign (the organizer unit keeps its own group and events, but is not chased). */
function participants(s: RuleScope): Prisma.Sql {
  return Prisma.sql`
  FROM participant p
  JOIN campaign c ON c.tenant_id = p.tenant_id AND c.id = p.campaign_id
  JOIN organization o ON o.tenant_id = p.tenant_id AND o.id = p.organization_id AND o.archived_at IS NULL
  ${reportersOf(Prisma.sql`p.organization_id`)}
 WHERE p.tenant_id = ${s.tenantId}::uuid AND p.campaign_id = ${s.campaignId}::uuid`;
}

/** No leading group on or after day N of the month (day 1 = startsOn). */
export function noGroupSql(s: RuleScope, dayOfMonth: number): Prisma.Sql {
  return Prisma.sql`${INSERT}
SELECT p.tenant_id, m.user_id, 'NO_GROUP'::"NotificationKind", p.campaign_id, p.organization_id,
       '尚未成立领导小组',
       left(c.title || '已进行到第' || (${s.today}::date - c.starts_on + 1) || '天，' || o.name
            || '尚未填报领导小组，请尽快成立并填报。', 4000),
       '/unit/' || p.campaign_id || '/group', 'no-group:' || p.campaign_id || ':' || p.organization_id, ${s.today}::date
  ${participants(s)}
   AND ${s.today}::date >= c.starts_on + (${dayOfMonth}::int - 1)
   AND NOT EXISTS (SELECT 1 FROM leading_group g
                    WHERE g.tenant_id = p.tenant_id AND g.campaign_id = p.campaign_id AND g.organization_id = p.organization_id)
${ON_CONFLICT}`;
}

/** No event logged in the last N days (once the month has run N days). */
export function noEventsSql(s: RuleScope, days: number): Prisma.Sql {
  return Prisma.sql`${INSERT}
SELECT p.tenant_id, m.user_id, 'NO_EVENTS'::"NotificationKind", p.campaign_id, p.organization_id,
       left('已' || ${days}::int || '天未登记宣传活动', 300),
       left(o.name || '在' || c.title || '中已' || ${days}::int || '天没有登记宣传活动，请及时登记。', 4000),
       '/unit/' || p.campaign_id || '/events/new', 'no-events:' || p.campaign_id || ':' || p.organization_id, ${s.today}::date
  ${participants(s)}
   AND ${s.today}::date - c.starts_on >= ${days}::int
   AND NOT EXISTS (SELECT 1 FROM publicity_event e
                    WHERE e.tenant_id = p.tenant_id AND e.campaign_id = p.campaign_id AND e.organization_id = p.organization_id
                      AND e.occurred_on > ${s.today}::date - ${days}::int)
${ON_CONFLICT}`;
}

/** The summary is due within N days and the unit's latest UNIT summary is not submitted or approved. */
export function summaryDueSoonSql(s: RuleScope, days: number): Prisma.Sql {
  return Prisma.sql`${INSERT}
SELECT p.tenant_id, m.user_id, 'SUMMARY_DUE_SOON'::"NotificationKind", p.campaign_id, p.organization_id,
       '活动总结即将截止',
       left(c.title || '的活动总结将于' || to_char(c.report_due_on, 'YYYY-MM-DD') || '截止，' || o.name || '尚未提交。', 4000),
       '/unit/' || p.campaign_id || '/summary', 'summary-due:' || p.campaign_id || ':' || p.organization_id, ${s.today}::date
  ${participants(s)}
   AND c.report_due_on BETWEEN ${s.today}::date AND ${s.today}::date + ${days}::int
   AND coalesce((SELECT r.status IN ('SUBMITTED', 'APPROVED') FROM summary_report r
                  WHERE r.tenant_id = p.tenant_id AND r.campaign_id = p.campaign_id AND r.organization_id = p.organization_id
                    AND r.scope = 'UNIT' ORDER BY r.version DESC LIMIT 1), false) = false
${ON_CONFLICT}`;
}

/** Every statement the campaign's rules ask for, in the order they run. */
export function ruleStatements(s: RuleScope, r: ReminderRules): { rule: string; sql: Prisma.Sql }[] {
  const out: { rule: string; sql: Prisma.Sql }[] = [{ rule: 'TASK_DUE_SOON', sql: taskDueSoonSql(s, r.dueSoonDays) }];
  if (r.overdue) out.push({ rule: 'TASK_OVERDUE', sql: taskOverdueSql(s) });
  if (r.escalateAfterDays !== null) out.push({ rule: 'ESCALATION', sql: escalationSql(s, r.escalateAfterDays) });
  if (r.noGroupByDay !== null) out.push({ rule: 'NO_GROUP', sql: noGroupSql(s, r.noGroupByDay) });
  if (r.noEventDays !== null) out.push({ rule: 'NO_EVENTS', sql: noEventsSql(s, r.noEventDays) });
  if (r.summaryDueSoonDays !== null)
    out.push({ rule: 'SUMMARY_DUE_SOON', sql: summaryDueSoonSql(s, r.summaryDueSoonDays) });
  return out;
}
