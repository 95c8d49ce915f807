// Sections 一 (leading group), 二 (tasks), 四 (results) and the closing 存在不足及下一步打算.
// Section 三 (publicity) is in publicity-section.ts, the roll-up's units section in rollup-sections.ts.
import type { GroupMemberFact, TaskItemFact } from '../facts.js';
import { joinList } from '../format/chinese.js';
import { formatCount, isNonZero } from '../format/numbers.js';
import { fillText, ZH_CN } from '../phrases.zh-CN.js';
import {
  clause,
  countText,
  metricFigure,
  metricLead,
  narrativeParagraph,
  personName,
  prompts,
  type SectionDraft,
  type WriteContext,
} from './context.js';
import { comparisonParagraphs } from './comparison.js';
import { type FigureSpec, sample, source, TextBuilder } from './text-builder.js';

const L = ZH_CN.leadership;
const D = ZH_CN.deployment;

function memberWithDepartment(m: GroupMemberFact): string {
  const dept = m.department?.trim() ?? '';
  const title = m.title?.trim() ?? '';
  return (dept && !title.startsWith(dept) ? dept : '') + personName(m);
}

/** The duty as a predicate: 负责… as written, or with 负责 put in front. */
function duty(m: GroupMemberFact): string {
  const text = clause(m.duty ?? '');
  if (text === '') return '';
  return L.dutyPredicates.some((p) => text.startsWith(p)) ? text : L.dutyVerb + text;
}

function membersClause(members: GroupMemberFact[]): string {
  const departments = [...new Set(members.map((m) => m.department?.trim() ?? '').filter((d) => d !== ''))];
  const others = members.filter((m) => !m.department?.trim()).map(personName);
  const parts: string[] = [];
  if (departments.length > 0) parts.push(fillText(L.memberDepartments, { departments: joinList(departments) }));
  if (others.length > 0) parts.push(joinList(others));
  return fillText(L.members, { names: parts.join(L.membersJoin) });
}

/** 一、领导重视，组织健全 — the leading group, or a prompt when none was recorded. */
export function leadershipSection(ctx: WriteContext): SectionDraft {
  const group = ctx.facts.leadingGroup ?? [];
  const paragraphs = [];
  const leaders = group.filter((m) => m.role === 'LEADER');
  if (group.length > 0) {
    const deputies = group.filter((m) => m.role === 'DEPUTY');
    const members = group.filter((m) => m.role === 'MEMBER');
    const tb = new TextBuilder('leadership.group').fill(L.intro, { unit: ctx.facts.unit.name });
    const size: FigureSpec = {
      name: 'size',
      text: countText(group.length, L.people),
      value: String(group.length),
      source: source(ctx.base, 'leadingGroup', { subtree: false }, { memberIds: sample(group.map((m) => m.id)) }),
    };
    if (leaders.length > 0) {
      const parts = [fillText(L.leaders, { names: joinList(leaders.map(personName)) })];
      if (deputies.length > 0) parts.push(fillText(L.deputies, { names: joinList(deputies.map(personName)) }));
      if (members.length > 0) parts.push(membersClause(members));
      tb.add(parts.join(ZH_CN.punctuation.comma)).fill(L.groupNoun, { n: size });
    } else {
      tb.fill(L.groupNounNoLeader, { names: joinList(group.map(personName)), n: size });
    }
    const withDuty = group.filter((m) => duty(m) !== '');
    if (withDuty.length > 0) {
      const listed = withDuty.slice(0, L.maxDuties);
      const duties = listed.map((m) => memberWithDepartment(m) + duty(m)).join(ZH_CN.punctuation.semicolon);
      const more = withDuty.length > listed.length ? L.dutiesMore : '';
      tb.add(L.dutiesIntro + duties + more + ZH_CN.punctuation.period);
      // 责任到人 only when the text shows every member's duty
      if (listed.length === group.length) tb.add(L.allDuties);
    }
    paragraphs.push(tb.build());
  }
  const rollup = ctx.rollup;
  let unitsAllSet = false;
  if (rollup && rollup.participantCount > 0) {
    const participating = rollup.units.filter((u) => u.participating);
    const withGroup = participating.filter((u) => u.leadingGroupSet);
    unitsAllSet = withGroup.length === participating.length;
    const unitsFig = (name: string, rows: typeof participating, extra: object): FigureSpec => ({
      name,
      text: `${formatCount(rows.length)}${L.units}`,
      value: String(rows.length),
      source: source(ctx.base, 'units', { participating: true, ...extra }, { unitIds: sample(rows.map((u) => u.id)) }),
    });
    const tb = new TextBuilder('leadership.units');
    const one = participating.length === 1 ? participating[0]! : null;
    if (one) {
      tb.fill(one.leadingGroupSet ? L.rollupOne : L.rollupOneNone, {
        name: {
          name: 'withGroup',
          text: one.name,
          value: one.leadingGroupSet ? '1' : '0',
          source: source(
            ctx.base,
            'units',
            { participating: true, leadingGroupSet: one.leadingGroupSet },
            { unitIds: [one.id] },
          ),
        },
      });
    } else if (withGroup.length === 0) tb.add(L.rollupNone);
    else if (unitsAllSet) tb.fill(L.rollupAll, { n: unitsFig('withGroup', withGroup, { leadingGroupSet: true }) });
    else {
      tb.fill(L.rollupSome, {
        participants: unitsFig('participants', participating, {}),
        n: unitsFig('withGroup', withGroup, { leadingGroupSet: true }),
      });
    }
    paragraphs.push(tb.build());
  }
  const extra = narrativeParagraph(ctx, 'leadership.extra', group.length === 0 ? prompts(ctx).leadership : undefined);
  if (extra) paragraphs.push(extra);
  return { key: 'leadership', praise: leaders.length > 0 || (rollup !== null && unitsAllSet), paragraphs };
}

