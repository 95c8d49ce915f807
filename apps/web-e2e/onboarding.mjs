// Issue 16 in the browser: a new customer signs up, imports its units and people from the templates, sends
// an invitation link, creates a month; the invited reporter opens the link on a phone, sets a password and
// logs an event. Its own tenant: it shares nothing with scenarios.mjs but the browser and the API.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { apiClient, DESKTOP, list, PASSWORD, PHONE, shot, signIn, watch } from './lib/harness.mjs';
import { day, fillWizardBasics, logEventOnPhone } from './lib/steps.mjs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** The template's sheet with `header` (its first cell) on its header row, its examples blanked, `rows` added. */
async function fillTemplate(buffer, header, rows) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer);
  let sheet;
  let headerRow = 0;
  book.eachSheet((ws) => {
    if (sheet) return;
    ws.eachRow((row, n) => {
      if (!sheet && row.getCell(1).text.trim() === header[0]) {
        sheet = ws;
        headerRow = n;
      }
    });
  });
  assert.ok(sheet, `a sheet with the header ${header.join(' | ')}`);
  const cells = sheet.getRow(headerRow).values.slice(1, header.length + 1);
  assert.deepEqual(
    cells.map((c) => String(c).trim()),
    [...header],
    'the template carries the columns in order',
  );
  // The template's example rows are blanked (the import skips blank rows), then ours written below the header.
  for (let n = headerRow + 1; n <= sheet.rowCount; n += 1) sheet.getRow(n).values = [];
  rows.forEach((r, i) => {
    sheet.getRow(headerRow + 1 + i).values = r;
  });
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), firstRow: headerRow + 1 };
}

/** Downloads the template behind the drawer's button and returns its bytes. */
async function downloadTemplate(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return Buffer.concat(chunks);
}

async function chooseSheet(page, name, buffer) {
  await page.locator('.ant-drawer-open .ant-upload input[type="file"]').setInputFiles({ name, mimeType: XLSX, buffer });
  await page.getByTestId('import-file').filter({ hasText: name }).waitFor();
}

