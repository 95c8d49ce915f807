import { writeFileSync } from 'node:fs';
import { writeSummary } from './index.js';
import { bankFacts } from './fixtures/bank.js';
import { hospitalFacts } from './fixtures/hospital.js';
import { schoolFacts } from './fixtures/school.js';
import { rollupFacts } from './fixtures/rollup.js';
import { renderDocx } from './render/docx.js';
import { renderCharts, chartSvgs } from './render/charts.js';
import { renderPdf } from './render/pdf.js';
test('render', async () => {
  for (const [name, f] of [['bank', bankFacts], ['hospital', hospitalFacts], ['school', schoolFacts], ['rollup', rollupFacts]] as const) {
    const t0 = Date.now();
    const charts = await renderCharts(f);
    const t1 = Date.now();
    const buf = await renderDocx(writeSummary(f), { charts });
    console.log(name, 'charts', t1 - t0, 'docx', Date.now() - t1);
    writeFileSync(`/tmp/out/${name}.docx`, buf);
    const t2 = Date.now();
    const pdf = await renderPdf(writeSummary(f), { charts: chartSvgs(f) });
    console.log(name, 'pdf', Date.now() - t2);
    writeFileSync(`/tmp/out/${name}-pm.pdf`, pdf);
    for (const c of charts) writeFileSync(`/tmp/out/${name}-${c.key}.png`, c.png);
  }
}, 60000);