function assignments(items: TaskItemFact[]): string | null {
  const open = items.filter((t) => t.status !== 'CANCELLED');
  const byPerson = new Map<string, string[]>();
  for (const t of open) {
    const who = t.responsibleName?.trim();
    if (!who) continue;
    byPerson.set(who, [...(byPerson.get(who) ?? []), t.title.trim()]);
  }
  if (byPerson.size === 0) return null;
  const people = [...byPerson.entries()].slice(0, 6).map(([who, titles]) => {
    const quoted = titles
      .slice(0, 3)
      .map((title) => fillText(D.quote, { title }))
      .join('');
    const more = titles.length > 3 ? fillText(D.personMore, { n: countText(titles.length, D.measure) }) : '';
    return fillText(D.person, { who, titles: quoted + more });
  });
  const allAssigned = open.every((t) => t.responsibleName?.trim());
  return (allAssigned ? D.allAssigned : D.someAssigned) + people.join(ZH_CN.punctuation.semicolon) + D.end;
}

/** 二、周密部署，任务落实 — tasks: how many, done, on time, overdue, by whom. */
export function deploymentSection(ctx: WriteContext): SectionDraft {
  const t = ctx.facts.tasks;
  const effective = t.total - t.cancelled;
  const paragraphs = [];
  if (effective > 0) {
    const items = t.items;
    const ids = (pred: (i: TaskItemFact) => boolean) => sample(items.filter(pred).map((i) => i.id));
    const fig = (name: string, n: number, extra: object, pred: (i: TaskItemFact) => boolean): FigureSpec => ({
      name,
      text: countText(n, D.measure),
      value: String(n),
      source: source(
        ctx.base,
        'tasks',
        { ...(ctx.rollup ? { leafTasks: true } : {}), ...extra },
        { taskIds: ids(pred) },
      ),
    });
    const tb = new TextBuilder('deployment.tasks').fill(ctx.rollup ? D.rollupTasks : D.tasks, {
      unit: ctx.facts.unit.name,
      n: fig('total', effective, {}, (i) => i.status !== 'CANCELLED'),
    });
    if (t.cancelled > 0) {
      tb.fill(D.cancelled, {
        n: fig('cancelled', t.cancelled, { taskStatus: 'CANCELLED' }, (i) => i.status === 'CANCELLED'),
      });
    }
    const done = fig('done', t.done, { taskStatus: 'DONE' }, (i) => i.status === 'DONE');
    const onTime = fig('doneOnTime', t.doneOnTime, { taskStatus: 'DONE', taskTiming: 'ON_TIME' }, (i) =>
      Boolean(i.status === 'DONE' && (!i.completedOn || !i.dueOn || i.completedOn <= i.dueOn)),
    );
    if (t.done === 0) tb.add(D.noneDone);
    else if (t.done >= effective) {
      tb.add(effective === 1 ? D.oneDone : D.allDone);
      if (t.doneOnTime >= t.done) tb.add(effective === 1 ? D.oneOnTime : D.allOnTime);
      else if (t.doneOnTime > 0) tb.fill(D.someOnTime, { n: onTime });
    } else {
      tb.fill(D.done, { n: done });
      if (t.doneOnTime > 0) tb.fill(D.someOnTime, { n: onTime });
    }
    if (t.overdue > 0) {
      tb.fill(D.overdue, {
        n: fig('overdue', t.overdue, { taskTiming: 'OVERDUE' }, (i) =>
          i.overdue !== undefined ? i.overdue : i.status !== 'DONE' && i.status !== 'CANCELLED',
        ),
      });
    }
    tb.add(D.end);
    paragraphs.push(tb.build());
    const who = ctx.rollup ? null : assignments(items);
    if (who) paragraphs.push(new TextBuilder('deployment.assignments').add(who).build());
  }
  const extra = narrativeParagraph(ctx, 'deployment.extra', effective > 0 ? undefined : prompts(ctx).deployment);
  if (extra) paragraphs.push(extra);
  return { key: 'deployment', praise: effective > 0 && t.done > 0 && t.overdue === 0, paragraphs };
}

