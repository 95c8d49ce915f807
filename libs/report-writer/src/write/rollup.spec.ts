import type { RollupFacts } from '../facts.js';
import { rollupFacts } from '../fixtures/rollup.js';
import { allParagraphs, writeSummary } from './summary.js';

const paragraph = (facts: RollupFacts, key: string) => allParagraphs(writeSummary(facts)).find((p) => p.key === key);

describe('writeSummary — a roll-up', () => {
  const doc = writeSummary(rollupFacts);
  const units = doc.sections.find((s) => s.key === 'units');

  it('adds 各单位开展情况 before 存在不足及下一步打算', () => {
    expect(doc.scope).toBe('ROLLUP');
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '一、领导重视，组织健全',
      '二、工作部署',
      '三、多措并举，广泛宣传',
      '四、取得的成效',
      '五、各单位开展情况',
      '六、存在不足及下一步打算',
    ]);
  });

  it('opens with the number of units taking part', () => {
    expect(doc.opening.text).toContain(
      '江城市公安局于11月1日至11月30日组织6个单位开展了2026年全民反诈在行动集中宣传月活动',
    );
    expect(doc.opening.figures[0]).toMatchObject({
      text: '6个单位',
      source: { kind: 'units', filter: { subtree: true } },
    });
  });

  it('counts units taking part, summaries submitted and approved, and names the late units', () => {
    const text = units?.paragraphs.find((p) => p.key === 'units.participation')?.text;
    expect(text).toBe(
      '本次活动共有6个单位参与，已有3个单位提交活动总结，其中2个已审核通过，1个单位的总结已退回修改。' +
        '截至报送期限（12月5日），江城市第二中学、城西社区、江城市人民医院共3个单位未按时提交活动总结。',
    );
    const late = units?.paragraphs
      .find((p) => p.key === 'units.participation')
      ?.figures.find((f) => f.id.endsWith('.late'));
    expect(late?.source).toMatchObject({
      kind: 'units',
      filter: { late: true },
      unitIds: ['org-school-2', 'org-village-chengxi', 'org-hospital-city'],
    });
  });

  it('names at most ten late units and says 等 for the rest', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({
      ...rollupFacts.units[4],
      id: `late-${i}`,
      name: `第${i + 1}村`,
    }));
    const text = paragraph(
      { ...rollupFacts, units: many, participantCount: 14, submittedCount: 0, approvedCount: 0 },
      'units.participation',
    )?.text;
    expect(text).toContain('目前尚无单位提交活动总结');
    expect(text).toContain(
      '第1村、第2村、第3村、第4村、第5村、第6村、第7村、第8村、第9村、第10村等14个单位未按时提交活动总结',
    );
    expect(text).not.toContain('第11村');
  });

  it('tabulates the participating units with events, key metrics and summary status', () => {
    const table = units?.table;
    expect(table?.columns).toEqual([
      '序号',
      '单位',
      '活动（次）',
      '受众（人次）',
      '避免损失（元）',
      '发放宣传单（份）',
      '总结状态',
    ]);
    expect(table?.rows).toHaveLength(6);
    expect(table?.rows[0].map((c) => c.text)).toEqual([
      '1',
      '江城农商银行城关支行',
      '24',
      '2,110',
      '812,300',
      '1,500',
      '已审核通过',
    ]);
    expect(table?.rows[3].at(-1)?.text).toBe('草稿（逾期）');
    expect(table?.rows[4].at(-1)?.text).toBe('未生成（逾期）');
    expect(table?.rows.some((r) => r[1].text === '河西村')).toBe(false);
    expect(table?.rows[0][2].figure?.source.filter).toMatchObject({
      organizationId: 'org-bank-chengguan',
      subtree: false,
    });
    expect(units?.charts).toEqual(['byUnit']);
  });

  it('reports the leading groups of the units', () => {
    expect(paragraph(rollupFacts, 'leadership.units')?.text).toBe('在6个参与单位中，5个单位成立了活动领导小组。');
  });

  it('writes the subtree totals and the best examples with the units that ran them', () => {
    expect(paragraph(rollupFacts, 'results.totals')?.text).toContain('覆盖群众1.2万余人次');
    expect(paragraph(rollupFacts, 'results.totals')?.text).toContain('阻止可疑交易23笔，避免群众损失130余万元');
    const examples = paragraph(rollupFacts, 'publicity.examples')?.text ?? '';
    expect(examples).toContain('江城农商银行城关支行于11月8日在营业大厅成功劝阻一起冒充公检法诈骗');
    expect(examples).toContain('城南派出所于11月12日曝光本地刷单返利典型案例');
    expect(examples).toContain('江城市第二中学于11月18日开展反诈知识进课堂');
  });

  it('counts tasks of the subtree without naming people', () => {
    expect(paragraph(rollupFacts, 'deployment.tasks')?.text).toBe(
      '江城市公安局将活动要求细化分解，各单位共部署具体任务30项（另有1项已取消），已完成24项，其中按期完成20项，逾期未完成4项。',
    );
    expect(paragraph(rollupFacts, 'deployment.assignments')).toBeUndefined();
  });

  it('says so when every unit handed in on time', () => {
    const done = rollupFacts.units.map((u) => ({ ...u, late: false, summaryStatus: 'APPROVED' as const }));
    const text = paragraph(
      { ...rollupFacts, units: done, submittedCount: 7, approvedCount: 7 },
      'units.participation',
    )?.text;
    expect(text).toMatch(/各单位均已按时提交。$/);
  });
});
