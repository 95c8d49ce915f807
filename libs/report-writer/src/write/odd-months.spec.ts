// Odd months (issue 17): facts at the edges of what units log — one day, one unit, one task, no one taking
// part, huge counts, labels as organizers type them — must still give a document an office can send upward
// unedited. One table of cases, each naming what the text must (not) say; then many generated months
// scanned for defects a reader would spot.
import type { SummaryDocument } from '../document.js';
import type { GroupMemberFact, MetricFact, RollupFacts, SummaryFacts, UnitFacts } from '../facts.js';
import { bankFacts } from '../fixtures/bank.js';
import { rollupFacts } from '../fixtures/rollup.js';
import { syntheticRollup } from '../fixtures/synthetic.js';
import { formatMetricValue } from '../format/numbers.js';
import { allParagraphs, writeSummary } from './summary.js';

/** Everything a reader sees: title, headings, paragraphs and table cells, one per line. */
function printed(doc: SummaryDocument): string {
  return [
    doc.title,
    ...doc.sections.flatMap((s) => [
      s.heading,
      ...s.paragraphs.map((p) => p.text),
      ...(s.table ? [s.table.columns.join(' '), ...s.table.rows.map((r) => r.map((c) => c.text).join(' '))] : []),
    ]),
    doc.opening.text,
    `${doc.signature.unit} ${doc.signature.date}`,
  ].join('\n');
}
const computedText = (doc: SummaryDocument) =>
  allParagraphs(doc)
    .filter((p) => !p.editable)
    .map((p) => p.text)
    .join('\n');
const para = (doc: SummaryDocument, key: string) => allParagraphs(doc).find((p) => p.key === key)?.text ?? '';

const member = (i: number, duty: string | null): GroupMemberFact => ({
  id: `m-${i}`,
  name: `成员${i}`,
  title: '干事',
  role: i === 0 ? 'LEADER' : 'MEMBER',
  duty,
});
const oneUnit = (r: RollupFacts): RollupFacts => {
  const u = { ...r.units[0]!, participating: true, late: false, summaryStatus: 'SUBMITTED' as const };
  return { ...r, units: [u], participantCount: 1, submittedCount: 1, approvedCount: 0 };
};
const withMetric = (f: UnitFacts, metric: MetricFact, value: string): UnitFacts => ({
  ...f,
  metrics: [metric],
  metricTotals: { [metric.key]: value },
  byType: f.byType.map((t, i) => ({ ...t, metricSums: i === 0 ? { [metric.key]: value } : {} })),
});

interface Case {
  name: string;
  facts: SummaryFacts;
  /** Where to look: a paragraph key, or the whole printed text. */
  where?: string;
  says?: (string | RegExp)[];
  never?: (string | RegExp)[];
  check?: (doc: SummaryDocument) => void;
}

