// Issue 20: a whole month as real users try it — the throttled first load on a phone, a wizard launched
// after a template date, a school and a bank on 390-px phones (forms that fit them, a group saved closing
// its task, an event closing its task), and a summary returned after approval and reviewed again with
// what changed. Each journey leaves screenshots (artifacts/screenshots/i20-*.png).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { list, PASSWORD, PHONE, root, shot, signIn } from './lib/harness.mjs';
import { day, fillWizardBasics, metricInput, pickOption } from './lib/steps.mjs';

/** Chrome DevTools' "Fast 3G" preset: 562.5 ms latency, 1.6 Mbps down and 750 Kbps up (each × 0.9). */
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8,
  uploadThroughput: (750 * 1000 * 0.9) / 8,
};

/** 11月6日 as the app writes a day of this year. */
const zhDay = (iso) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** Errors the page writes to its console (a failed request included) while `fn` runs. */
async function consoleErrors(page, fn) {
  const errors = [];
  const onConsole = (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  };
  page.on('console', onConsole);
  try {
    await fn();
    await page.waitForTimeout(500);
  } finally {
    page.off('console', onConsole);
  }
  return errors;
}

/** A user added by the admin and signed up through the invitation link, as the person would. */
async function addUser(ctx, admin, { email, name, role, organizationId }) {
  const user = await admin.post('/users', { name, email, memberships: [{ organizationId, role }] });
  const { token } = await admin.post(`/users/${user.id}/invitation`);
  await ctx.api.post(`/invitations/${encodeURIComponent(token)}/accept`, { password: PASSWORD });
  return user;
}

const state = (ctx) => {
  ctx.state.i20 ??= {};
  return ctx.state.i20;
};

