import { EVENT_TYPE_LABELS, EVENT_TYPES, type EventType } from '@campaign-month/contracts';
import { jest } from '@jest/globals';
import fc from 'fast-check';
import type { SummaryDocument } from '../document.js';
import type { TypeFact, UnitFacts } from '../facts.js';
import { bankFacts } from '../fixtures/bank.js';
import { hospitalFacts } from '../fixtures/hospital.js';
import { schoolFacts } from '../fixtures/school.js';
import { ZH_CN } from '../phrases.zh-CN.js';
import { activityName, allParagraphs, summaryTitle, writeSummary } from './summary.js';

const fullText = (doc: SummaryDocument) =>
  [doc.title, ...allParagraphs(doc).map((p) => p.text), ...doc.sections.map((s) => s.heading)].join('\n');
const paragraph = (doc: SummaryDocument, key: string) => allParagraphs(doc).find((p) => p.key === key);
const headings = (doc: SummaryDocument) => doc.sections.map((s) => s.heading);
/** The fixed part of a type's phrase, e.g. 利用升旗仪式开展国旗下宣讲. */
const stem = (type: EventType) => ZH_CN.eventTypes[type].text.replace(/\{\w+\}/g, '');

describe('writeSummary — the school (防范通讯网络新型违法犯罪 month)', () => {
  const doc = writeSummary(schoolFacts);
  const text = fullText(doc);

  it('titles the summary {单位}{活动名称}活动总结', () => {
    expect(doc.title).toBe('江城县第一中学2026年防范通讯网络新型违法犯罪集中宣传月活动总结');
  });

  it('opens with the directive (no number when none) and the period', () => {
    expect(doc.opening.text).toBe(
      '为深入贯彻落实《关于开展防范通讯网络新型违法犯罪集中宣传月活动的通知》文件要求，江城县第一中学于11月1日至11月30日开展了2026年防范通讯网络新型违法犯罪集中宣传月活动，现将活动开展情况总结如下：',
    );
  });

  it('names its 组长 and praises a group that exists', () => {
    expect(headings(doc)[0]).toBe('一、领导重视，组织健全');
    expect(paragraph(doc, 'leadership.group')?.text).toContain('以校长张华为组长，副校长李强为副组长');
    expect(text).toContain('政教处、教务处负责人及班主任代表陈静为成员');
  });

  it('does not claim 责任到人 when some members have no duty', () => {
    expect(text).not.toContain('责任到人');
  });

  it('names the flag-ceremony talk, the 校讯通 push and the materials taken home', () => {
    const types = paragraph(doc, 'publicity.types')?.text ?? '';
    expect(types).toContain('利用升旗仪式开展国旗下宣讲1次');
    expect(types).toContain('通过校讯通、家长微信群推送宣传信息2次，覆盖1,200人次');
    expect(types).toContain('开展“宣传资料带回家”活动1次，发放宣传单1,200份');
    expect(types).toMatch(/^一是.*；二是.*；三是.*；四是.*。$/);
  });

  it('quotes examples with their dates', () => {
    const examples = paragraph(doc, 'publicity.examples')?.text ?? '';
    expect(examples).toContain('11月2日，校长张华在升旗仪式上作');
    expect(examples).toContain('11月6日，通过校讯通向全校1,200名家长推送');
  });

  it('numbers the sections 一 to 五 and signs with the unit and the Chinese date', () => {
    expect(headings(doc).map((h) => h.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、']);
    expect(doc.signature).toEqual({ unit: '江城县第一中学', date: '2026年11月30日', isoDate: '2026-11-30' });
  });
});

describe('writeSummary — the bank branch (全民反诈 month)', () => {
  const doc = writeSummary(bankFacts);

  it('reads 14笔 and 80余万元 in the results', () => {
    const results = paragraph(doc, 'results.totals')?.text ?? '';
    expect(results).toContain('阻止可疑交易14笔');
    expect(results).toContain('避免群众损失80余万元');
    expect(results).toContain('覆盖群众2,000余人次');
    expect(results).not.toContain('推送信息');
  });

  it('traces 14 and 80余万元 back to the interception events', () => {
    const results = paragraph(doc, 'results.totals');
    const losses = results?.figures.find((f) => f.metric === 'lossesAvoided');
    expect(losses).toMatchObject({ text: '80余万元', value: '812300.00' });
    expect(losses?.source.filter).toMatchObject({
      campaignId: 'camp-fraud-2026',
      organizationId: 'org-bank-chengguan',
      subtree: false,
      metric: 'lossesAvoided',
    });
    expect(losses?.source.eventIds).toEqual(bankFacts.byType[1].eventIds);
    const intercepted = paragraph(doc, 'publicity.types')?.figures.find((f) => f.text === '14笔');
    expect(intercepted).toMatchObject({ eventType: 'ON_SITE_INTERCEPTION', metric: 'interceptedTransactions' });
  });

  it('says 分工明确，责任到人 when every member has a duty', () => {
    expect(paragraph(doc, 'leadership.group')?.text).toContain('行长王建国全面负责活动的组织领导');
    expect(paragraph(doc, 'leadership.group')?.text).toMatch(/分工明确，责任到人。$/);
  });

  it('counts tasks: how many, done, on time, by whom', () => {
    expect(paragraph(doc, 'deployment.tasks')?.text).toBe(
      '江城农商银行城关支行结合工作实际，将活动要求细化为5项具体任务，已完成4项，其中按期完成4项。',
    );
    expect(paragraph(doc, 'deployment.assignments')?.text).toContain(
      '周涛负责“开展临柜风险提示”“落实可疑交易驻守阻截”',
    );
  });

  it('leaves 存在不足及下一步打算 to the unit, marked as needing input', () => {
    const last = doc.sections.at(-1);
    expect(last?.heading).toBe('五、存在不足及下一步打算');
    expect(last?.paragraphs).toEqual([
      expect.objectContaining({
        key: 'shortcomings',
        editable: true,
        needsInput: true,
        text: ZH_CN.prompts.shortcomings,
      }),
    ]);
  });
});

describe('writeSummary — the hospital (打击欺诈骗保 month)', () => {
  const doc = writeSummary(hospitalFacts);
  const text = fullText(doc);

  it('names the 院长 as 组长 and the departments as members', () => {
    expect(text).toContain(
      '以院长陈志强为组长，副院长刘洋、副院长赵静为副组长，财务科、医务科、护理部、医保办负责人为成员',
    );
  });

  it('writes posters at corridors, lifts and payment windows, leaflets on market days, ward visits', () => {
    const types = paragraph(doc, 'publicity.types')?.text ?? '';
    expect(types).toContain('在门诊走廊、住院部电梯、收费窗口张贴海报标语120张');
    expect(types).toContain('发放宣传单3,000份，覆盖5,000余人次');
    expect(types).toContain('深入科室、病房开展面对面宣传8次');
    expect(paragraph(doc, 'publicity.examples')?.text).toContain('利用赶集日人流量大的特点');
  });

  it('does not praise the deployment while a task is overdue', () => {
    expect(headings(doc)[1]).toBe('二、工作部署');
    expect(paragraph(doc, 'deployment.tasks')?.text).toContain('已完成5项，其中按期完成4项，逾期未完成1项');
  });
});

describe('facts that are missing', () => {
  it('does not praise a unit without a leading group, and asks for one', () => {
    for (const leadingGroup of [null, []]) {
      const doc = writeSummary({ ...schoolFacts, leadingGroup });
      const text = fullText(doc);
      expect(headings(doc)[0]).toBe('一、组织领导');
      expect(text).not.toMatch(/领导重视|组织健全|责任到人|为组长/);
      expect(doc.sections[0].paragraphs).toEqual([
        expect.objectContaining({ key: 'leadership.extra', needsInput: true, editable: true }),
      ]);
    }
  });

  it('writes a group without a 组长 plainly', () => {
    const doc = writeSummary({ ...schoolFacts, leadingGroup: schoolFacts.leadingGroup!.slice(1) });
    expect(headings(doc)[0]).toBe('一、组织领导');
    expect(paragraph(doc, 'leadership.group')?.text).toContain(
      '成立了由副校长李强、主任王芳、主任赵磊、班主任代表陈静组成的活动领导小组',
    );
  });

  it('writes no 0 anywhere when nothing was logged', () => {
    const empty: UnitFacts = {
      ...schoolFacts,
      leadingGroup: null,
      tasks: { total: 2, done: 0, doneOnTime: 0, overdue: 0, cancelled: 2, items: [] },
      eventCount: 0,
      byType: [],
      byDay: [],
      metricTotals: {},
      examples: [],
    };
    const doc = writeSummary(empty);
    expect(fullText(doc)).not.toMatch(/(?<![\d,.])0(次|项|个|人|份|张|笔|条|场|元)/);
    expect(headings(doc)).toEqual([
      '一、组织领导',
      '二、工作部署',
      '三、宣传开展情况',
      '四、活动成效',
      '五、存在不足及下一步打算',
    ]);
    expect(allParagraphs(doc).filter((p) => p.needsInput)).toHaveLength(5);
    expect(doc.sections.some((s) => s.charts)).toBe(false);
  });
});

describe('event types', () => {
  const fixtures = [schoolFacts, bankFacts, hospitalFacts];

  it('never mentions a type without events', () => {
    for (const facts of fixtures) {
      const doc = writeSummary(facts);
      const absent = EVENT_TYPES.filter((t) => !facts.byType.some((b) => b.type === t && b.count > 0));
      for (const type of absent) {
        expect(paragraph(doc, 'publicity.overview')?.text).not.toContain(EVENT_TYPE_LABELS[type]);
        expect(fullText(doc)).not.toContain(stem(type));
        expect(
          allParagraphs(doc)
            .flatMap((p) => p.figures)
            .some((f) => f.eventType === type),
        ).toBe(false);
      }
    }
  });

  it('holds for any mix of types and counts, zeros included (property)', () => {
    const typeFact = fc.record({
      type: fc.constantFrom(...EVENT_TYPES),
      count: fc.integer({ min: 0, max: 50 }),
      leaflets: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(typeFact, { selector: (t) => t.type, maxLength: 8 }), (mix) => {
        const byType: TypeFact[] = mix.map((t) => ({
          type: t.type,
          count: t.count,
          metricSums: (t.count > 0 ? { leaflets: String(t.leaflets) } : {}) as Record<string, string>,
          eventIds: t.count > 0 ? [`e-${t.type}`] : [],
        }));
        const eventCount = mix.reduce((n, t) => n + t.count, 0);
        const leaflets = mix.reduce((n, t) => n + (t.count > 0 ? t.leaflets : 0), 0);
        const facts: UnitFacts = {
          ...schoolFacts,
          byType,
          eventCount,
          metricTotals: { leaflets: String(leaflets) },
          examples: [],
        };
        const doc = writeSummary(facts);
        const text = fullText(doc);
        expect(text).not.toMatch(/(?<![\d,.])0(次|项|个|人|份|张|笔|条|场|元)/);
        for (const t of mix.filter((m) => m.count === 0)) expect(text).not.toContain(stem(t.type));
      }),
      { numRuns: 200 },
    );
  });
});

describe('figures', () => {
  const docs = [schoolFacts, bankFacts, hospitalFacts].map((f) => writeSummary(f));

  it('sit in the text where they say, with a source', () => {
    for (const doc of docs) {
      const ids = new Set<string>();
      for (const p of allParagraphs(doc)) {
        for (const f of p.figures) {
          expect(p.text.slice(f.start, f.end)).toBe(f.text);
          expect(f.source.filter.campaignId).toBe(doc.campaignId);
          expect(f.source.filter.organizationId).toBe(doc.organizationId);
          expect(ids.has(f.id)).toBe(false);
          ids.add(f.id);
          if (f.source.kind === 'events') expect(f.source.eventIds?.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('cover every number the writer computed', () => {
    const computed = [
      'leadership.group',
      'deployment.tasks',
      'publicity.overview',
      'publicity.types',
      'results.totals',
    ];
    for (const doc of docs) {
      for (const key of computed) {
        const p = paragraph(doc, key);
        if (!p) continue;
        for (const m of p.text.matchAll(/\d[\d,.]*/g)) {
          const at = m.index ?? 0;
          const covered = p.figures.some((f) => f.start <= at && at + m[0].length <= f.end);
          expect({ key, number: m[0], covered }).toEqual({ key, number: m[0], covered: true });
        }
      }
    }
  });
});

describe('determinism and narrative', () => {
  it('writes the same document for the same facts, whatever the clock says', () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const first = JSON.stringify(writeSummary(hospitalFacts));
    jest.setSystemTime(new Date('2031-07-15T12:00:00Z'));
    const second = JSON.stringify(writeSummary(structuredClone(hospitalFacts)));
    jest.useRealTimers();
    expect(second).toBe(first);
  });

  it('uses the unit’s own words for narrative keys and ignores them for computed paragraphs', () => {
    const narrative = {
      shortcomings: '一是宣传形式还不够丰富。\n二是下一步将常态化开展宣传。',
      'opening.extra': '现将有关情况报告如下。',
      'results.totals': '被改写的数字',
    };
    const doc = writeSummary(bankFacts, narrative);
    const plain = writeSummary(bankFacts);
    expect(paragraph(doc, 'shortcomings')).toEqual({
      key: 'shortcomings',
      text: narrative.shortcomings,
      editable: true,
      figures: [],
    });
    expect(doc.openingExtra?.text).toBe('现将有关情况报告如下。');
    expect(paragraph(doc, 'results.totals')).toEqual(paragraph(plain, 'results.totals'));
    expect(paragraph(doc, 'results.totals')?.editable).toBe(false);
  });
});

describe('titles', () => {
  it('does not double 活动', () => {
    expect(activityName('2026年全民反诈宣传活动')).toBe('2026年全民反诈宣传活动');
    expect(activityName('集中宣传月')).toBe('集中宣传月活动');
    expect(summaryTitle('某小学', '安全教育宣传月活动')).toBe('某小学安全教育宣传月活动总结');
    expect(summaryTitle('某小学', '某小学安全教育宣传月')).toBe('某小学安全教育宣传月活动总结');
  });

  it('names the organizer when there is no directive', () => {
    const doc = writeSummary({
      ...schoolFacts,
      campaign: { ...schoolFacts.campaign, directiveTitle: null, purpose: '增强师生防骗意识' },
    });
    expect(doc.opening.text).toBe(
      '为增强师生防骗意识，根据江城县教育局统一部署，江城县第一中学于11月1日至11月30日开展了2026年防范通讯网络新型违法犯罪集中宣传月活动，现将活动开展情况总结如下：',
    );
    expect(doc.opening.text).not.toContain('《');
  });
});