export const onboarding = [
  {
    name: 'a new customer signs up, sees 开始使用, imports its units (a row error first) and sees the tree',
    timeout: 180_000,
    async run(ctx) {
      const suffix = randomBytes(3).toString('hex');
      const admin = { email: `chief-${suffix}@police.example`, tenant: `滨海县公安局${suffix}` };
      const context = await ctx.browser.newContext(DESKTOP);
      const page = await context.newPage();
      watch(page);
      await page.goto(`${ctx.baseUrl}/login`);
      await page.getByTestId('signup-link').click();
      await page.waitForURL('**/signup');
      await page.getByTestId('signup-tenant').fill(admin.tenant);
      await page.getByTestId('signup-kind').click();
      await page.keyboard.type('公安');
      await page.keyboard.press('Enter');
      await page.getByTestId('signup-name').fill('陈局长');
      await page.getByTestId('signup-contact').fill(admin.email);
      await page.getByTestId('signup-password').fill(PASSWORD);
      await page.getByTestId('signup-confirm').fill(`${PASSWORD}x`);
      await page.getByTestId('signup-submit').click();
      await page.locator('.ant-form-item-explain-error').getByText('两次输入的密码不一致').waitFor();
      await page.getByTestId('signup-confirm').fill(PASSWORD);
      await shot(page, 'o01-signup');
      await page.getByTestId('signup-submit').click();
      await page.waitForURL('**/campaigns', { timeout: 20_000 });

      const steps = page.getByTestId('first-steps');
      await steps.getByText('开始使用').waitFor();
      for (const key of ['units', 'users', 'campaign'])
        assert.equal(await page.getByTestId(`first-step-${key}`).getAttribute('data-done'), 'false', key);
      await shot(page, 'o02-first-steps');

      await page.getByTestId('first-step-units').getByRole('button').click();
      await page.waitForURL('**/admin/units?import=1');
      const template = await downloadTemplate(page);
      // Children before their parents; the last row names a parent that does not exist.
      const rows = [
        ['城东派出所', '城区分局', '派出所', 'CD01'],
        ['工商银行城东支行', 'CD01', '银行', ''],
        ['城区分局', '', '公安', 'CQ'],
        ['城西派出所', '城西分局', '派出所', 'CX01'],
      ];
      const bad = await fillTemplate(template, ['单位名称', '上级单位', '单位类型', '单位编码'], rows);
      await chooseSheet(page, 'units-1.xlsx', bad.buffer);
      await page.getByTestId('import-check').click();
      const errors = page.getByTestId('import-errors');
      const badRow = errors.getByRole('row').filter({ hasText: `第 ${bad.firstRow + 3} 行` });
      await badRow.filter({ hasText: '上级单位' }).waitFor();
      assert.ok(await page.getByTestId('import-apply').isDisabled(), 'no apply while a row has an error');
      await shot(page, 'o03-units-dry-run-error');

      rows[3][1] = '城区分局';
      const good = await fillTemplate(template, ['单位名称', '上级单位', '单位类型', '单位编码'], rows);
      await chooseSheet(page, 'units-2.xlsx', good.buffer);
      await page.getByTestId('import-check').click();
      await page.getByTestId('import-summary').getByText('将新增 4 个，已存在跳过 0 个').waitFor();
      await page.getByTestId('import-apply').click();
      await page.getByTestId('import-summary').getByText('导入完成：新增 4 个').waitFor();
      await shot(page, 'o04-units-applied');
      await page.locator('.ant-drawer-open .ant-drawer-close').click();

      await page.getByRole('button', { name: '全部展开' }).click();
      const node = (name) => page.locator(`[data-testid="unit-node"][data-unit="${name}"]`);
      await node('城西派出所').waitFor();
      assert.match(await node(admin.tenant).getByTestId('unit-counts').textContent(), /下属单位 4 · 人员 1/);
      assert.match(await node('城区分局').getByTestId('unit-counts').textContent(), /下属单位 3/);
      assert.match(await node('城东派出所').getByTestId('unit-counts').textContent(), /下属单位 1 · 人员 0/);
      await shot(page, 'o05-units-tree');
      // 单位编码 finds a unit too, and the match is marked.
      await page.getByTestId('units-search').locator('input').fill('cd01');
      await node('城东派出所').locator('mark').getByText('城东派出所').waitFor();
      assert.equal(await node('城西派出所').count(), 0, 'other units are filtered out');
      await page.getByTestId('units-search').locator('input').fill('');

      const api = apiClient(ctx.baseUrl);
      await api.login(admin.email);
      const units = list(await api.get('/organizations?q=城东派出所'));
      assert.equal(units.length, 1, 'one 城东派出所');
      ctx.state.onboarding = { admin, context, page, unitId: units[0].id };
    },
  },
  {
    name: 'the customer imports a reporter from the user template and creates the invitation link',
    needs: ['onboarding'],
    timeout: 120_000,
    async run(ctx) {
      const { page, context } = ctx.state.onboarding;
      const phone = `139${String(Date.now()).slice(-8)}`;
      await page.goto(`${ctx.baseUrl}/admin/users?import=1`);
      const template = await downloadTemplate(page);
      const sheet = await fillTemplate(
        template,
        ['姓名', '手机号', '邮箱', '单位', '角色'],
        [['刘警官', phone, '', '城东派出所', '填报员']],
      );
      await chooseSheet(page, 'users.xlsx', sheet.buffer);
      await page.getByTestId('import-check').click();
      await page.getByTestId('import-summary').getByText('将新增 1 个，已存在跳过 0 个').waitFor();
      await page.getByTestId('import-apply').click();
      await page.getByTestId('import-summary').getByText('导入完成：新增 1 个').waitFor();
      await page.getByText('导入的人员还需要邀请链接才能登录').waitFor();
      await shot(page, 'o06-users-import-applied');
      await page.getByTestId('import-show-pending').click();

      const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: '刘警官' });
      await row.getByTestId('user-status').getByText('待激活').waitFor();
      assert.equal(await row.getByText('城东派出所 · 填报员').count(), 1, 'the unit and role of the imported person');
      assert.equal(await row.getByText(phone).count(), 1, 'the 手机号 of the imported person');
      await shot(page, 'o07-users-pending');

      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.baseUrl });
      await row.getByTestId('user-invite').click();
      const dialog = page.getByTestId('invitation-dialog');
      await dialog.waitFor();
      const url = await dialog.getByTestId('invitation-url').inputValue();
      assert.match(url, /\/invite\/[^/]+$/, `an invitation link: ${url}`);
      await dialog.getByTestId('invitation-expires').getByText('有效期至', { exact: false }).waitFor();
      await dialog.locator('.ant-qrcode').waitFor();
      await dialog.getByTestId('invitation-copy').click();
      await page.locator('.ant-message').getByText('链接已复制').waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url, 'the link is on the clipboard');
      await shot(page, 'o08-invitation-dialog', { fullPage: false });
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /关\s*闭/ })
        .last()
        .click();
      ctx.state.invitation = { path: new URL(url).pathname, phone };
    },
  },
  {
    name: 'the customer creates a month with the new unit as its participant',
    needs: ['onboarding'],
    timeout: 150_000,
    async run(ctx) {
      const { page, admin } = ctx.state.onboarding;
      await page.goto(`${ctx.baseUrl}/campaigns`);
      await page.getByTestId('first-steps').waitFor();
      assert.equal(await page.getByTestId('first-step-units').getAttribute('data-done'), 'true');
      assert.equal(await page.getByTestId('first-step-users').getAttribute('data-done'), 'true');
      assert.equal(await page.getByTestId('first-step-campaign').getAttribute('data-done'), 'false');
      await shot(page, 'o09-first-steps-two-done');
      await page.getByTestId('first-step-campaign').getByRole('button').click();
      await page.waitForURL('**/campaigns/new');
      const template = page.locator('[data-testid^="template-"]').first();
      await template.waitFor({ timeout: 15_000 });
      await template.click();
      await page.getByTestId('wizard-next').click();
      const title = `${day(0).slice(0, 4)}年全民反诈在行动集中宣传月（${admin.tenant}）`;
      await fillWizardBasics(page, {
        title,
        directiveTitle: '关于开展全民反诈在行动集中宣传月活动的通知',
        directiveNumber: '滨公通〔2026〕9号',
      });
      await page.getByTestId('wizard-next').click();
      await page.getByRole('tree').getByText('城东派出所').click();
      // Ticking a unit ticks the units below it: the police station and its bank branch.
      await page.getByTestId('picked-count').filter({ hasText: '已选 2 个单位' }).waitFor();
      await page.getByTestId('wizard-next').click();
      await page.getByTestId('wizard-create').click();
      await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}/, { timeout: 30_000 });
      const campaignId = page.url().match(/campaigns\/([0-9a-f-]{36})/)[1];
      const api = apiClient(ctx.baseUrl);
      await api.login(admin.email);
      const participants = list(await api.get(`/campaigns/${campaignId}/participants`));
      const ids = participants.map((p) => p.organizationId ?? p.organization?.id ?? p.id);
      assert.equal(ids.length, 2, `two participants: ${ids.join(', ')}`);
      assert.ok(ids.includes(ctx.state.onboarding.unitId), 'the new unit takes part');
      ctx.state.onboardingMonth = campaignId;
      await page.goto(`${ctx.baseUrl}/campaigns`);
      await page.getByRole('link', { name: title }).waitFor();
      // The guide is gone once all three steps are done.
      await page.getByTestId('first-steps').waitFor({ state: 'detached' });
      await shot(page, 'o09b-campaigns-after-first-steps');
    },
  },
  {
    name: 'the invited reporter opens the link on a phone, sets a password and logs an event',
    needs: ['onboarding', 'invitation', 'onboardingMonth'],
    timeout: 150_000,
    async run(ctx) {
      const { admin, unitId } = ctx.state.onboarding;
      const { path: invitePath, phone: reporterPhone } = ctx.state.invitation;
      const campaignId = ctx.state.onboardingMonth;
      const context = await ctx.browser.newContext(PHONE);
      const page = await context.newPage();
      watch(page);
      await page.goto(`${ctx.baseUrl}${invitePath}`);
      const who = page.getByTestId('invite-who');
      await who.getByText('城东派出所').waitFor();
      await page.getByText('刘警官，您好').waitFor();
      await who.getByText(`${reporterPhone.slice(0, 3)}****${reporterPhone.slice(7)}`).waitFor();
      assert.ok(await fits(page), 'the invitation fits the phone screen');
      await shot(page, 'o10-phone-invite');
      await page.getByTestId('invite-password').fill('too-short');
      await page.getByTestId('invite-confirm').fill('too-short');
      await page.getByTestId('invite-submit').click();
      await page.locator('.ant-form-item-explain-error').getByText('至少 10 个字符').waitFor();
      await page.getByTestId('invite-password').fill(PASSWORD);
      await page.getByTestId('invite-confirm').fill(PASSWORD);
      await page.getByTestId('invite-submit').click();
      await page.waitForURL(`**/unit/${campaignId}`, { timeout: 20_000 });
      await page.getByTestId('due-list').waitFor();
      await shot(page, 'o11-phone-reporter-home');

      await logEventOnPhone(page, {
        typeText: '发放宣传单',
        location: '城东农贸市场',
        count: 300,
        description: '民警在农贸市场向群众发放反诈宣传单，讲解常见骗局。',
      });
      await page.getByTestId('event-submit').click();
      await page.getByTestId('event-sent').waitFor({ timeout: 30_000 });
      await shot(page, 'o12-phone-event-sent', { fullPage: false });
      const api = apiClient(ctx.baseUrl);
      await api.login(admin.email);
      const events = list(await api.get(`/campaigns/${campaignId}/events?pageSize=200`)).filter(
        (e) => e.location === '城东农贸市场',
      );
      assert.equal(events.length, 1, 'one event at 城东农贸市场');
      assert.equal(events[0].organizationId ?? events[0].organization?.id, unitId);

      // The link works once: opened again it says so and points to the administrator.
      const again = await context.newPage();
      await again.goto(`${ctx.baseUrl}${invitePath}`);
      await again.getByTestId('invite-invalid').getByText('请联系管理员重新生成邀请链接', { exact: false }).waitFor();
      assert.ok(await fits(again), 'the refusal fits the phone screen');
      await shot(again, 'o13-phone-invite-used');
      await context.close();
    },
  },
  {
    name: 'the administration pages fit a phone; the 操作日志 names actions; 修改密码 signs other devices out',
    needs: ['onboarding'],
    timeout: 150_000,
    async run(ctx) {
      const { page, admin } = ctx.state.onboarding;
      const phone = await signIn(ctx.browser, ctx.baseUrl, admin.email, PHONE);
      for (const [path, ready, name] of [
        ['/campaigns', 'new-campaign', 'o14-phone-campaigns'],
        ['/admin/units', 'unit-tree', 'o15-phone-units'],
        ['/admin/users', 'users-table', 'o16-phone-users'],
        ['/admin/audit', 'audit-table', 'o17-phone-audit'],
      ]) {
        await phone.page.goto(`${ctx.baseUrl}${path}`);
        await phone.page.getByTestId(ready).first().waitFor();
        assert.ok(await fits(phone.page), `${path} fits the phone screen`);
        await shot(phone.page, name);
      }
      await phone.page.getByRole('button', { name: '菜单' }).click();
      const drawer = phone.page.locator('.ant-drawer-open');
      for (const item of ['系统管理', '单位管理', '用户管理', '操作日志'])
        await drawer.getByText(item).first().waitFor();
      await shot(phone.page, 'o18-phone-menu', { fullPage: false });
      await phone.page.keyboard.press('Escape');

      await page.goto(`${ctx.baseUrl}/admin/audit`);
      const table = page.getByTestId('audit-table');
      await table.getByTestId('audit-action-label').first().waitFor();
      const labels = await table.getByTestId('audit-action-label').allTextContents();
      for (const label of ['注册单位', '导入单位', '导入人员', '生成邀请链接', '通过邀请链接设置密码', '登录'])
        assert.ok(labels.includes(label), `the 操作日志 names “${label}”: ${labels.join(', ')}`);
      await table.locator('.ant-table-row-expand-icon').first().click();
      await page.locator('.ant-table-expanded-row').first().waitFor();
      await shot(page, 'o19-audit');

      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: /修改密码/ }).click();
      await page.getByTestId('password-current').fill(PASSWORD);
      await page.getByTestId('password-new').fill(`${PASSWORD}-new`);
      await page.getByTestId('password-confirm').fill(`${PASSWORD}-new`);
      await shot(page, 'o20-change-password', { fullPage: false });
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确认修改/ })
        .click();
      await page.locator('.ant-message').getByText('其他设备已退出登录', { exact: false }).waitFor();
      // This session goes on; the phone's is over.
      await page.reload();
      await page.getByTestId('audit-table').waitFor();
      await phone.page.goto(`${ctx.baseUrl}/admin/units`);
      await phone.page.waitForURL('**/login', { timeout: 20_000 });
      await phone.context.close();
      await ctx.state.onboarding.context.close();
    },
  },
];
