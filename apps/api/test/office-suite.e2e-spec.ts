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
import { bearer, createUser } from './support/fixtures.js';
import sharp from 'sharp';

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

/** Pages of a PDF as PNG at 60 dpi in artifacts/office/ (name-1.png, …), for a person to look at. */
async function pages(pdf: Buffer, name: string, first: number, last: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cm-pages-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    mkdirSync('artifacts/office', { recursive: true });
    await run('pdftoppm', [
      '-r',
      '60',
      '-f',
      String(first),
      '-l',
      String(last),
      '-png',
      join(dir, 'doc.pdf'),
      `artifacts/office/${name}`,
    ]);
    const { stdout } = await run('pdfinfo', [join(dir, 'doc.pdf')]);
    return [stdout.match(/Pages:\s+(\d+)/)?.[1] ?? '?'];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A camera-sized JPEG just under 10 MB (4000 × 3000, fine grain): what a phone sends. */
async function largePhoto(seed: number): Promise<Buffer> {
  for (const quality of [95, 93, 90, 85]) {
    const jpeg = await sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        noise: { type: 'gaussian', mean: 100 + seed * 10, sigma: 60 },
        background: '#808080',
      },
    })
      .jpeg({ quality })
      .toBuffer();
    if (jpeg.length < 10 * 1024 * 1024) return jpeg;
  }
  throw new Error('could not make a photo under 10 MB');
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

  it('a unit’s summary with nine 10 MB photos stays under 5 MB; its appendix 附件：活动图片 survives LibreOffice', async () => {
    const reporter = (
      await t.http.post('/api/v1/auth/login').send({ login: 'bank@police.demo', password: DEMO_PASSWORD })
    ).body.accessToken;
    const events = await t.http
      .get(`/api/v1/campaigns/${campaignId}/events?organizationId=${bank}`)
      .set(bearer(reporter))
      .expect(200);
    const ids: string[] = events.body.items.map((e: { id: string }) => e.id);
    expect(ids.length).toBeGreaterThan(2);
    let uploaded = 0;
    // nine distinct photos: Word stores identical images once, so copies would make the file look smaller
    for (let i = 0; i < 9; i++) {
      const photo = await largePhoto(i);
      expect(photo.length).toBeGreaterThan(8 * 1024 * 1024);
      uploaded += photo.length;
      const res = await t.http
        .post(`/api/v1/events/${ids[i % ids.length]}/photos`)
        .set(bearer(reporter))
        .attach('file', photo, `IMG_${i}.jpg`)
        .expect(201);
      await t.http.patch(`/api/v1/photos/${res.body.id}`).set(bearer(reporter)).send({ inSummary: true }).expect(200);
    }
    const started = Date.now();
    const docx = await download(bank, '');
    const ms = Date.now() - started;
    console.log(
      `office-suite: nine photos (${(uploaded / 1e6).toFixed(1)} MB uploaded) → .docx ${(docx.length / 1e6).toFixed(2)} MB in ${ms} ms`,
    );
    expect(docx.length).toBeLessThan(5 * 1024 * 1024);
    const { default: JSZip } = await import('jszip');
    const media = Object.keys((await JSZip.loadAsync(docx)).files).filter((f) => /^word\/media\/.+\.jpe?g$/.test(f));
    expect(media).toHaveLength(9);
    const { pdf, text } = await throughLibreOffice(docx, 'unit-summary-photos');
    const page = flat(text);
    expect(page).toContain('附件：活动图片');
    expect(page).toContain('活动图片');
    for (let n = 1; n <= 9; n++) expect(page).toContain(`照片${n}`);
    expect(page).toMatch(/照片1\d{1,2}月\d{1,2}日，网点门口、自助区，张贴反诈海报/);
    await pages(pdf, 'unit-summary-photos', 1, 8);
    const pdfFile = await t.http
      .get(`/api/v1/campaigns/${campaignId}/organizations/${bank}/summary.pdf`)
      .set(bearer(organizer))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    console.log(`office-suite: the same summary as PDF (pdfmake) ${(pdfFile.body.length / 1e6).toFixed(2)} MB`);
    expect(pdfFile.body.length).toBeLessThan(5 * 1024 * 1024);
    mkdirSync('artifacts/office', { recursive: true });
    writeFileSync('artifacts/office/unit-summary-photos-pdfmake.pdf', pdfFile.body);
    await pages(pdfFile.body, 'unit-summary-photos-pdfmake', 1, 8);
  }, 300_000);

  it('the roll-up carries one chosen photo per unit, with the unit in the caption, and 较上年 in its table', async () => {
    const admin = (
      await t.http.post('/api/v1/auth/login').send({ login: 'admin@police.demo', password: DEMO_PASSWORD })
    ).body.accessToken;
    const progress = await t.http.get(`/api/v1/campaigns/${campaignId}/progress`).set(bearer(organizer)).expect(200);
    const ccb = progress.body.items.find((u: { name: string }) => u.name === '建设银行城南支行').organizationId;
    const reporter = await createUser(t.http, admin, [{ organizationId: ccb, role: 'REPORTER' }], 'ccb-reporter');
    const events = await t.http
      .get(`/api/v1/campaigns/${campaignId}/events?organizationId=${ccb}`)
      .set(bearer(reporter.token))
      .expect(200);
    const photo = await t.http
      .post(`/api/v1/events/${events.body.items[0].id}/photos`)
      .set(bearer(reporter.token))
      .attach('file', await largePhoto(3), 'community.jpg')
      .expect(201);
    await t.http
      .patch(`/api/v1/photos/${photo.body.id}`)
      .set(bearer(reporter.token))
      .send({ inSummary: true })
      .expect(200);
    await t.http
      .post(`/api/v1/campaigns/${campaignId}/organizations/${root}/summary`)
      .set(bearer(organizer))
      .send({ scope: 'ROLLUP' })
      .expect(201);
    const { pdf, text } = await throughLibreOffice(await download(root, '?scope=ROLLUP'), 'rollup-photos');
    const page = flat(text);
    expect(page).toContain('附件：活动图片');
    expect(page).toMatch(/照片1工商银行滨江支行，/);
    expect(page).toMatch(/照片2建设银行城南支行，/);
    expect(page).not.toContain('照片3');
    expect(page).toContain('较上年');
    expect(page).toContain('与上年同期相比');
    await pages(pdf, 'rollup-photos', 1, 6);
  }, 300_000);

  it('the 情况通报 keeps its title, its four sections, the units named and the signature', async () => {
    const started = Date.now();
    const res = await t.http
      .get(`/api/v1/campaigns/${campaignId}/bulletin.docx`)
      .set(bearer(organizer))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    console.log(`office-suite: 情况通报 .docx ${(res.body.length / 1024).toFixed(0)} KB in ${Date.now() - started} ms`);
    const { pdf, text } = await throughLibreOffice(res.body as Buffer, 'bulletin');
    const page = flat(text);
    expect(page).toContain('关于');
    expect(page).toContain('全民反诈在行动集中宣传月活动开展情况的通报');
    for (const heading of ['一、总体进展', '二、工作开展较好的单位', '三、存在的问题', '四、下一步工作要求'])
      expect(page).toContain(heading);
    expect(page).toContain('农商银行江北支行');
    expect(page).toContain('滨江市公安局');
    expect(page).toMatch(/现将截至\d{4}年\d{1,2}月\d{1,2}日各单位开展情况通报如下/);
    expect(text).not.toMatch(/undefined|NaN|\[object/);
    await pages(pdf, 'bulletin', 1, 3);
    const pdfFile = await t.http
      .get(`/api/v1/campaigns/${campaignId}/bulletin.pdf`)
      .set(bearer(organizer))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    writeFileSync('artifacts/office/bulletin-pdfmake.pdf', pdfFile.body);
    await pages(pdfFile.body, 'bulletin-pdfmake', 1, 3);
  }, 180_000);
});
