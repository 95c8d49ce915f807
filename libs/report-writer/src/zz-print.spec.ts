import { writeFileSync } from 'node:fs';
import { writeSummary } from './index';
import { bankFacts } from './fixtures/bank';
import { hospitalFacts } from './fixtures/hospital';
import { schoolFacts } from './fixtures/school';
test('print', () => {
  const lines: string[] = [];
  for (const f of [bankFacts, hospitalFacts, schoolFacts]) {
    const d = writeSummary(f);
    lines.push(d.title, d.opening.text, ...d.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]), d.signature.unit, d.signature.date, '');
  }
  writeFileSync('/tmp/summary.txt', lines.join('\n'));
});
import { rollupFacts } from './fixtures/rollup';
test('rollup', () => {
  const d = writeSummary(rollupFacts);
  const lines = [d.title, d.opening.text, ...d.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text), ...(s.table ? [s.table.columns.join(' | '), ...s.table.rows.map((r) => r.map((c) => c.text).join(' | '))] : [])]), d.signature.unit, d.signature.date];
  writeFileSync('/tmp/rollup.txt', lines.join('\n'));
});