/** 四、取得的成效 — every metric with a non-zero total. */
export function resultsSection(ctx: WriteContext): SectionDraft {
  const f = ctx.facts;
  const metrics = f.metrics.filter((m) => isNonZero(f.metricTotals[m.key]));
  const paragraphs = [];
  if (f.eventCount > 0 || metrics.length > 0) {
    const tb = new TextBuilder('results.totals');
    const allIds = f.byType.flatMap((t) => t.eventIds);
    if (f.eventCount > 0) {
      tb.fill(ctx.rollup ? ZH_CN.results.rollup : ZH_CN.results.unit, {
        unit: f.unit.name,
        n: {
          name: 'events',
          text: countText(f.eventCount, ZH_CN.publicity.eventMeasure),
          value: String(f.eventCount),
          source: source(ctx.base, 'events', {}, { eventIds: sample(allIds) }),
        },
      });
    } else {
      tb.fill(ctx.rollup ? ZH_CN.results.rollupLead : ZH_CN.results.unitLead, { unit: f.unit.name });
    }
    metrics.forEach((m, i) => {
      const ids = sample(f.byType.filter((t) => isNonZero(t.metricSums[m.key])).flatMap((t) => t.eventIds));
      if (i > 0 || f.eventCount > 0) tb.add(ZH_CN.punctuation.comma);
      tb.add(metricLead(ctx, m)).fig(metricFigure(ctx, m, f.metricTotals[m.key], `metric:${m.key}`, {}, ids));
    });
    tb.add(ZH_CN.results.end);
    paragraphs.push(tb.build());
  }
  paragraphs.push(...comparisonParagraphs(ctx));
  const extra = narrativeParagraph(ctx, 'results.extra', paragraphs.length > 0 ? undefined : prompts(ctx).results);
  if (extra) paragraphs.push(extra);
  return { key: 'results', praise: metrics.length > 0, paragraphs };
}

/** 存在不足及下一步打算 — the unit's own words, or a prompt asking for them. */
export function shortcomingsSection(ctx: WriteContext): SectionDraft {
  const paragraph = narrativeParagraph(ctx, 'shortcomings', prompts(ctx).shortcomings);
  return { key: 'shortcomings', praise: true, paragraphs: paragraph ? [paragraph] : [] };
}
