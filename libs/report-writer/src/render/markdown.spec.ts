import { bankFacts } from '../fixtures/bank.js';
import { rollupFacts } from '../fixtures/rollup.js';
import { writeSummary } from '../write/summary.js';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('writes the title, numbered headings, paragraphs and the signature', () => {
    const md = renderMarkdown(writeSummary(bankFacts));
    expect(md.startsWith('# 江城农商银行城关支行2026年全民反诈在行动集中宣传月活动总结\n\n为深入贯彻落实《')).toBe(
      true,
    );
    expect(md).toContain('\n## 一、领导重视，组织健全\n');
    expect(md).toContain('阻止可疑交易14笔，避免群众损失80余万元');
    expect(md.endsWith('江城农商银行城关支行  \n2026年11月30日\n')).toBe(true);
  });

  it('writes the roll-up table and level-two headings', () => {
    const md = renderMarkdown(writeSummary(rollupFacts));
    expect(md).toContain('### （一）参与和报送情况');
    expect(md).toContain('| 序号 | 单位 | 活动（次） | 受众（人次） | 避免损失（元） | 发放宣传单（份） | 总结状态 |');
    expect(md).toContain('| :---: | --- | ---: | ---: | ---: | ---: | :---: |');
    expect(md).toContain('| 4 | 江城市第二中学 | 6 | 2,535 | 0 | 1,000 | 草稿（逾期） |');
  });

  it('escapes what would read as markup and splits the unit’s lines into paragraphs', () => {
    const md = renderMarkdown(writeSummary(bankFacts, { shortcomings: '# 不是标题\n- 不是列表 | 也不是表格' }));
    expect(md).toContain('\\# 不是标题\n\n\\- 不是列表 \\| 也不是表格');
  });

  it('is deterministic', () => {
    expect(renderMarkdown(writeSummary(rollupFacts))).toBe(renderMarkdown(writeSummary(rollupFacts)));
  });
});
