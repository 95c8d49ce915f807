import type { Figure, SummaryDocument } from '../document.js';
import { bulletinFacts } from '../fixtures/bulletin.js';
import { renderMarkdown } from '../render/markdown.js';
import { allParagraphs } from '../write/summary.js';
import type { BulletinFacts } from './facts.js';
import { sumDecimals } from '../format/numbers.js';
import { rankUnits, writeBulletin } from './write-bulletin.js';

const text = (doc: SummaryDocument, key: string) => allParagraphs(doc).find((p) => p.key === key)?.text;
const figures = (doc: SummaryDocument): Figure[] => allParagraphs(doc).flatMap((p) => p.figures);

describe('writeBulletin — 情况通报 as of a day', () => {
  const doc = writeBulletin(bulletinFacts);

  it('is titled 关于…开展情况的通报, opens with the day, has the four sections and is signed by the issuer on that day', () => {
    expect(doc.scope).toBe('BULLETIN');
    expect(doc.title).toBe('关于2026年全民反诈在行动集中宣传月活动开展情况的通报');
    expect(doc.opening.text).toBe(
      '按照《关于开展2026年“全民反诈在行动”集中宣传月活动的通知》（江公通〔2026〕18号）要求，' +
        '2026年全民反诈在行动集中宣传月活动于11月1日启动。为及时掌握活动进展，推动各项工作落实，' +
        '现将截至2026年11月21日各单位开展情况通报如下：',
    );
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '一、总体进展',
      '二、工作开展较好的单位',
      '三、存在的问题',
      '四、下一步工作要求',
    ]);
    expect(doc.signature).toEqual({ unit: '江城市公安局', date: '2026年11月21日', isoDate: '2026-11-21' });
  });

  it('一、总体进展 gives participants, groups, events, metric totals, tasks and summaries handed in', () => {
    expect(text(doc, 'progress.totals')).toBe(
      '截至11月21日，共有4个单位参与本次活动，其中2个单位已成立活动领导小组；各单位累计开展宣传活动7次，' +
        '覆盖群众1,800余人次，发放宣传单1,600份，张贴海报40张，阻止可疑交易14笔，避免群众损失80余万元；' +
        '部署具体任务4项，已完成2项，逾期未完成1项；1个单位已提交活动总结。',
    );
    const progress = doc.sections[0]!;
    expect(progress.table?.columns).toEqual([
      '序号',
      '单位',
      '领导小组',
      '活动（次）',
      '受众（人次）',
      '避免损失（元）',
      '任务完成',
      '活动总结',
    ]);
    expect(progress.table?.rows.map((r) => r.map((c) => c.text))[0]).toEqual([
      '1',
      '工商银行滨江支行',
      '已成立',
      '4',
      '955',
      '812,300',
      '2/2',
      '未提交',
    ]);
  });

  it('every figure is traceable to rows as of the day', () => {
    const all = figures(doc);
    expect(all.length).toBeGreaterThan(15);
    for (const f of all) {
      expect(f.source.filter).toMatchObject({ campaignId: 'camp-fraud-2026', asOf: '2026-11-21' });
      expect(
        doc.sections
          .flatMap((s) => s.paragraphs)
          .concat(doc.opening)
          .some((p) => p.text.slice(f.start, f.end) === f.text),
      ).toBe(true);
    }
    const losses = all.find((f) => f.id === 'progress.totals.metric:lossesAvoided');
    expect(losses).toMatchObject({
      value: '812300',
      text: '80余万元',
      source: { kind: 'events', filter: { metric: 'lossesAvoided', subtree: true } },
    });
    const cell = doc.sections[0]!.table!.rows[0]![3]!.figure;
    expect(cell?.source.filter).toMatchObject({ organizationId: 'org-icbc', subtree: false, asOf: '2026-11-21' });
  });

  it('二、 names the units with the most events, at most half of them, with their own figures', () => {
    expect(rankUnits(bulletinFacts).map((u) => u.name)).toEqual([
      '工商银行滨江支行',
      '建设银行城南支行',
      '邮储银行城北支行',
    ]);
    expect(text(doc, 'leaders.intro')).toBe('截至11月21日，以下单位登记的宣传活动较多：');
    expect(text(doc, 'leaders.unit:org-icbc')).toBe(
      '1.工商银行滨江支行开展宣传活动4次，覆盖群众900余人次，避免群众损失80余万元，发放宣传单800份，完成任务2项。',
    );
    expect(text(doc, 'leaders.unit:org-ccb')).toBe(
      '2.建设银行城南支行开展宣传活动2次，覆盖群众700余人次，发放宣传单800份。',
    );
    expect(text(doc, 'leaders.unit:org-psbc')).toBeUndefined();
  });

  it('三、存在的问题 names the units without a group, without events and with overdue tasks', () => {
    expect(text(doc, 'problems.1')).toBe(
      '一是部分单位组织领导有待加强。建设银行城南支行、农商银行江北支行共2个单位尚未在系统中录入活动领导小组。',
    );
    expect(text(doc, 'problems.2')).toBe('二是部分单位宣传活动尚未开展。农商银行江北支行尚未登记宣传活动。');
    expect(text(doc, 'problems.3')).toBe('三是部分任务推进滞后。农商银行江北支行（1项）有逾期未完成的任务，共1项。');
    const noEvents = figures(doc).find((f) => f.id === 'problems.2.noEvents');
    expect(noEvents?.source).toMatchObject({ kind: 'units', filter: { hasEvents: false }, unitIds: ['org-rcb'] });
  });

  it('四、 asks for what is missing and names the due day; without gaps, only the standing requirements', () => {
    const req = doc.sections[3]!.paragraphs.map((p) => p.text);
    expect(req).toHaveLength(4);
    expect(req[0]).toMatch(/^一是持续深化宣传。各单位要/);
    expect(req[3]).toContain('并于12月5日前提交活动总结');
    const clean: BulletinFacts = {
      ...bulletinFacts,
      asOf: '2026-12-08',
      units: bulletinFacts.units.map((u) => ({
        ...u,
        leadingGroupSet: true,
        eventCount: Math.max(1, u.eventCount),
        tasksOverdue: 0,
      })),
    };
    const after = writeBulletin(clean);
    expect(text(after, 'problems.none')).toBe(
      '截至12月8日，各参与单位均已成立活动领导小组并登记了宣传活动，暂无逾期未完成的任务。',
    );
    expect(after.sections[3]!.paragraphs.map((p) => p.text)).toEqual([
      expect.stringMatching(/^一是持续深化宣传/),
      expect.stringMatching(/^二是及时报送信息.*尚未提交活动总结的单位要尽快提交。$/),
    ]);
    expect(text(after, 'progress.totals')).toContain('均已成立活动领导小组');
  });

  it('says so when nothing was logged and no unit takes part yet', () => {
    const empty = writeBulletin({ ...bulletinFacts, units: [] });
    expect(text(empty, 'progress.totals')).toBe('截至11月21日，本次活动暂无参与单位。');
    expect(empty.sections[0]!.table).toBeUndefined();
    expect(text(empty, 'leaders.none')).toBe('截至11月21日，各单位尚未登记宣传活动，暂无可通报的单位。');
    const idle = writeBulletin({
      ...bulletinFacts,
      units: bulletinFacts.units.map((u) => ({ ...u, eventCount: 0, metricTotals: {}, eventIds: [], handedIn: false })),
    });
    expect(text(idle, 'progress.totals')).toContain('各单位尚未登记宣传活动');
    expect(text(idle, 'progress.totals')).not.toMatch(/覆盖|NaN|undefined/);
  });

  it('prints through the Markdown renderer like a summary', () => {
    const md = renderMarkdown(doc);
    expect(md).toMatch(/^# 关于2026年全民反诈在行动集中宣传月活动开展情况的通报/);
    expect(md).toContain('## 三、存在的问题');
    expect(md).toContain('| 1 | 工商银行滨江支行 | 已成立 | 4 |');
    expect(md.trim().endsWith('2026年11月21日')).toBe(true);
  });

  it('adds decimal sums exactly', () => {
    expect(sumDecimals(['812300.00', '0.10', '0.2', undefined])).toBe('812300.3');
    expect(sumDecimals(['3000', '-1000'])).toBe('2000');
  });
});