const CASES: Case[] = [
  {
    name: 'a purpose starting with 为了 after a directive',
    facts: { ...bankFacts, campaign: { ...bankFacts.campaign, purpose: '为了提高群众识骗防骗能力' } },
    where: 'opening',
    says: ['文件要求，提高群众识骗防骗能力，'],
    never: ['了提高'],
  },
  {
    name: 'a purpose starting with 为了 without a directive',
    facts: {
      ...bankFacts,
      campaign: { ...bankFacts.campaign, directiveTitle: null, purpose: '为了提高群众识骗防骗能力' },
    },
    where: 'opening',
    says: [/^为提高群众识骗防骗能力，/],
    never: ['为了了', '为为'],
  },
  {
    name: 'a one-day month',
    facts: { ...bankFacts, campaign: { ...bankFacts.campaign, startsOn: '2026-11-01', endsOn: '2026-11-01' } },
    where: 'opening',
    says: ['于11月1日开展了'],
    never: ['11月1日至11月1日'],
  },
  {
    name: 'a roll-up over one unit',
    facts: oneUnit(rollupFacts),
    never: ['1个参与单位均', '共1个单位', '各单位均已按时提交', '共有1个单位'],
    says: ['江城农商银行城关支行'],
  },
  {
    name: 'one task, done on time',
    facts: {
      ...bankFacts,
      tasks: {
        total: 1,
        done: 1,
        doneOnTime: 1,
        overdue: 0,
        cancelled: 0,
        items: [{ id: 't1', title: '张贴海报', status: 'DONE', dueOn: '2026-11-10', completedOn: '2026-11-09' }],
      },
    },
    where: 'deployment.tasks',
    says: ['1项具体任务', '按期完成'],
    never: ['均按期完成', '已全部完成'],
  },
  {
    name: 'a roll-up with no participants',
    facts: { ...rollupFacts, units: [], participantCount: 0, submittedCount: 0, approvedCount: 0 },
    says: ['本次活动暂无参与单位'],
    never: ['见下表'],
    check: (doc) => expect(doc.sections.find((s) => s.key === 'units')?.table).toBeUndefined(),
  },
  {
    name: 'a roll-up’s two headings of its units section',
    facts: rollupFacts,
    check: (doc) => {
      const units = doc.sections.find((s) => s.key === 'units')!;
      const titles = [
        units.heading.replace(/^.、/, ''),
        ...units.paragraphs.filter((p) => p.style === 'heading2').map((p) => p.text.replace(/^（.）/, '')),
      ];
      expect(new Set(titles).size).toBe(titles.length);
    },
  },
  {
    name: 'a count of a hundred million and more',
    facts: withMetric(bankFacts, { key: 'messages', label: '推送信息', unit: '条', kind: 'COUNT' }, '123456789'),
    where: 'results.totals',
    says: ['1.2亿余条'],
    never: ['123,456,789条', '万余条'],
  },
  {
    name: 'a head-count of a hundred million and more',
    facts: withMetric(bankFacts, { key: 'reach', label: '覆盖人次', unit: '人次', kind: 'COUNT' }, '150000000'),
    where: 'results.totals',
    says: ['1.5亿人次'],
    never: ['15,000万'],
  },
  {
    name: 'a long description cut inside a number',
    facts: {
      ...bankFacts,
      examples: [
        {
          ...bankFacts.examples[0]!,
          // 97 characters, then a number that the 100-character cut would split (3,0)
          description: `${'向群众讲解防骗知识'.repeat(10)}共计印发并发放3,000份宣传资料`,
        },
      ],
    },
    where: 'publicity.examples',
    never: [/发放3(?!,000份)/],
  },
  {
    name: 'sections 三 and 四 open differently',
    facts: bankFacts,
    check: (doc) => {
      const opening = (key: string) => para(doc, key).split('，')[0];
      expect(opening('publicity.overview')).not.toBe(opening('results.totals'));
    },
  },
  {
    name: 'a metric whose label is its unit',
    facts: withMetric(bankFacts, { key: 'people', label: '人次', unit: '人次', kind: 'COUNT' }, '1200'),
    where: 'results.totals',
    never: ['，1,200人次'],
    says: ['覆盖1,200人次'],
  },
  {
    name: 'a location starting with 在',
    facts: {
      ...bankFacts,
      byType: bankFacts.byType.map((t) => ({ ...t, locations: ['在社区广场'] })),
      examples: bankFacts.examples.map((e) => ({ ...e, location: '在社区广场', description: null })),
    },
    never: ['在在'],
  },
  {
    name: 'twelve members with duties: 责任到人 only for duties the text lists',
    facts: { ...bankFacts, leadingGroup: Array.from({ length: 12 }, (_, i) => member(i, `负责第${i + 1}项工作`)) },
    where: 'leadership.group',
    check: (doc) => {
      const text = para(doc, 'leadership.group');
      const listed = (text.match(/负责第\d+项工作/g) ?? []).length;
      if (text.includes('责任到人')) expect(listed).toBe(12);
    },
  },
  {
    name: 'a roll-up’s prompts speak of the area, not of 本单位',
    facts: {
      ...rollupFacts,
      leadingGroup: null,
      tasks: { total: 0, done: 0, doneOnTime: 0, overdue: 0, cancelled: 0, items: [] },
      eventCount: 0,
      byType: [],
      byDay: [],
      metricTotals: {},
      examples: [],
    },
    never: ['本单位'],
    says: ['【待填写】'],
  },
  {
    name: 'a metric an organizer labelled with its key',
    facts: withMetric(bankFacts, { key: 'fraudCases', label: 'fraudCases', unit: '起', kind: 'COUNT' }, '12'),
    where: 'results.totals',
    never: [/[A-Za-z]/],
    says: ['12起'],
  },
  {
    name: 'a metric label with half-width punctuation and spaces',
    facts: withMetric(bankFacts, { key: 'x', label: ' 发放 宣传册(本) ', unit: '本', kind: 'COUNT' }, '300'),
    where: 'results.totals',
    says: ['发放宣传册300本'],
    never: ['(', ' 300'],
  },
];

