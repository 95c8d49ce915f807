// 督办 in the browser (issue 18): an organizer chases an overdue unit from the progress board with a note,
// then every overdue unit at once (the unit chased this hour is skipped); the unit's reporter, on a 390-px
// phone, sees the bell's count, opens the 催办 and lands on the unit's tasks with 最近催办. The month and
// its overdue task are set up through the API, as the other scenarios set up their data.
import assert from 'node:assert/strict';
import { DESKTOP, list, PHONE, shot, signIn } from './lib/harness.mjs';
import { day } from './lib/steps.mjs';

const NOTE = '请今天下班前完成反诈宣讲并上传照片';
const hourOf = (d) => Math.floor(d.getTime() / 3_600_000);

const state = (ctx) => {
  ctx.state.reminders ??= {};
  return ctx.state.reminders;
};

export const reminders = [
  {
    name: '督办: the organizer chases an overdue unit from the board, then every overdue unit (one skipped)',
    timeout: 180_000,
    async run(ctx) {
      const s = state(ctx);
      const organizer = await ctx.api.as(ctx.emails.organizer);
      const campaign = await organizer.post('/campaigns', {
        title: `督办测试宣传月-${Date.now().toString(36)}`,
        startsOn: day(-10),
        endsOn: day(20),
        reportDueOn: day(25),
        participants: { organizationIds: [ctx.orgs.school1, ctx.orgs.hospital] },
      });
      await organizer.post(`/campaigns/${campaign.id}/launch`);
      for (const [organizationId, title] of [
        [ctx.orgs.school1, '督办测试：组织一次反诈主题班会'],
        [ctx.orgs.hospital, '督办测试：门诊大厅播放反诈视频'],
      ])
        await organizer.post(`/campaigns/${campaign.id}/tasks`, { organizationId, title, dueOn: day(-2) });
      const progress = list(await organizer.get(`/campaigns/${campaign.id}/progress?pageSize=200`));
      const school1Row = progress.find((r) => (r.organizationId ?? r.organization?.id) === ctx.orgs.school1);
      assert.ok(school1Row, 'the school takes part');
      s.campaignId = campaign.id;

      // the reporter starts from an empty bell, so the count seen later is this 催办's
      const reporter = await ctx.api.as(ctx.emails.reporter);
      await reporter.post('/notifications/read', { all: true });

      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.organizer, DESKTOP);
      await page.goto(`${ctx.baseUrl}/campaigns/${campaign.id}`);
      await page.getByTestId('progress-board').waitFor();
      await page.getByTestId('bell').waitFor();
      await shot(page, 'r01-desktop-header-bell', { fullPage: false, clip: { x: 0, y: 0, width: 1366, height: 64 } });

      const chaseOne = page.getByTestId(`chase-${ctx.orgs.school1}`);
      await chaseOne.waitFor();
      assert.ok(await page.getByTestId('chase-overdue').isEnabled(), '催办所有逾期单位 is offered');
      await shot(page, 'r02-board-with-chase');

      await chaseOne.click();
      const modal = page.locator('.ant-modal').filter({ hasText: '催办 某县第一中学' });
      await modal.waitFor();
      await page.getByTestId('chase-note').fill(NOTE);
      await shot(page, 'r03-chase-modal', { fullPage: false });
      const firstAt = new Date();
      await page.getByTestId('chase-send').click();
      const first = page.getByTestId('chase-result').last();
      await first.waitFor();
      const firstText = await first.textContent();
      assert.match(firstText, /^已催办 1 个单位，通知 [1-9]\d* 人$/, firstText);
      await shot(page, 'r04-chase-result', { fullPage: false });
      await first.waitFor({ state: 'detached', timeout: 15_000 });

      await page.getByTestId('chase-overdue').click();
      await page.locator('.ant-modal').filter({ hasText: '将向所有有逾期任务的单位（2 个）发送催办通知' }).waitFor();
      await page.getByTestId('chase-send').click();
      const second = page.getByTestId('chase-result').last();
      await second.waitFor();
      const secondText = await second.textContent();
      // One 催办 per unit per clock hour: the school chased a moment ago is skipped, unless the hour turned.
      const expected =
        hourOf(firstAt) === hourOf(new Date())
          ? /^已催办 1 个单位，通知 \d+ 人；1 个单位一小时内已催办过，已跳过$/
          : /^已催办 2 个单位，通知 \d+ 人$/;
      assert.match(secondText, expected, secondText);
      await shot(page, 'r05-chase-all-result', { fullPage: false });

      const chases = list(await organizer.get(`/campaigns/${campaign.id}/organizations/${ctx.orgs.school1}/reminders`));
      assert.ok(
        chases.some((c) => c.message === NOTE && c.actorName === '李科长'),
        `the 催办 is on record: ${JSON.stringify(chases)}`,
      );
      await context.close();
    },
  },
  {
    name: '督办: the reporter sees the bell count on a phone, opens the 催办 and lands on the tasks page',
    needs: ['reminders'],
    timeout: 120_000,
    async run(ctx) {
      const s = state(ctx);
      assert.ok(s.campaignId, 'the month of the previous step');
      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.reporter, PHONE);
      const bell = page.getByTestId('bell');
      await bell.waitFor();
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid="bell"]')?.getAttribute('data-unread')) >= 1,
        null,
        { timeout: 20_000 },
      );
      const badge = await bell.locator('.ant-badge-count').textContent();
      assert.match(badge.trim(), /^[1-9]\d*$/, `the bell shows a count (${badge})`);
      await shot(page, 'r06-phone-header-bell', { fullPage: false });
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
      assert.ok(fits, 'the phone header fits 390 px');

      await bell.click();
      const item = page.getByTestId('notification-item').filter({ hasText: NOTE }).first();
      await item.waitFor();
      assert.equal(await item.getAttribute('data-unread'), 'true', 'the 催办 is unread');
      assert.ok((await item.locator('.ant-tag').textContent()).includes('催办'), 'labelled 催办');
      await shot(page, 'r07-phone-notifications', { fullPage: false });
      await item.click();
      await page.waitForURL(`**/unit/${s.campaignId}/tasks`);
      await page.getByTestId('task-card').filter({ hasText: '督办测试：组织一次反诈主题班会' }).waitFor();
      const recent = page.getByTestId('recent-chases');
      await recent.getByText(NOTE).waitFor();
      assert.match(await recent.textContent(), /李科长于 .+ 催办/);
      await shot(page, 'r08-phone-tasks-recent-chase');

      // read now: the count went down by one
      const api = await ctx.api.as(ctx.emails.reporter);
      const chase = list(await api.get('/notifications?pageSize=50')).find((n) => n.body?.includes(NOTE));
      assert.ok(chase?.readAt, 'opening it marked it read');
      await context.close();

      // the same list on a desktop: a dropdown under the bell, the 催办 now read (not bold)
      const desk = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.reporter, DESKTOP);
      await desk.page.getByTestId('bell').click();
      const read = desk.page.getByTestId('notification-item').filter({ hasText: NOTE }).first();
      await read.waitFor();
      assert.equal(await read.getAttribute('data-unread'), 'false', 'read after opening it on the phone');
      await shot(desk.page, 'r11-desktop-bell-dropdown', { fullPage: false });
      await desk.context.close();
    },
  },
  {
    name: '督办: the organizer sets the reminder rules; an admin adds a channel and sees an internal URL refused',
    needs: ['reminders'],
    timeout: 120_000,
    async run(ctx) {
      const s = state(ctx);
      const organizer = await ctx.api.as(ctx.emails.organizer);
      const before = await organizer.get(`/campaigns/${s.campaignId}/reminder-rules`);
      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.organizer, DESKTOP);
      await page.goto(`${ctx.baseUrl}/campaigns/${s.campaignId}?tab=rules`);
      const rules = page.getByTestId('reminder-rules');
      await rules.waitFor();
      await page.getByLabel('任务到期前提醒（天）').fill('5');
      await page.getByTestId('rule-noEventDays-on').click();
      await page.getByTestId('rules-save').click();
      await page.locator('.ant-message').getByText('提醒规则已保存').waitFor();
      await shot(page, 'r09-reminder-rules');
      const saved = await organizer.get(`/campaigns/${s.campaignId}/reminder-rules`);
      // the switch flipped 连续多少天未记录活动时提醒: off is null, on is a number of days
      assert.deepEqual(
        saved,
        { ...before, dueSoonDays: 5, noEventDays: before.noEventDays === null ? 7 : null },
        JSON.stringify({ before, saved }),
      );
      await context.close();

      const admin = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.admin, DESKTOP);
      await admin.page.goto(`${ctx.baseUrl}/admin/units`);
      const node = admin.page.locator('[data-testid="unit-node"][data-unit="某县第一中学"]');
      await node.waitFor();
      // the tree settles (its counts load) before its menu opens, or the menu goes with the re-render
      await admin.page.waitForLoadState('networkidle');
      await node.getByTestId('unit-actions').click();
      await admin.page.getByRole('menuitem', { name: '通知渠道' }).click();
      const drawer = admin.page.locator('.ant-drawer-open');
      await drawer.getByText('某县第一中学 · 通知渠道').waitFor();
      await drawer.getByTestId('channels-add').click();
      await drawer.getByTestId('channel-url').fill('http://127.0.0.1:9/robot');
      const [put] = await Promise.all([
        admin.page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/notification-channels')),
        drawer.getByTestId('channels-save').click(),
      ]);
      // the API refuses an internal address (SSRF), and the form says so under the URL field
      assert.equal(put.status(), 400, 'the API refuses an internal address');
      const fieldError = drawer.getByTestId('channel-card').locator('.ant-form-item-explain-error').first();
      await fieldError.getByText('不能使用内网或本机地址，请填写公网可访问的地址').waitFor();
      await shot(admin.page, 'r10-channels-internal-url-refused', { fullPage: false });
      const channels = await (await ctx.api.as(ctx.emails.admin)).get(
        `/organizations/${ctx.orgs.school1}/notification-channels`,
      );
      assert.equal(list(channels).length, 0, 'nothing saved');
      await admin.context.close();
    },
  },
];