export const issue20 = [
  {
    name: 'issue 20: the sign-in page on a phone under Fast 3G is usable in under 4 s and under 600 KB',
    async run(ctx) {
      const context = await ctx.browser.newContext(PHONE);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      const requests = new Map();
      let bytes = 0;
      cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, e.response.url));
      cdp.on('Network.loadingFinished', (e) => {
        bytes += e.encodedDataLength;
      });
      const started = Date.now();
      await page.goto(`${ctx.baseUrl}/login`, { waitUntil: 'commit' });
      // usable: the log-in fields take input and the button is there
      const login = page.getByLabel('手机号或邮箱');
      await login.waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: /登\s*录/ }).waitFor();
      await login.fill('13800000000');
      const usableMs = Date.now() - started;
      const bytesAtUsable = bytes;
      // what the page still loads afterwards (fonts for the glyphs on screen) counts too
      await page.waitForLoadState('networkidle', { timeout: 30_000 });
      const totalBytes = bytes;
      const urls = [...requests.values()].map((u) => new URL(u).pathname);
      const figures = {
        profile: 'Fast 3G (562.5 ms, 1.6 Mbps down, 750 Kbps up)',
        usableMs,
        bytesAtUsable,
        totalBytes,
        requests: urls.length,
        chartLibraryLoaded: urls.some((u) => /echarts/.test(u)),
      };
      writeFileSync(
        join(root, 'artifacts', 'fast-3g-login.json'),
        `${JSON.stringify({ ...figures, urls }, null, 2)}\n`,
      );
      console.log(
        `[web-e2e] Fast 3G sign-in: usable after ${usableMs} ms, ${Math.round(bytesAtUsable / 1024)} KB by then, ` +
          `${Math.round(totalBytes / 1024)} KB in all over ${urls.length} requests`,
      );
      await shot(page, 'i20-01-phone-login-fast3g', { fullPage: false });
      assert.equal(figures.chartLibraryLoaded, false, 'the log-in page loads no chart library');
      assert.ok(usableMs < 4000, `sign-in usable in ${usableMs} ms (under 4 s)`);
      assert.ok(totalBytes < 600 * 1024, `sign-in transferred ${totalBytes} bytes (under 600 KB)`);
      await context.close();
    },
  },
  {
    name: 'issue 20: a month launched after a template date gets no overdue task; dates shown, deadline re-suggested',
    timeout: 180_000,
    async run(ctx) {
      const s = state(ctx);
      // a bank takes part too, with its reporter
      const admin = await ctx.api.as(ctx.emails.admin);
      const bank = await admin.post('/organizations', {
        parentId: ctx.orgs.rootId,
        name: '工商银行某县支行',
        kind: 'BANK',
      });
      s.bank = bank.id;
      s.bankEmail = `bank-${Date.now()}@bank.example`;
      await addUser(ctx, admin, { email: s.bankEmail, name: '孙行长', role: 'REPORTER', organizationId: bank.id });

      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.organizer);
      s.organizer = { context, page };
      await page.goto(`${ctx.baseUrl}/campaigns/new`);
      await page.getByTestId('template-telecom-crime').click();
      await page.getByTestId('wizard-next').click();
      // the month began five days ago: 成立领导小组 (3 days after the first day) would be overdue at launch
      const title = `${day(0).slice(0, 4)}年防范通讯网络新型违法犯罪宣传月（第二期）`;
      await fillWizardBasics(page, {
        title,
        directiveTitle: '关于开展防范通讯网络新型违法犯罪宣传月活动的通知',
        directiveNumber: '县教〔2026〕21号',
      });
      // a new last day re-suggests the summary deadline five days later
      await page.getByPlaceholder('结束日期').click();
      await page.getByPlaceholder('结束日期').fill(day(22));
      await page.getByPlaceholder('结束日期').press('Enter');
      await page.getByLabel('活动名称').click();
      await page.waitForFunction((want) => document.querySelector('#reportDueOn')?.value === want, day(27), {
        timeout: 5000,
      });
      await page.getByTestId('wizard-next').click();
      await page.getByTestId('pick-all').click();
      await page.getByTestId('wizard-next').click();
      const tasks = page.getByTestId('suggested-tasks');
      await tasks.waitFor();
      const boxes = tasks.locator('input[type="checkbox"]');
      assert.equal(await boxes.count(), 5, "the template's five tasks are offered");
      for (const box of await boxes.all()) assert.ok(await box.isChecked(), 'every template task is ticked');
      const group = tasks.locator('label', { hasText: '成立宣传月活动领导小组' });
      assert.match(
        (await group.textContent()) ?? '',
        new RegExp(`${zhDay(day(0))}截止`),
        'the group is due today, not before',
      );
      const flag = tasks.locator('label', { hasText: '国旗下宣讲' });
      assert.match(
        (await flag.textContent()) ?? '',
        new RegExp(`${zhDay(day(2))}截止`),
        '国旗下宣讲: 7 days after the first day',
      );
      await shot(page, 'i20-02-wizard-task-dates');
      await page.getByTestId('wizard-create').click();
      await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}/, { timeout: 30_000 });
      s.campaignId = page.url().match(/campaigns\/([0-9a-f-]{36})/)[1];
      const api = await ctx.api.as(ctx.emails.organizer);
      const all = list(await api.get(`/campaigns/${s.campaignId}/tasks?pageSize=200`));
      assert.ok(all.length >= 5 * 4, `tasks handed down to every unit: ${all.length}`);
      const past = all.filter((t) => t.dueOn < day(0));
      assert.deepEqual(past, [], 'no task is due before the launch day');
      assert.ok(
        all.every((t) => !t.overdue),
        'nothing is overdue at launch',
      );
      assert.ok(
        all.filter((t) => t.title === '成立宣传月活动领导小组').every((t) => t.kind === 'LEADING_GROUP'),
        'the group task knows what it is about',
      );
    },
  },
  {
    name: 'issue 20: a school on a phone — one to-do for the group, saving it closes the task, a school’s event types',
    needs: ['i20'],
    timeout: 180_000,
    async run(ctx) {
      const s = state(ctx);
      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.reporter, PHONE);
      s.school = { context, page };
      const errors = await consoleErrors(page, async () => {
        await page.goto(`${ctx.baseUrl}/unit/${s.campaignId}`);
        const due = page.getByTestId('due-list');
        await due.locator('.ant-list-item').first().waitFor();
        assert.equal(await due.locator('.ant-list-item', { hasText: '领导小组' }).count(), 1, 'one item for the group');
        await shot(page, 'i20-03-phone-school-home');
        await due.locator('.ant-list-item', { hasText: '成立宣传月活动领导小组' }).click();
        await page.waitForURL(`**/unit/${s.campaignId}/group`);
        // the template's five seats; department hints are a school's
        await page.getByTestId('member-4-name').waitFor();
        const hint = (await page.getByTestId('member-4-department').textContent()) ?? '';
        assert.match(hint, /政教处/, `a school's departments are suggested (${hint})`);
        await page.getByTestId('member-0-name').fill('陈校长');
        await shot(page, 'i20-04-phone-school-group');
        // four blank seats remain: they are left out, not refused
        await page.getByTestId('save-group').click();
        await page.waitForURL(`**/unit/${s.campaignId}`);
        await page.getByTestId('due-list').locator('.ant-list-item').first().waitFor();
        // the group task is closed by the save: its item goes
        await page
          .getByTestId('due-list')
          .locator('.ant-list-item', { hasText: '领导小组' })
          .waitFor({ state: 'detached', timeout: 10_000 });
        await shot(page, 'i20-05-phone-school-home-after-group');
      });
      assert.deepEqual(errors, [], 'the unit’s daily pages log no console error');
      const api = await ctx.api.as(ctx.emails.reporter);
      const mine = list(await api.get(`/campaigns/${s.campaignId}/tasks?organizationId=${ctx.orgs.school1}`));
      assert.equal(mine.find((t) => t.kind === 'LEADING_GROUP')?.status, 'DONE');
      const group = await api.get(`/campaigns/${s.campaignId}/organizations/${ctx.orgs.school1}/leading-group`);
      assert.equal(group.members.length, 1, 'only the filled row was saved');

      // an event for a task: a school's types in a plain picker, then the offer to mark the task done
      await page.getByTestId('log-event').click();
      await page.getByTestId('event-type').click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      const names = await options.allInnerTexts();
      assert.ok(names.includes('主题班会'), `a school holds 主题班会 (${names.join('、')})`);
      assert.ok(!names.includes('进科室进病房'), 'no ward visits at a school');
      assert.equal(names.at(-1), '其他活动', '其他 is always there, last');
      assert.equal(
        await page.getByTestId('event-type').locator('input:not([readonly])').count(),
        0,
        'a short list raises no keyboard (no search box)',
      );
      await shot(page, 'i20-06-phone-school-event-types', { fullPage: false });
      await options.filter({ hasText: '主题班会' }).click();
      await page.getByTestId('event-location').fill('初二（3）班');
      await metricInput(page, 0).fill('45');
      await page.getByTestId('event-description').fill('班主任以案说法，讲解冒充客服退款诈骗的套路。');
      await pickOption(page, '召开防诈骗主题班会', 'event-task');
      await page.getByTestId('event-submit').click();
      await page.getByTestId('event-sent').waitFor();
      await page.getByTestId('mark-task-done').click();
      await page.getByTestId('task-marked-done').waitFor();
      await shot(page, 'i20-07-phone-school-event-task-done', { fullPage: false });
      const after = list(await api.get(`/campaigns/${s.campaignId}/tasks?organizationId=${ctx.orgs.school1}`));
      assert.equal(after.find((t) => t.title === '召开防诈骗主题班会')?.status, 'DONE');
      const events = list(await api.get(`/campaigns/${s.campaignId}/events?organizationId=${ctx.orgs.school1}`));
      assert.equal(events[0]?.type, 'MEETING', '主题班会 is kept as a meeting');
      assert.match(events[0]?.title ?? '', /主题班会/, 'its title says 主题班会');
      s.eventId = events[0].id;

      // the edit page has the task field the create page has
      await page.goto(`${ctx.baseUrl}/unit/${s.campaignId}/events/${s.eventId}`);
      await page.getByTestId('edit-task').waitFor();
      assert.match((await page.getByTestId('edit-task').textContent()) ?? '', /召开防诈骗主题班会/);
      await shot(page, 'i20-08-phone-school-edit-event', { fullPage: false });
    },
  },
  {
    name: 'issue 20: a bank on a phone gets a bank’s event types and departments',
    needs: ['i20'],
    async run(ctx) {
      const s = state(ctx);
      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, s.bankEmail, PHONE);
      await page.goto(`${ctx.baseUrl}/unit/${s.campaignId}/events/new`);
      await page.getByTestId('event-type').click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      const names = await options.allInnerTexts();
      assert.ok(names.includes('临柜提醒'), `a bank reminds at the counter (${names.join('、')})`);
      assert.ok(!names.includes('国旗下宣讲') && !names.includes('主题班会'), 'no school types at a bank');
      await shot(page, 'i20-09-phone-bank-event-types', { fullPage: false });
      await page.keyboard.press('Escape');
      await page.goto(`${ctx.baseUrl}/unit/${s.campaignId}/group`);
      await page.getByTestId('member-0-name').waitFor();
      const hint = (await page.getByTestId('member-2-department').textContent()) ?? '';
      assert.match(hint, /营业部/, `a bank's departments are suggested (${hint})`);
      const department = await page.getByTestId('member-2-department').locator('input').first().inputValue();
      assert.equal(department, '', 'a school’s 政教处 is not pre-filled at a bank');
      await shot(page, 'i20-10-phone-bank-group');
      await context.close();
    },
  },
  {
    name: 'issue 20: an approved summary is returned; the resubmission shows the comment and what changed',
    needs: ['i20'],
    timeout: 180_000,
    async run(ctx) {
      const s = state(ctx);
      const unit = await ctx.api.as(ctx.emails.reporter);
      const base = `/campaigns/${s.campaignId}/organizations/${ctx.orgs.school1}/summary`;
      const first = await unit.post(base, {});
      // what only the unit can write (its 存在不足, and a word where a section has no figures yet)
      const words = Object.fromEntries(first.needsInput.map((k) => [k, '按要求开展宣传。']));
      await unit.call(
        'PATCH',
        base,
        { narrative: { ...words, shortcomings: '家长参与面还不够广。' } },
        { 'If-Match': `"${first.version}"` },
      );
      await unit.post(`${base}/submit`, {});

      const { page } = s.organizer;
      await page.goto(`${ctx.baseUrl}/campaigns/${s.campaignId}?tab=review`);
      const panel = page.getByTestId('review-panel');
      await panel.getByText('某县第一中学').waitFor();
      for (const name of ['某县第二中学', '某县人民医院', '工商银行某县支行']) await panel.getByText(name).waitFor();
      assert.ok((await panel.getByText('尚未生成总结').count()) >= 3, 'units without a summary are listed as such');
      await shot(page, 'i20-11-review-tab-all-units');

      await page.goto(`${ctx.baseUrl}/campaigns/${s.campaignId}/review/${ctx.orgs.school1}`);
      await page.getByTestId('summary-document').waitFor();
      // no line starts with the ，after a figure: the punctuation stays with the figure
      const glued = await page.evaluate(
        () =>
          [...document.querySelectorAll('.cm-summary .cm-nobreak')].filter((el) =>
            /[，。；：]$/.test(el.textContent ?? ''),
          ).length,
      );
      assert.ok(glued > 0, 'figures keep their following punctuation on their line');
      const orphan = await page.evaluate(() =>
        [...document.querySelectorAll('.cm-summary .cm-nobreak')].some((el) =>
          /^[，。；：]/.test(el.nextSibling?.textContent ?? ''),
        ),
      );
      assert.equal(orphan, false, 'no text after a figure starts with ，。；：');
      // approving while the month runs says how long the ledger stays locked
      await page.getByTestId('approve-summary').click();
      const confirm = page.locator('.ant-popconfirm');
      await confirm.getByText(/本月还有 \d+ 天/).waitFor();
      await shot(page, 'i20-12-approve-confirm-days-left', { fullPage: false });
      await page.locator('#confirm-approve').click();
      await page.getByText('已审核通过').first().waitFor();
      // and an approved summary can be returned
      await page.getByTestId('return-summary').click();
      await page.getByText('这份总结已审核通过').waitFor();
      await page.getByTestId('return-comment').fill('请补充主题班会的开展情况。');
      await shot(page, 'i20-13-return-approved', { fullPage: false });
      await page.locator('#confirm-return').click();
      await page.getByText('已退回修改').first().waitFor();
      assert.equal((await unit.get(base)).status, 'RETURNED');

      // the unit logs one more meeting, regenerates, writes more and submits again
      await unit.post(`/campaigns/${s.campaignId}/events`, {
        organizationId: ctx.orgs.school1,
        type: 'MEETING',
        title: '初三年级主题班会',
        occurredOn: day(0),
        metrics: { audience: 60 },
      });
      const again = await unit.post(base, {});
      await unit.call(
        'PATCH',
        base,
        { narrative: { shortcomings: '家长参与面还不够广，下一步将通过家长会再做一次宣传。' } },
        { 'If-Match': `"${again.version}"` },
      );
      await unit.post(`${base}/submit`, {});
      await page.reload();
      const changes = page.getByTestId('review-changes');
      await changes.waitFor();
      await changes.getByTestId('previous-comment').getByText('请补充主题班会的开展情况。').waitFor();
      // the figures that changed are listed (once the returned version is read)
      await changes.getByTestId('changed-figure').first().waitFor();
      await changes.getByTestId('changed-paragraph').getByText('下一步将通过家长会').waitFor();
      await shot(page, 'i20-14-review-what-changed');
    },
  },
  {
    name: 'issue 20: the organizer on a phone reads what changed and the downloads (Markdown under 更多格式)',
    needs: ['i20'],
    async run(ctx) {
      const s = state(ctx);
      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.organizer, PHONE);
      await page.goto(`${ctx.baseUrl}/campaigns/${s.campaignId}/review/${ctx.orgs.school1}`);
      await page.getByTestId('review-changes').waitFor();
      await page.getByTestId('download-more').click();
      await page.getByRole('menuitem', { name: '下载 Markdown' }).waitFor();
      await shot(page, 'i20-15-phone-review-changes', { fullPage: false });
      await page.keyboard.press('Escape');
      await shot(page, 'i20-16-phone-review-full');
      await context.close();
      await s.school?.context.close();
      await s.organizer?.context.close();
    },
  },
];
