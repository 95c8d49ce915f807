import type { ComparisonFact, RollupFacts, UnitFacts } from '../facts.js';
import { bankFacts } from '../fixtures/bank.js';
import { ids } from '../fixtures/common.js';
import { rollupFacts } from '../fixtures/rollup.js';
import { percentText, unitChanges } from './comparison.js';
import { allParagraphs, writeSummary } from './summary.js';

const lastYear: ComparisonFact = {
  campaign: {
    id: 'camp-fraud-2025',
    title: '2025年全民反诈在行动集中宣传月',
    startsOn: '2025-11-01',
    endsOn: '2025-11-30',
  },
  eventCount: 20,
  metricTotals: { audience: '2500', leaflets: '1500', interceptedTransactions: '0', lossesAvoided: '300000' },
  metricKeys: ['audience', 'leaflets', 'interceptedTransactions', 'lossesAvoided'],
  eventIds: ids('bank-2025', 20),
};

const paragraph = (facts: UnitFacts | RollupFacts, key: string) =>
  allParagraphs(writeSummary(facts)).find((p) => p.key === key);

describe('comparison with the earlier month of the same template', () => {
  it('says how this year compares: increases, decreases, 持平, percentages only on a non-zero base', () => {
    const p = paragraph({ ...bankFacts, comparison: lastYear }, 'results.comparison');
    // 24 events vs 20; audience 2,110 vs 2,500; leaflets equal; 14 transactions vs none; 812,300 vs 300,000 yuan
    expect(p?.text).toBe(
      '与上年同期相比，开展宣传活动增加4次，增长20%；覆盖群众减少390人次，下降16%；发放宣传单持平；' +
        '阻止可疑交易增加14笔；避免群众损失增加50余万元，增长171%。',
    );
  });

  it('traces every change to the earlier month’s rows', () => {
    const p = paragraph({ ...bankFacts, comparison: lastYear }, 'results.comparison')!;
    const events = p.figures.find((f) => f.id === 'results.comparison.events.change');
    expect(events).toMatchObject({
      text: '4次',
      value: '4',
      source: { kind: 'events', filter: { campaignId: 'camp-fraud-2025', organizationId: bankFacts.unit.id } },
    });
    expect(events?.source.eventIds).toHaveLength(20);
    const audience = p.figures.find((f) => f.id === 'results.comparison.metric:audience.change');
    expect(audience).toMatchObject({ value: '-390', metric: 'audience', source: { filter: { metric: 'audience' } } });
    for (const f of p.figures) expect(p.text.slice(f.start, f.end)).toBe(f.text);
    // the section's own figures still point at this year
    const totals = paragraph({ ...bankFacts, comparison: lastYear }, 'results.totals')!;
    expect(totals.figures.every((f) => f.source.filter.campaignId === bankFacts.campaign.id)).toBe(true);
  });

  it('names an earlier month that was not a year before', () => {
    const spring = {
      ...lastYear,
      campaign: { ...lastYear.campaign, title: '2026年春季反诈宣传月', startsOn: '2026-04-01' },
    };
    expect(paragraph({ ...bankFacts, comparison: spring }, 'results.comparison')?.text).toMatch(
      /^与2026年春季反诈宣传月相比，开展宣传活动增加4次/,
    );
  });

  it('writes nothing without an earlier month, and compares only metrics the earlier month counted', () => {
    expect(paragraph({ ...bankFacts, comparison: null }, 'results.comparison')).toBeUndefined();
    expect(paragraph(bankFacts, 'results.comparison')).toBeUndefined();
    const onlyAudience = { ...lastYear, metricKeys: ['audience'] };
    const text = paragraph({ ...bankFacts, comparison: onlyAudience }, 'results.comparison')?.text;
    expect(text).toBe('与上年同期相比，开展宣传活动增加4次，增长20%；覆盖群众减少390人次，下降16%。');
  });

  it('rounds percentages as officials write them', () => {
    expect(percentText(12, 60)).toBe('20');
    expect(percentText(-7, 200)).toBe('3.5');
    expect(percentText(1, 3)).toBe('33');
  });

  describe('a roll-up', () => {
    const previous: Record<string, number | null> = {
      'org-bank-chengguan': 20,
      'org-bank-dongcheng': 15,
      'org-police-chengnan': 25,
      'org-school-2': 2,
    };
    const facts: RollupFacts = {
      ...rollupFacts,
      comparison: { ...lastYear, eventCount: 62, metricKeys: [] },
      units: rollupFacts.units.map((u) => ({ ...u, previousEventCount: previous[u.id] ?? null })),
    };

    it('ranks units by their change in events, increases first, decreases after', () => {
      expect(unitChanges(facts).map((x) => [x.unit.name, x.delta])).toEqual([
        ['江城农商银行城关支行', 4],
        ['江城市第二中学', 4],
        ['江城农商银行东城支行', 0],
        ['城南派出所', -7],
      ]);
      expect(paragraph(facts, 'results.comparisonByUnit')?.text).toBe(
        '与上年同期相比，活动次数增加的单位有江城农商银行城关支行（增加4次，增长20%）、江城市第二中学（增加4次，增长200%）；' +
          '减少的单位有城南派出所（减少7次，下降28%）。',
      );
    });

    it('adds a 较上年 column: +4, -7, 0, and — for a unit that did not take part then', () => {
      const table = writeSummary(facts).sections.find((s) => s.key === 'units')!.table!;
      expect(table.columns.slice(0, 4)).toEqual(['序号', '单位', '活动（次）', '较上年']);
      const column = Object.fromEntries(table.rows.map((r) => [r[1]!.text, r[3]!.text]));
      expect(column).toMatchObject({
        江城农商银行城关支行: '+4',
        城南派出所: '-7',
        江城农商银行东城支行: '0',
        江城市人民医院: '—',
      });
      const cell = table.rows.find((r) => r[1]!.text === '城南派出所')![3]!;
      expect(cell.figure?.source.filter).toMatchObject({
        campaignId: 'camp-fraud-2025',
        organizationId: 'org-police-chengnan',
      });
      expect(table.widths).toHaveLength(table.columns.length);
      expect(table.align).toHaveLength(table.columns.length);
    });

    it('has no column and no ranking without an earlier month', () => {
      const doc = writeSummary(rollupFacts);
      expect(doc.sections.find((s) => s.key === 'units')!.table!.columns).not.toContain('较上年');
      expect(allParagraphs(doc).some((p) => p.key.startsWith('results.comparison'))).toBe(false);
    });
  });
});