describe('odd months read as an official would write them', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const doc = writeSummary(c.facts);
    const text = c.where ? (c.where === 'opening' ? doc.opening.text : para(doc, c.where)) : printed(doc);
    for (const s of c.says ?? []) {
      if (typeof s === 'string') expect(text).toContain(s);
      else expect(text).toMatch(s);
    }
    for (const s of c.never ?? []) {
      if (typeof s === 'string') expect(text).not.toContain(s);
      else expect(text).not.toMatch(s);
    }
    c.check?.(doc);
  });

  it('writes counts of a hundred million in 亿 and keeps the 万 rules below', () => {
    const count = { kind: 'COUNT' as const, unit: '份' };
    expect(formatMetricValue(count, '99999999')).toBe('99,999,999份');
    expect(formatMetricValue(count, '120000000')).toBe('1.2亿份');
    expect(formatMetricValue({ kind: 'COUNT', unit: '人次' }, '12345')).toBe('1.2万余人次');
  });
});

/** Defects a reader would spot in any month: each a pattern over the printed text, with its name. */
const DEFECTS: [string, RegExp][] = [
  ['a doubled word', /在在|的的|了了|和和|等等处|，，|。。|、、|；；/],
  ['half-width punctuation next to Chinese', /[\p{Script=Han}][,;:!?]|[,;:!?][\p{Script=Han}]/u],
  ['"1个… 均"', /(?<![\d,])1个[^，。；]*均/],
  // a measured figure right after punctuation: its label was empty (，1,200人次)
  ['a figure without its label', /[，；：]\d[\d,.]*(?:万|亿)?余?(?:人次|人|份|张|条|笔|元|户|本|起|册)/],
  ['a value that is not one', /NaN|undefined|null|\[object|Infinity/],
  ['a claim of nothing', /(?<![\d,.])0(次|项|个单位|人次|份|张|笔|元)/],
];

function scan(doc: SummaryDocument): string[] {
  const found: string[] = [];
  const computed = computedText(doc);
  for (const [name, re] of DEFECTS) {
    const m = re.exec(printed(doc));
    if (m) found.push(`${name}: …${m.input.slice(Math.max(0, m.index - 12), m.index + 12)}…`);
  }
  if (/【/.test(computed)) found.push('a prompt mark outside a paragraph the unit writes');
  return found;
}

/** A month made odd along several axes at once, deterministically from a seed. */
function oddMonth(seed: number): SummaryFacts {
  const pick = <T>(xs: T[], k: number): T => xs[(seed * 7 + k * 13) % xs.length]!;
  const size = pick([1, 2, 3, 7, 40], 1);
  const base = syntheticRollup(size, seed);
  const rollup: RollupFacts = {
    ...base,
    campaign: {
      ...base.campaign,
      purpose: pick(['为了提高群众防骗意识', '提升识骗能力。', null, ''], 2),
      directiveTitle: pick(['《关于开展宣传月的通知》', null, ''], 3),
      startsOn: pick(['2026-11-01', '2026-11-30'], 4),
      endsOn: '2026-11-30',
    },
    leadingGroup: pick([null, [], Array.from({ length: 12 }, (_, i) => member(i, i % 3 ? `统筹协调${i}` : null))], 5),
    tasks: pick(
      [
        { total: 0, done: 0, doneOnTime: 0, overdue: 0, cancelled: 0, items: [] },
        { total: 1, done: 1, doneOnTime: 1, overdue: 0, cancelled: 0, items: [] },
        { total: 3, done: 0, doneOnTime: 0, overdue: 3, cancelled: 0, items: [] },
        { total: 2, done: 0, doneOnTime: 0, overdue: 0, cancelled: 2, items: [] },
      ],
      6,
    ),
    metrics: [
      ...base.metrics,
      {
        key: 'odd',
        label: pick(['odd_metric', '人次', '次数(次)', ' 走访 户数 '], 7),
        unit: pick(['户', '人次'], 8),
        kind: 'COUNT',
      },
    ],
    metricTotals: { ...base.metricTotals, odd: pick(['0', '1', '250000000', '12.5'], 9) },
    examples: base.examples.map((e, i) => ({
      ...e,
      location: pick(['在广场', '', '营业大厅'], 10 + i),
      description: i === 0 ? `${'向群众讲解防骗知识并发放资料'.repeat(8)}3,000份` : e.description,
    })),
  };
  return seed % 2 === 0 ? rollup : { ...bankFacts, ...rollup, kind: 'UNIT' };
}

describe('many generated odd months', () => {
  it('print no defect a reader would spot', () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const facts = oddMonth(seed);
      for (const p of scan(writeSummary(facts))) problems.push(`seed ${seed} (${facts.kind}): ${p}`);
    }
    expect(problems.slice(0, 15)).toEqual([]);
  });
});
