// A real office suite is the judge (issue 17): the Word files the product generates are opened by
// LibreOffice (Debian's libreoffice-writer-nogui, which .ci/run installs), converted to PDF, and the text
// a reader would see is checked: title, numbered sections, figures, signature. Without LibreOffice on the
// machine the check is reported and passes only outside CI (CI=true requires it).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import { DEMO_PASSWORD, seedDemoData } from '../../../prisma/seed/demo-data.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { binaryBody } from './support/events-fixtures.js';
import { startTestApp, type TestApp, testDatabaseUrl, truncateAll } from './support/app.js';
import { bearer } from './support/fixtures.js';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** The .docx converted to PDF by LibreOffice, and that PDF's text as pdftotext reads it; the PDF is kept in artifacts/office/ for whoever reads CI. */
async function throughLibreOffice(docx: Buffer, name: string): Promise<{ pdf: Buffer; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cm-office-'));
  try {
    writeFileSync(join(dir, 'summary.docx'), docx);
    // its own profile: conversions of parallel runs never share (and lock) one
    await run(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'summary.docx'),
      ],
      { timeout: 120_000 },
    );
    const pdf = readFileSync(join(dir, 'summary.pdf'));
    mkdirSync('artifacts/office', { recursive: true });
    writeFileSync(`artifacts/office/${name}.pdf`, pdf);
    const { stdout } = await run('pdftotext', ['-layout', join(dir, 'summary.pdf'), '-'], {
      maxBuffer: 32 * 1024 * 1024,
    });
    return { pdf, text: stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text as a reader sees it, with the line breaks and the layout's spaces taken out. */
const flat = (text: string) => text.replace(/\s+/g, '');

const describeOffice = SOFFICE || process.env.CI ? describe : describe.skip;
if (!SOFFICE) console.warn('office-suite: LibreOffice (soffice) is not installed here; .ci/run installs it');

describeOffice('generated summaries through LibreOffice', () => {
  let t: TestApp;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 2 }) });
  let organizer: string;
  let campaignId: string;
  let bank: string;
  let root: string;

  beforeAll(async () => {
    if (!SOFFICE) throw new Error('CI needs LibreOffice: apt-get install libreoffice-writer-nogui poppler-utils');
    await truncateAll();
    t = await startTestApp();
    await seedDemoData(prisma);
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ login: 'organizer@police.demo', password: DEMO_PASSWORD });
    organizer = login.body.accessToken;
    const campaigns = await t.http.get('/api/v1/campaigns').set(bearer(organizer)).expect(200);
    const month = campaigns.body.items.find(
      (c: { title: string; status: string }) => c.title.includes('全民反诈') && c.status === 'ACTIVE',
    );
    campaignId = month.id;
    const progress = await t.http.get(`/api/v1/campaigns/${campaignId}/progress`).set(bearer(organizer)).expect(200);
    const units: { organizationId: string; name: string }[] = progress.body.items;
    bank = units.find((u) => u.name === '工商银行滨江支行')!.organizationId;
    const me = await t.http.get('/api/v1/me').set(bearer(organizer)).expect(200);
    root = me.body.memberships[0].organizationId;
  }, 120_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await t?.close();
  });

  const download = async (orgId: string, query: string) => {
    const res = await t.http
      .get(`/api/v1/campaigns/${campaignId}/organizations/${orgId}/summary.docx${query}`)
      .set(bearer(organizer))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    return res.body as Buffer;
  };

  it('a unit’s summary keeps its title, its five sections, its figures and its signature', async () => {
    const reporter = await t.http
      .post('/api/v1/auth/login')
      .send({ login: 'bank@police.demo', password: DEMO_PASSWORD });
    await t.http
      .post(`/api/v1/campaigns/${campaignId}/organizations/${bank}/summary`)
      .set(bearer(reporter.body.accessToken))
      .send({ scope: 'UNIT' })
      .expect(201);
    const { pdf, text } = await throughLibreOffice(await download(bank, ''), 'unit-summary');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const page = flat(text);
    expect(page).toContain('工商银行滨江支行');
    expect(page).toContain('活动总结');
    for (const heading of ['一、', '二、', '三、', '四、', '五、']) expect(page).toContain(heading);
    expect(page).toMatch(/14笔/);
    expect(page).toContain('避免群众损失80余万元');
    expect(page).toMatch(/2026年\d{1,2}月\d{1,2}日/);
    expect(page).toContain('—1—');
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  }, 180_000);

  it('the roll-up keeps its table of units', async () => {
    const generated = await t.http
      .post(`/api/v1/campaigns/${campaignId}/organizations/${root}/summary`)
      .set(bearer(organizer))
      .send({ scope: 'ROLLUP' });
    expect([200, 201]).toContain(generated.status);
    const { text } = await throughLibreOffice(await download(root, '?scope=ROLLUP'), 'rollup');
    const page = flat(text);
    expect(page).toContain('工商银行滨江支行');
    expect(page).toMatch(/序号/);
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  }, 180_000);
});
