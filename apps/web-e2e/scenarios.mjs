// The flows of issue 7, in order; later steps use what earlier ones created (ctx.state).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import ExcelJS from 'exceljs';
import { DESKTOP, list, PASSWORD, PHONE, shot, shotsDir, signIn } from './lib/harness.mjs';
import { day, fillWizardBasics, logEventOnPhone, metricInput, pickDate } from './lib/steps.mjs';

async function photo(color, label) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="${color}"/><text x="40" y="260" font-size="64" fill="#fff">${label}</text></svg>`;
  return {
    name: `${label}.jpg`,
    mimeType: 'image/jpeg',
    buffer: await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer(),
  };
}

/** A photo whose EXIF says it was taken on `day` (YYYY-MM-DD), at ten in the morning. */
async function photoTakenOn(color, label, takenOn) {
  const p = await photo(color, label);
  const stamp = `${takenOn.replaceAll('-', ':')} 10:00:00`;
  return {
    ...p,
    buffer: await sharp(p.buffer)
      .withExif({ IFD2: { DateTimeOriginal: stamp } })
      .toBuffer(),
  };
}

/** Logs an event of `organizationId` in the scenario's month through the API, as `client` (ctx.api.as). */
function logEvent(ctx, client, organizationId, { type, title, occurredOn, metrics }) {
  return client.post(`/campaigns/${ctx.state.campaignId}/events`, { organizationId, type, title, occurredOn, metrics });
}

/** Adds a photo to an event through the API as `email` (multipart, as the web app sends it). */
async function uploadPhoto(ctx, email, eventId, file) {
  const login = await fetch(`${ctx.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const { accessToken } = await login.json();
  const form = new FormData();
  form.append('file', new Blob([file.buffer], { type: file.mimeType }), file.name);
  const res = await fetch(`${ctx.baseUrl}/api/v1/events/${eventId}/photos`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}` },
    body: form,
  });
  const text = await res.text();
  assert.ok(res.ok, `photo upload -> ${res.status} ${text}`);
  return JSON.parse(text);
}

/** Waits until every thumbnail inside `scope` (a CSS selector) shows a loaded image, and that there are `n`. */
function thumbnailsLoaded(page, scope, n) {
  return page.waitForFunction(
    ([sel, want]) => {
      const imgs = [...document.querySelectorAll(`${sel} [data-testid="photo-thumb"] img`)];
      return imgs.length === want && imgs.every((i) => i.complete && i.naturalWidth > 0);
    },
    [scope, n],
    { timeout: 30_000 },
  );
}

/** Events of the campaign with the given title, as the API sees them. */
async function eventsTitled(ctx, title) {
  const api = await ctx.api.as(ctx.emails.organizer);
  const page = await api.get(`/campaigns/${ctx.state.campaignId}/events?pageSize=200`);
  return list(page).filter((e) => e.title === title);
}

async function pollUntil(fn, { timeout = 30_000, interval = 500 } = {}) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  return last;
}

export const scenarios = [
  {
    name: 'sign-in: wrong password gets a clear message, English is selectable',
    async run(ctx) {
      const context = await ctx.browser.newContext(DESKTOP);
      const page = await context.newPage();
      await page.goto(`${ctx.baseUrl}/`);
      await page.waitForURL('**/login');
      await page.getByLabel('手机号或邮箱').fill(ctx.emails.organizer);
      await page.getByLabel('密码').fill('not-the-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByRole('alert').filter({ hasText: '邮箱或密码不正确' }).waitFor();
      await shot(page, '01-login-error');
      await page.getByTestId('language-switch').click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await page.getByTestId('language-switch').click();
      await page.getByRole('button', { name: /登\s*录/ }).waitFor();
      await context.close();
    },
  },
  {
    name: 'organizer creates a month from a template',
    timeout: 180_000,
    async run(ctx) {
      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.organizer);
      ctx.state.organizer = { context, page };
      await page.waitForURL('**/campaigns');
      await shot(page, '02-campaigns-empty');
      await page.getByTestId('new-campaign').first().click();
      await page.waitForURL('**/campaigns/new');
      const template = page.locator('[data-testid^="template-"]').first();
      await template.waitFor({ timeout: 15_000 });
      await shot(page, '03-wizard-template');
      await template.click();
      await page.getByTestId('wizard-next').click();
      // A step with a missing field stays put, says so at the field, and throws nothing on the page.
      const pageErrors = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await page.getByLabel('活动名称').fill('');
      await page.getByTestId('wizard-next').click();
      await page.locator('.ant-form-item-explain-error').getByText('此项必填').waitFor();
      await page.waitForTimeout(300);
      assert.deepEqual(pageErrors, [], 'no uncaught error when a step is not valid');
      const title = `${day(0).slice(0, 4)}年防范电信网络诈骗集中宣传月（测试）`;
      await fillWizardBasics(page, {
        title,
        directiveTitle: '关于开展防范电信网络诈骗集中宣传月活动的通知',
        directiveNumber: '县教〔2026〕18号',
      });
      await shot(page, '04-wizard-basics');
      await page.getByTestId('wizard-next').click();
      await page.getByRole('tree').getByText('某县教育局').waitFor();
      // no unit picked: the wizard does not go on (a month nobody takes part in cannot be run)
      await page.getByTestId('wizard-next').click();
      await page.getByTestId('no-units').getByText('请至少选择一个参与单位', { exact: false }).waitFor();
      await page.getByTestId('pick-all').click();
      await page.getByTestId('no-units').waitFor({ state: 'detached' });
      await page.getByTestId('picked-count').filter({ hasText: '已选 3 个单位' }).waitFor();
      await shot(page, '05-wizard-participants');
      await page.getByTestId('wizard-next').click();
      await shot(page, '06-wizard-confirm');
      // A refusal with field details puts each message next to its field (here made up by the test,
      // since the form itself checks what the API would refuse).
      await page.route('**/api/v1/campaigns', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 400,
              contentType: 'application/json',
              body: JSON.stringify({
                statusCode: 400,
                error: 'Bad Request',
                message: 'Invalid input: reportDueOn',
                details: [{ field: 'reportDueOn', message: 'reportDueOn must be on or after endsOn' }],
              }),
            })
          : route.continue(),
      );
      await page.getByTestId('wizard-create').click();
      await page.getByText('请修改标红的项目后再提交').waitFor();
      await page.locator('.ant-form-item-explain-error').getByText('不能早于活动结束日').waitFor();
      await shot(page, '06b-wizard-field-error', { fullPage: false });
      await page.unroute('**/api/v1/campaigns');
      for (let i = 0; i < 2; i += 1) await page.getByTestId('wizard-next').click();
      await page.getByTestId('wizard-create').click();
      await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}/, { timeout: 30_000 });
      ctx.state.campaignId = page.url().match(/campaigns\/([0-9a-f-]{36})/)[1];
      ctx.state.campaignTitle = title;
      await page.getByTestId('progress-board').waitFor();
      const api = await ctx.api.as(ctx.emails.organizer);
      const campaign = await api.get(`/campaigns/${ctx.state.campaignId}`);
      assert.equal(campaign.title, title);
      assert.equal(campaign.status, 'ACTIVE');
      const participants = list(await api.get(`/campaigns/${ctx.state.campaignId}/participants`));
      assert.ok(participants.length >= 3, `participants: ${participants.length}`);
    },
  },
  {
    name: 'organizer cascades a task to every participant',
    needs: ['campaignId', 'organizer'],
    async run(ctx) {
      const { page } = ctx.state.organizer;
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=tasks`);
      await page.getByTestId('tasks-panel').waitFor();
      const taskTitle = '开展一次国旗下反诈宣讲';
      await page.getByTestId('tasks-panel').getByLabel('任务', { exact: true }).fill(taskTitle);
      await page.getByLabel('要求').fill('各校利用周一升旗仪式开展一次反诈宣讲，并上传现场照片。');
      await pickDate(page.getByLabel('完成时限'), day(10), 'Tab');
      await page.getByTestId('cascade-submit').click();
      await page.locator('.ant-message').getByText('任务已下发').waitFor();
      const api = await ctx.api.as(ctx.emails.organizer);
      const tasks = list(await api.get(`/campaigns/${ctx.state.campaignId}/tasks?pageSize=200`)).filter(
        (t) => t.title === taskTitle,
      );
      const units = new Set(tasks.map((t) => t.organization?.id ?? t.organizationId));
      assert.ok(units.has(ctx.orgs.school1) && units.has(ctx.orgs.school2), `tasks reached ${[...units].join(', ')}`);
      ctx.state.taskTitle = taskTitle;
      // More of a month for the board and the charts: the hospital is late with a task, the second
      // school has one due in two days and has logged events of its own.
      await api.post(`/campaigns/${ctx.state.campaignId}/tasks`, {
        organizationId: ctx.orgs.hospital,
        title: '进科室进病房宣传',
        dueOn: day(-1),
      });
      await api.post(`/campaigns/${ctx.state.campaignId}/tasks`, {
        organizationId: ctx.orgs.school2,
        title: '校讯通推送防骗提示',
        dueOn: day(2),
      });
      const school2 = await ctx.api.as(ctx.emails.reporter2);
      for (const [type, title, metrics, offset] of [
        ['MESSAGE_PUSH', '校讯通推送反诈提示', { messages: 1200 }, -3],
        ['POSTER', '校门口张贴反诈海报', { posters: 40 }, -2],
        ['LECTURE', '反诈专题班会', { audience: 860 }, -1],
      ]) {
        await logEvent(ctx, school2, ctx.orgs.school2, { type, title, occurredOn: day(offset), metrics });
      }
      await page.getByRole('row').filter({ hasText: taskTitle }).first().waitFor();
      await shot(page, '07-tasks-cascaded');
    },
  },
  {
    name: "organizer records the office's own 领导小组 on the month's page; a viewer on a phone reads it",
    needs: ['campaignId', 'organizer'],
    timeout: 150_000,
    async run(ctx) {
      const { page } = ctx.state.organizer;
      const groupUrl = `/campaigns/${ctx.state.campaignId}/organizations/${ctx.orgs.rootId}/leading-group`;
      const api = await ctx.api.as(ctx.emails.organizer);
      // The scenario's tenant starts without the office's group: the organizer records one here.
      assert.deepEqual((await api.get(groupUrl)).members, [], 'no group for the office yet');
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}`);
      await page.getByTestId('progress-board').waitFor();
      await page.getByRole('tab', { name: '领导小组' }).click();
      await page
        .getByTestId('organizer-group-hint')
        .getByText('某县教育局（牵头单位）本月的宣传月领导小组，汇总报告第一部分将引用。')
        .waitFor();
      // An empty roster starts from the template's seats, the 组长 first.
      await page.getByTestId('member-0-name').waitFor();
      assert.equal((await page.getByTestId('member-0-role').textContent())?.trim(), '组长');
      const inputs = page.locator('input[data-testid$="-name"]');
      const n = await inputs.count();
      assert.ok(n >= 2, `seats offered: ${n}`);
      const names = ['王建华', '李明', '周敏', '吴刚', '郑洁', '冯涛'];
      for (let i = 0; i < n; i += 1) await inputs.nth(i).fill(names[i]);
      await page.getByTestId('save-group').click();
      await page.locator('.ant-message').getByText('领导小组已保存').waitFor();
      const stored = await api.get(groupUrl);
      assert.deepEqual(
        stored.members.filter((m) => m.role === 'LEADER').map((m) => m.name),
        ['王建华'],
        'the office has 王建华 as its 组长',
      );

      // After a reload the page shows the office's current group; a member changed and saved again stays.
      await page.reload();
      await page.getByTestId('member-0-name').waitFor();
      assert.equal(await page.getByTestId('member-0-name').inputValue(), '王建华');
      assert.equal((await page.getByTestId('member-0-role').textContent())?.trim(), '组长');
      assert.equal(await page.getByTestId('member-1-name').inputValue(), '李明');
      await page.getByTestId('member-1-name').fill('刘志强');
      await page.getByTestId('save-group').click();
      await page.locator('.ant-message').getByText('领导小组已保存').waitFor();
      await page.reload();
      await page.getByTestId('member-1-name').waitFor();
      assert.equal(await page.getByTestId('member-1-name').inputValue(), '刘志强');
      assert.equal(await page.getByTestId('member-0-name').inputValue(), '王建华');
      const changed = await api.get(groupUrl);
      assert.deepEqual(
        changed.members.map((m) => m.name),
        ['王建华', '刘志强', ...names.slice(2, n)],
        'the second save replaced 李明 and kept the rest',
      );
      await shot(page, '08-organizer-leading-group');
      ctx.state.officeLeader = '王建华';

      // A viewer of the office reads the same group on a phone: no form, no save button, no sideways scrolling.
      const viewer = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.viewer, PHONE);
      await viewer.page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}`);
      await viewer.page.getByTestId('progress-board').waitFor();
      await viewer.page.getByRole('tab', { name: '领导小组' }).click();
      const roster = viewer.page.getByTestId('group-roster');
      await roster.waitFor();
      assert.deepEqual(
        await roster.getByTestId('group-roster-name').allTextContents(),
        changed.members.map((m) => m.name),
        "the viewer reads the office's members, the 组长 first",
      );
      const leaderCard = roster.getByTestId('group-roster-member').first();
      await leaderCard.locator('.ant-tag').getByText('组长', { exact: true }).waitFor();
      assert.equal(await viewer.page.getByTestId('save-group').count(), 0, 'no save button for a viewer');
      assert.equal(await viewer.page.locator('input[data-testid$="-name"]').count(), 0, 'no form for a viewer');
      assert.ok(
        await viewer.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
        'the group fits the phone screen (no sideways scrolling)',
      );
      await shot(viewer.page, '08b-phone-viewer-leading-group');
      await viewer.context.close();
    },
  },
  {
    name: 'unit on a phone: home page, leading group, an event with a photo',
    needs: ['campaignId'],
    timeout: 180_000,
    async run(ctx) {
      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.reporter, PHONE);
      ctx.state.unit = { context, page };
      await page.waitForURL(`**/unit/${ctx.state.campaignId}`);
      await page.getByTestId('due-list').waitFor();
      await shot(page, '10-phone-home');

      await page.getByTestId('group-card').click();
      // The roster starts from the template's seats (roles and duties); the unit fills in the names.
      await page.getByTestId('member-0-name').waitFor();
      const names = ['陈校长', '刘副校长', '孙老师', '吴老师', '郑老师', '王老师'];
      const inputs = page.locator('input[data-testid$="-name"]');
      const n = await inputs.count();
      for (let i = 0; i < n; i += 1) await inputs.nth(i).fill(names[i % names.length]);
      assert.match((await page.locator('.ant-card').first().textContent()) ?? '', /组长/);
      await shot(page, '11-phone-leading-group');
      await page.getByTestId('save-group').click();
      await page.waitForURL(`**/unit/${ctx.state.campaignId}`);

      await logEventOnPhone(page, {
        typeText: '国旗下',
        location: '学校操场',
        count: 1200,
        description: '周一升旗仪式后，由陈校长作防范电信网络诈骗专题讲话。',
      });
      // Only JPEG, PNG and WebP are taken, and a refused file is named at once.
      await page
        .getByTestId('photo-input')
        .setInputFiles([{ name: 'anim.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') }]);
      await page.getByText('仅支持 JPEG、PNG、WebP 格式的照片，未添加：anim.gif').waitFor();
      assert.equal(await page.locator('img[alt="anim.gif"]').count(), 0);
      // judged by its bytes, as the API does: a text file named and typed as a JPEG is refused when picked
      await page
        .getByTestId('photo-input')
        .setInputFiles([
          { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('just a note, not a photo') },
        ]);
      await page.getByText('仅支持 JPEG、PNG、WebP 格式的照片，未添加：notes.jpg').waitFor();
      assert.equal(await page.locator('img[alt="notes.jpg"]').count(), 0);
      await page.getByTestId('photo-input').setInputFiles([await photo('#c62828', 'flag')]);
      await page.locator('img[alt="flag.jpg"]').waitFor();
      await shot(page, '12-phone-event-form');
      await page.getByTestId('event-submit').click();
      await page.getByTestId('event-sent').waitFor({ timeout: 30_000 });
      await shot(page, '13-phone-event-sent', { fullPage: false });
      const api = await ctx.api.as(ctx.emails.organizer);
      const events = list(await api.get(`/campaigns/${ctx.state.campaignId}/events?pageSize=200`)).filter(
        (e) => e.location === '学校操场',
      );
      assert.equal(events.length, 1, 'one event at 学校操场');
      ctx.state.onlineEvent = events[0];
    },
  },
  {
    name: 'unit logs an event offline; it arrives exactly once when the network returns',
    needs: ['unit'],
    timeout: 120_000,
    async run(ctx) {
      const { context, page } = ctx.state.unit;
      await page.goto(`${ctx.baseUrl}/unit/${ctx.state.campaignId}/events/new`);
      await page.getByTestId('event-location').waitFor();
      await context.setOffline(true);
      await page.getByTestId('offline-hint').waitFor();
      const title = '集市日发放反诈宣传单';
      await page.getByTestId('event-title').fill(title);
      await page.getByTestId('event-location').fill('镇中心集市');
      await metricInput(page, 1).fill('3000');
      await page.getByTestId('photo-input').setInputFiles([await photo('#1565c0', 'market')]);
      await page.getByTestId('event-submit').click();
      await page.getByTestId('event-queued').waitFor();
      await page.getByTestId('queued-tag').waitFor();
      await shot(page, '14-phone-event-offline-queued', { fullPage: false });
      assert.equal((await eventsTitled(ctx, title)).length, 0, 'nothing reached the API while offline');

      // Still offline, the phone reopens the app: the service worker serves the shell, the campaign
      // comes from the device, the queued event is still there, and another one can be logged.
      await page.reload();
      await page.getByTestId('event-location').waitFor({ timeout: 20_000 });
      await page.getByTestId('queued-tag').waitFor();
      const title2 = '离线重新打开后记录的班会';
      await page.getByTestId('event-title').fill(title2);
      await page.getByTestId('event-location').fill('初二（3）班教室');
      await page.getByTestId('event-submit').click();
      await page.getByTestId('event-queued').waitFor();
      await page.getByTestId('queued-tag').filter({ hasText: '2' }).waitFor();
      await shot(page, '14b-phone-offline-reopened', { fullPage: false });

      // Still offline, screens never loaded before say they cannot load, instead of "nothing logged";
      // those loaded before show the last data the phone had, and say so.
      // the ledger, never opened online, still shows what this phone already sent (from its own copy)
      await page.goto(`${ctx.baseUrl}/unit/${ctx.state.campaignId}/ledger`);
      await page.getByTestId('queued-list').waitFor({ timeout: 20_000 });
      await page.getByTestId('ledger-row').filter({ hasText: ctx.state.onlineEvent.title }).waitFor();
      await page.getByTestId('offline-stale').waitFor();
      assert.equal(await page.getByText('还没有记录活动').count(), 0, 'no empty ledger while offline');
      assert.equal(await page.getByText('共 0 条').count(), 0, 'no "共 0 条" while offline');
      await shot(page, '14c-phone-offline-ledger', { fullPage: false });
      await page.goto(`${ctx.baseUrl}/unit/${ctx.state.campaignId}`);
      await page.getByTestId('group-card').waitFor({ timeout: 20_000 });
      await page.getByTestId('offline-stale').waitFor();
      const groupText = (await page.getByTestId('group-card').textContent()) ?? '';
      assert.match(groupText, /\d+ 人/, `the leading group recorded before, not 未成立: ${groupText}`);
      await shot(page, '14d-phone-offline-home', { fullPage: false });

      // The first answer is lost on the way back (the API has the event, the phone does not know):
      // the retry carries the same Idempotency-Key, so the API must not make a second event.
      let dropped = 0;
      const keys = [];
      await page.route('**/api/v1/campaigns/*/events', async (route) => {
        const req = route.request();
        if (req.method() !== 'POST') return route.continue();
        keys.push(req.headers()['idempotency-key']);
        if (dropped === 0) {
          dropped += 1;
          await route.fetch();
          return route.abort('connectionreset');
        }
        return route.continue();
      });
      await context.setOffline(false);
      const arrived = await pollUntil(
        async () => {
          const tags = await page.getByTestId('queued-tag').count();
          return tags === 0 ? true : null;
        },
        { timeout: 60_000 },
      );
      assert.ok(arrived, 'the queue emptied after the network returned');
      const events = await eventsTitled(ctx, title);
      assert.equal(
        events.length,
        1,
        `exactly one "${title}" event (sent ${keys.length} times with keys ${keys.join(', ')})`,
      );
      assert.equal((await eventsTitled(ctx, title2)).length, 1, `exactly one "${title2}" event`);
      assert.equal(
        keys.filter((k) => k === keys[0]).length,
        2,
        `the lost answer was retried with its key: ${keys.join(', ')}`,
      );
      assert.equal(new Set(keys).size, 2, `one key per event: ${keys.join(', ')}`);
      assert.equal(events[0].photoCount ?? 1, 1, 'the photo was uploaded once');
      await page.unroute('**/api/v1/campaigns/*/events');
      ctx.state.offlineEvent = events[0];
    },
  },
  {
    name: 'unit ledger lists the events and exports Excel',
    needs: ['unit', 'offlineEvent'],
    async run(ctx) {
      const { page } = ctx.state.unit;
      await page.goto(`${ctx.baseUrl}/unit/${ctx.state.campaignId}/ledger`);
      await page.getByTestId('ledger-row').first().waitFor();
      assert.ok((await page.getByTestId('ledger-row').count()) >= 2);
      await shot(page, '15-phone-ledger');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
      const path = join(shotsDir, '..', 'ledger.xlsx');
      await download.saveAs(path);
      assert.equal(readFileSync(path).subarray(0, 2).toString(), 'PK', 'an xlsx (zip) file');
      // The exported ledger goes back in: a dry run checks every row and writes nothing.
      const before = list(
        await (await ctx.api.as(ctx.emails.organizer)).get(`/campaigns/${ctx.state.campaignId}/events?pageSize=200`),
      ).length;
      await page.getByTestId('import-input').setInputFiles(path);
      await page
        .locator('.ant-modal')
        .getByText(/检查通过|未重复导入|第 \d+ 行/)
        .first()
        .waitFor({ timeout: 30_000 });
      await shot(page, '15b-phone-ledger-import-check', { fullPage: false });
      // every exported row carries its 编号: nothing would be logged twice, so there is nothing to apply
      await page
        .locator('.ant-modal')
        .getByText(/未重复导入/)
        .waitFor();
      assert.equal(
        await page
          .locator('.ant-modal')
          .getByRole('button', { name: /确认导入/ })
          .count(),
        0,
      );
      await page.locator('.ant-modal-close').click();
      const after = list(
        await (await ctx.api.as(ctx.emails.organizer)).get(`/campaigns/${ctx.state.campaignId}/events?pageSize=200`),
      ).length;
      assert.equal(after, before, 'a dry run writes nothing');
      // A file that is not a workbook is refused with the ledger's own message (not the photos').
      await page
        .getByTestId('import-input')
        .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: (await photo('#000000', 'x')).buffer });
      await page.locator('.ant-modal').getByText('请选择 .xlsx 格式的台账文件').waitFor({ timeout: 30_000 });
      assert.equal(
        await page
          .locator('.ant-modal')
          .getByText(/照片|Send the ledger/)
          .count(),
        0,
      );
      await page.locator('.ant-modal-close').click();
    },
  },
  {
    name: 'unit corrects a logged event from the ledger',
    needs: ['unit', 'offlineEvent'],
    async run(ctx) {
      const { page } = ctx.state.unit;
      const event = ctx.state.offlineEvent;
      await page.goto(`${ctx.baseUrl}/unit/${ctx.state.campaignId}/ledger`);
      await page.locator(`a[href$="/events/${event.id}"]`).first().click();
      const form = page.getByTestId('event-edit-form');
      await form.waitFor();
      assert.equal(await page.getByTestId('edit-title').inputValue(), event.title, 'the form shows the stored event');
      // The event's photo evidence: thumbnails served with the session, one added, opened and removed.
      const thumbs = page.getByTestId('photo-thumb');
      const loadedThumbs = (n) =>
        page.waitForFunction(
          (want) => {
            const imgs = [...document.querySelectorAll('[data-testid="photo-thumb"] img')];
            return imgs.length === want && imgs.every((i) => i.complete && i.naturalWidth > 0);
          },
          n,
          { timeout: 30_000 },
        );
      const photosBefore = await thumbs.count();
      await loadedThumbs(photosBefore);
      await page.getByTestId('photo-add-input').setInputFiles([await photo('#2e7d32', 'added')]);
      await loadedThumbs(photosBefore + 1);
      await shot(page, '15b-phone-event-photos');
      await thumbs.last().click();
      await page.getByTestId('photo-full').waitFor();
      await page.getByTestId('photo-remove').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await loadedThumbs(photosBefore);
      const title = `${event.title}（已更正）`;
      await page.getByTestId('edit-title').fill(title);
      await page.getByTestId('edit-metric-audience').fill('450');
      await shot(page, '15c-phone-event-edit');
      await page.getByTestId('edit-save').click();
      await page.waitForURL(/\/ledger$/);
      await page.getByText(title).first().waitFor();
      const [stored] = await pollUntil(async () => {
        const found = await eventsTitled(ctx, title);
        return found.length ? found : null;
      });
      assert.equal(stored.id, event.id, 'the same event was changed, none added');
      assert.equal(stored.metrics.audience, '450');
      assert.equal((await eventsTitled(ctx, event.title)).length, 0, 'the old title is gone');
      ctx.state.offlineEvent = stored;
    },
  },
  {
    name: 'silent token refresh keeps the unit signed in',
    needs: ['unit'],
    async run(ctx) {
      const { page } = ctx.state.unit;
      const before = await page.evaluate(() => JSON.parse(localStorage.getItem('cm.session')));
      await page.evaluate(() => {
        const s = JSON.parse(localStorage.getItem('cm.session'));
        localStorage.setItem('cm.session', JSON.stringify({ ...s, accessToken: 'expired', expiresAt: 0 }));
      });
      await page.goto(`${ctx.baseUrl}/unit/${ctx.state.campaignId}`);
      await page.getByTestId('due-list').waitFor();
      await page.waitForFunction(
        (old) => JSON.parse(localStorage.getItem('cm.session') ?? '{}').refreshToken !== old,
        before.refreshToken,
        { timeout: 15_000 },
      );
      const after = await page.evaluate(() => JSON.parse(localStorage.getItem('cm.session')));
      assert.ok(after.expiresAt > Date.now(), 'a fresh access token');
      assert.notEqual(after.refreshToken, before.refreshToken, 'the refresh token was rotated');
      assert.ok(!page.url().includes('/login'));
    },
  },
  {
    name: 'unit generates, edits and submits its summary',
    needs: ['unit', 'onlineEvent'],
    timeout: 120_000,
    async run(ctx) {
      const { page } = ctx.state.unit;
      await page.goto(`${ctx.baseUrl}/unit/${ctx.state.campaignId}/summary`);
      await page.getByTestId('generate-summary').click();
      await page.getByTestId('summary-document').waitFor({ timeout: 30_000 });
      await shot(page, '16-phone-summary-preview');
      // 存在不足 is the unit's to write: until it is, the summary cannot be submitted, and the page says where.
      await page.getByTestId('summary-needs-input').getByText('存在不足及下一步打算', { exact: false }).waitFor();
      assert.ok(await page.getByTestId('submit-summary').isDisabled(), 'no submit while a section needs input');
      // An event logged after the version was generated: its figures no longer match the ledger.
      const reporter = await ctx.api.as(ctx.emails.reporter);
      await logEvent(ctx, reporter, ctx.orgs.school1, {
        type: 'LECTURE',
        title: '反诈知识进课堂',
        occurredOn: day(0),
        metrics: { audience: 45 },
      });
      await page.reload();
      const outdated = page.getByTestId('summary-outdated');
      await outdated.getByText('总结中的数字与台账不一致', { exact: false }).waitFor({ timeout: 20_000 });
      await shot(page, '16b-phone-summary-outdated', { fullPage: false });
      await outdated.getByTestId('outdated-regenerate').click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await page.locator('.ant-message').getByText('已生成新版本').waitFor();
      await outdated.waitFor({ state: 'detached' });
      const figure = page.locator('.cm-figure').first();
      await figure.click();
      await page.locator('.ant-popover').getByText('的来源').first().waitFor();
      // the exact value written like the rest: a count without the API's decimals (1,280, not 1280.00)
      const exact = (await page.locator('.ant-popover').getByText('精确值').first().textContent()) ?? '';
      assert.doesNotMatch(exact, /精确值：\d{4,}(?![\d-])|\.00(?!元)/, `exact value formatted: ${exact}`);
      await shot(page, '17-phone-summary-figure-source', { fullPage: false });
      await page.keyboard.press('Escape');
      await page.getByTestId('edit-summary').click();
      await page
        .locator('[data-narrative="shortcomings"]')
        .fill('一是宣传覆盖面仍需扩大；二是形式还不够丰富。下一步将持续开展常态化宣传。');
      // a section with generated text still takes the unit's own words under it
      const practice = '我校将反诈知识纳入开学第一课，由班主任逐班讲解。';
      await page.locator('[data-narrative="publicity.extra"]').fill(practice);
      await page.getByTestId('save-summary').click();
      await page.locator('.ant-message').getByText('已保存').waitFor();
      await page.getByTestId('summary-document').getByText(practice).waitFor();
      await page.getByTestId('summary-needs-input').waitFor({ state: 'detached' });
      await page.getByTestId('submit-summary').click();
      await page.locator('#confirm-submit').click();
      await page.locator('.ant-tag').getByText('已提交').first().waitFor({ timeout: 20_000 });
      await shot(page, '18-phone-summary-submitted');
      const api = await ctx.api.as(ctx.emails.reporter);
      const s = await api.get(`/campaigns/${ctx.state.campaignId}/organizations/${ctx.orgs.school1}/summary`);
      assert.equal(s.status, 'SUBMITTED');
      ctx.state.submitted = true;
    },
  },
  {
    name: 'organizer sees progress and charts, approves the summary and downloads the .docx',
    needs: ['organizer', 'submitted', 'unit'],
    timeout: 120_000,
    async run(ctx) {
      const { page } = ctx.state.organizer;
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=progress`);
      await page.getByTestId('progress-board').getByText('某县第一中学').first().waitFor();
      await shot(page, 'progress-board');
      // Units can join later: the organizer's tree, every school ticked, all of them already take part.
      await page.getByTestId('add-participants').click();
      await page.getByRole('dialog').getByRole('tree').getByText('某县教育局').waitFor();
      await page.getByRole('dialog').getByTestId('pick-all').click();
      await page.getByTestId('add-participants-ok').click();
      await page.locator('.ant-message').getByText('所选单位均已参与，没有新增').waitFor();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      // The notice's 文号 corrected after creation: the page shows the new one.
      await page.getByTestId('edit-campaign').click();
      const notice = page.getByRole('dialog');
      await notice.getByLabel('文号').fill('县教〔2026〕19号');
      await notice.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-message').getByText('基本信息已保存').waitFor();
      await page.getByText('县教〔2026〕19号', { exact: false }).first().waitFor();
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=stats`);
      await page.getByTestId('stats').locator('canvas').first().waitFor();
      await page.waitForTimeout(800);
      await shot(page, '20-stats-charts');
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=review`);
      await page.getByTestId(`review-${ctx.orgs.school1}`).click();
      await page.getByTestId('summary-document').waitFor();
      // Under the summary, the unit's own ledger: its events by title (no other unit's), the photo count,
      // and an event opened to what happened and its photo, the full image a click away.
      const ledger = page.getByTestId('review-ledger');
      const online = ctx.state.onlineEvent;
      const mine = [online.title, ctx.state.offlineEvent?.title].filter(Boolean);
      for (const title of mine)
        await ledger.getByTestId('review-ledger-title').getByText(title, { exact: true }).waitFor();
      assert.equal(await ledger.getByText('校门口张贴反诈海报').count(), 0, 'no event of another unit');
      const row = ledger.locator('tr', { has: page.getByText(online.title, { exact: true }) });
      assert.equal((await row.getByTestId('review-ledger-photos').textContent())?.trim(), '1 张照片');
      await row.getByTestId('review-ledger-title').click();
      const details = ledger.getByTestId('review-ledger-details');
      await details.getByText('周一升旗仪式后，由陈校长作防范电信网络诈骗专题讲话。').waitFor();
      await details.getByText('现场照片（1 张）').waitFor();
      assert.ok((await details.getByText('未填写').count()) > 0, 'a count the unit left empty reads 未填写, not 0');
      await thumbnailsLoaded(page, '[data-testid="review-ledger-details"]', 1);
      assert.equal(await details.getByTestId('photo-add').count(), 0, 'a reviewer adds no photos');
      // Markdown waits under 更多格式 (Word and PDF are what offices send)
      await page.getByTestId('download-more').first().click();
      await page.getByRole('menuitem', { name: '下载 Markdown' }).waitFor();
      await page.keyboard.press('Escape');
      await shot(page, '21-review-summary');
      await details.getByTestId('photo-thumb').click();
      await page.waitForFunction(() => {
        const img = document.querySelector('[data-testid="photo-full"]');
        return img?.complete && img.naturalWidth > 0;
      });
      assert.equal(await page.getByTestId('photo-remove').count(), 0, 'a reviewer removes no photos');
      await page.keyboard.press('Escape');
      await page.getByTestId('photo-full').waitFor({ state: 'hidden' });
      await page.getByTestId('approve-summary').click();
      // approving locks the unit's ledger: the reviewer confirms it first
      await page.locator('.ant-popover').getByText('台账将锁定').waitFor();
      await page.locator('#confirm-approve').click();
      await page.locator('.ant-tag').getByText('已审核通过').first().waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('download-docx').click(),
      ]);
      const path = join(shotsDir, '..', 'summary.docx');
      await download.saveAs(path);
      assert.equal(readFileSync(path).subarray(0, 2).toString(), 'PK', 'a .docx (zip) file');
      assert.match(download.suggestedFilename(), /\.docx$/);
      await shot(page, '22-review-approved');
      const api = await ctx.api.as(ctx.emails.organizer);
      const s = await api.get(`/campaigns/${ctx.state.campaignId}/organizations/${ctx.orgs.school1}/summary`);
      assert.equal(s.status, 'APPROVED');
      // The unit's ledger is now read-only: its phone says so and offers no record, save or delete.
      const unitPage = ctx.state.unit.page;
      await unitPage.goto(`${ctx.baseUrl}/unit/${ctx.state.campaignId}`);
      await unitPage.getByTestId('ledger-locked').getByText('总结已审核通过，本活动台账已锁定').waitFor();
      assert.equal(await unitPage.getByTestId('log-event').count(), 0, 'no 记录 button once approved');
      await unitPage.goto(`${ctx.baseUrl}/unit/${ctx.state.campaignId}/events/new`);
      await unitPage.getByTestId('ledger-locked').waitFor();
      assert.equal(await unitPage.getByTestId('event-submit').count(), 0, 'no record form once approved');
      await shot(unitPage, '22b-phone-ledger-locked', { fullPage: false });
    },
  },
  {
    name: 'organizer returns a summary with a comment; the unit sees it',
    needs: ['organizer', 'campaignId'],
    timeout: 120_000,
    async run(ctx) {
      const school2 = await ctx.api.as(ctx.emails.reporter2);
      const base = `/campaigns/${ctx.state.campaignId}/organizations/${ctx.orgs.school2}/summary`;
      const generated = await school2.post(base, { scope: 'UNIT' });
      // Submitted once the unit has written what only it can write: the API names what is missing (422).
      const missing = await school2.post(`${base}/submit`, { scope: 'UNIT' }).then(
        () => [],
        (err) => {
          if (err.status !== 422) throw err;
          return err.body?.details?.paragraphs ?? [];
        },
      );
      assert.ok(missing.includes('shortcomings'), `the API names the paragraphs to write: ${missing}`);
      const narrative = Object.fromEntries(missing.map((k) => [k, '按要求开展宣传，下一步持续推进。']));
      await school2.call('PATCH', base, { scope: 'UNIT', narrative }, { 'If-Match': String(generated.version) });
      await school2.post(`${base}/submit`, { scope: 'UNIT' });
      // A poster photo whose camera says it was taken two days before the event: shown to the reviewer.
      const events = list(
        await school2.get(`/campaigns/${ctx.state.campaignId}/events?organizationId=${ctx.orgs.school2}`),
      );
      const poster = events.find((e) => e.title === '校门口张贴反诈海报');
      const uploaded = await uploadPhoto(
        ctx,
        ctx.emails.reporter2,
        poster.id,
        await photoTakenOn('#6a1b9a', 'poster', day(-4)),
      );
      assert.equal(uploaded.capturedOutsideEventDay, true, 'the API flags the photo');
      const { page } = ctx.state.organizer;
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}/review/${ctx.orgs.school2}`);
      await page.getByTestId('summary-document').waitFor();
      const ledger = page.getByTestId('review-ledger');
      const titles = ['反诈专题班会', '校门口张贴反诈海报', '校讯通推送反诈提示'];
      await ledger.getByTestId('review-ledger-title').first().waitFor();
      assert.deepEqual(
        await ledger.getByTestId('review-ledger-title').allTextContents(),
        titles,
        "the unit's events, newest day first",
      );
      await ledger.getByText('共 3 条').waitFor();
      const posterRow = ledger.locator('tr', { has: page.getByText('校门口张贴反诈海报', { exact: true }) });
      await posterRow.getByTestId('review-ledger-offday').getByText('1 张非当日拍摄').waitFor();
      assert.equal(await ledger.getByTestId('review-ledger-offday').count(), 1, 'only the poster is flagged');
      await posterRow.getByTestId('review-ledger-title').click();
      const details = ledger.getByTestId('review-ledger-details');
      await details.getByText('张贴海报').first().waitFor();
      await thumbnailsLoaded(page, '[data-testid="review-ledger-details"]', 1);
      await details.getByTestId('photo-day-hint').getByText('拍摄日期与活动日期不同').waitFor();
      await shot(page, '23a-review-ledger-off-day-photo');
      // This unit's ledger as a workbook: its events, none of another unit's.
      const [ledgerFile] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('review-ledger-xlsx').click(),
      ]);
      const xlsxPath = join(shotsDir, '..', 'review-ledger.xlsx');
      await ledgerFile.saveAs(xlsxPath);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsxPath);
      const cells = [];
      book.worksheets[0].eachRow((r) => {
        r.eachCell((c) => {
          cells.push(String(c.text ?? ''));
        });
      });
      for (const title of titles) assert.ok(cells.includes(title), `the workbook lists ${title}`);
      assert.ok(!cells.includes(ctx.state.onlineEvent?.title ?? '-'), 'no event of another unit in the workbook');
      // An event logged after the unit submitted: the reviewer is told the figures no longer match.
      const late = await logEvent(ctx, school2, ctx.orgs.school2, {
        type: 'LECTURE',
        title: '提交后补记的班会',
        occurredOn: day(0),
        metrics: { audience: 40 },
      });
      await page.reload();
      await page.getByTestId('summary-outdated').getByText('总结中的数字与台账不一致', { exact: false }).waitFor();
      await shot(page, '23b-review-summary-outdated', { fullPage: false });
      await school2.call('DELETE', `/events/${late.id}`);
      await page.reload();
      await page.getByTestId('summary-document').waitFor();
      assert.equal(await page.getByTestId('summary-outdated').count(), 0, 'figures match the ledger again');
      await page.getByTestId('return-summary').click();
      const comment = '请补充典型案例和下一步打算。';
      await page.getByTestId('return-comment').fill(comment);
      await shot(page, '23-review-return', { fullPage: false });
      await page.locator('.ant-modal-footer .ant-btn-dangerous').click();
      await page.locator('.ant-tag').getByText('已退回修改').first().waitFor();
      const back = await school2.get(base);
      assert.equal(back.status, 'RETURNED');
      assert.equal(back.reviewerComment, comment);
      const unit = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.reporter2, PHONE);
      await unit.page.goto(`${ctx.baseUrl}/unit/${ctx.state.campaignId}/summary`);
      await unit.page.getByTestId('returned-comment').getByText(comment).waitFor();
      await shot(unit.page, '19-phone-summary-returned', { fullPage: false });
      // Regenerated after the return, the draft still carries the reviewer's comment until it is submitted.
      await unit.page
        .getByRole('button', { name: /按最新数据重新生成/ })
        .first()
        .click();
      await unit.page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await unit.page.locator('.ant-message').getByText('已生成新版本').waitFor();
      await unit.page.locator('.ant-tag').getByText('草稿').first().waitFor();
      await unit.page.getByTestId('returned-comment').getByText(comment).waitFor();
      await unit.context.close();
    },
  },
  {
    name: 'organizer on a phone: review and task cards show every action and column, a board card opens the unit',
    needs: ['campaignId', 'submitted', 'taskTitle'],
    timeout: 120_000,
    async run(ctx) {
      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.organizer, PHONE);
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
      /** Every element the locator finds lies inside the screen's width. */
      const allOnScreen = async (locator) => {
        const width = page.viewportSize().width;
        const boxes = await Promise.all((await locator.all()).map((l) => l.boundingBox()));
        return boxes.length > 0 && boxes.every((b) => b && b.x >= 0 && b.x + b.width <= width + 1);
      };
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=review`);
      const card = page.getByTestId('review-card').filter({ has: page.getByTestId(`review-${ctx.orgs.school1}`) });
      await card.waitFor();
      for (const id of [`review-${ctx.orgs.school1}`, 'download-docx', 'download-pdf', 'download-more'])
        assert.ok(await allOnScreen(card.getByTestId(id)), `${id} is on the phone screen`);
      assert.match((await card.getByTestId('download-docx').textContent()) ?? '', /下载 Word/);
      assert.ok(await fits(), 'the review list fits the phone screen (no sideways scrolling)');
      await shot(page, '26a-phone-organizer-review', { fullPage: false });

      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=tasks`);
      const task = page.getByTestId('task-card').filter({ hasText: ctx.state.taskTitle }).first();
      await task.waitFor();
      // what the desktop's 时限 / 状态 / 下级完成 columns say, on the card itself
      const text = (await task.textContent()) ?? '';
      assert.match(text, /前完成/, `the time limit is on the card: ${text}`);
      assert.match(text, /下级完成 \d+\/\d+/, `the units' progress is on the card: ${text}`);
      assert.ok(await allOnScreen(task.locator('.ant-tag')), 'the status is on the phone screen');
      await task.getByTestId('task-children-toggle').click();
      assert.ok((await task.getByTestId('task-child').count()) >= 2, "the units' own tasks open under it");
      assert.ok(await fits(), 'the tasks fit the phone screen (no sideways scrolling)');
      await shot(page, '26b-phone-organizer-tasks', { fullPage: false });

      // A tap on a unit's card on the board opens what its row's link opens on a desktop: its summary.
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=progress`);
      await page.getByTestId(`progress-card-${ctx.orgs.school1}`).click();
      await page.waitForURL(`**/campaigns/${ctx.state.campaignId}/review/${ctx.orgs.school1}`);
      await page.getByTestId('summary-document').waitFor();
      await context.close();
    },
  },
  {
    name: 'superior: roll-up of the subtree, and the zip of every summary',
    needs: ['organizer', 'submitted', 'officeLeader'],
    timeout: 120_000,
    async run(ctx) {
      const { page } = ctx.state.organizer;
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=review`);
      await page.getByTestId('open-rollup').click();
      await page.getByTestId('generate-summary').click();
      await page.getByTestId('summary-document').waitFor({ timeout: 30_000 });
      // The office's own 领导小组, recorded on the month's page, is named in the roll-up's first section.
      await page.getByTestId('summary-document').getByText(ctx.state.officeLeader, { exact: false }).first().waitFor();
      // An organizer above the units edits its roll-up's narrative.
      await page.getByTestId('edit-summary').click();
      await page.locator('[data-narrative="shortcomings"]').fill('个别单位活动开展不平衡，下一步将加强督导。');
      await page.getByTestId('save-summary').click();
      await page.locator('.ant-message').getByText('已保存').waitFor();
      await shot(page, '24-rollup');
      assert.equal(await page.getByTestId('submit-summary').count(), 0, 'a roll-up is not submitted by its organizer');
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=review`);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('download-zip').click(),
      ]);
      const path = join(shotsDir, '..', 'summaries.zip');
      await download.saveAs(path);
      assert.equal(readFileSync(path).subarray(0, 2).toString(), 'PK', 'a zip file');
    },
  },
  {
    name: "viewer on a phone reads a unit's ledger and its photos under the summary",
    needs: ['submitted', 'onlineEvent'],
    async run(ctx) {
      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.viewer, PHONE);
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}/review/${ctx.orgs.school1}`);
      await page.getByTestId('summary-document').waitFor();
      const ledger = page.getByTestId('review-ledger');
      const online = ctx.state.onlineEvent;
      const card = ledger
        .getByTestId('review-ledger-row')
        .filter({ has: page.getByText(online.title, { exact: true }) });
      await card.waitFor();
      await card.getByTestId('review-ledger-toggle').click();
      await card.getByTestId('review-ledger-details').waitFor();
      await thumbnailsLoaded(page, '[data-testid="review-ledger-details"]', 1);
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
        'the ledger fits the phone screen (no sideways scrolling)',
      );
      await ledger.scrollIntoViewIfNeeded();
      await shot(page, '25a-phone-viewer-review-ledger');
      await context.close();
    },
  },
  {
    name: 'viewer reads the board and the charts, and may not create campaigns',
    needs: ['campaignId'],
    async run(ctx) {
      const { context, page } = await signIn(ctx.browser, ctx.baseUrl, ctx.emails.viewer);
      await page.waitForURL('**/campaigns');
      await page.getByText(ctx.state.campaignTitle).first().click();
      await page.getByTestId('progress-board').getByText('某县第一中学').first().waitFor();
      assert.equal(await page.getByTestId('new-campaign').count(), 0);
      // A typed or bookmarked /campaigns/new says 无权限 at once instead of offering the wizard.
      await page.goto(`${ctx.baseUrl}/campaigns/new`);
      await page.getByText('无权限').waitFor();
      assert.equal(await page.getByTestId('wizard-next').count(), 0, 'no wizard for a viewer');
      await page.goto(`${ctx.baseUrl}/campaigns`);
      await page.getByText(ctx.state.campaignTitle).first().waitFor();
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=tasks`);
      await page.getByTestId('tasks-panel').waitFor();
      assert.equal(await page.getByTestId('cascade-submit').count(), 0, 'no task form for a viewer');
      await page.goto(`${ctx.baseUrl}/campaigns/${ctx.state.campaignId}?tab=stats`);
      await page.getByTestId('stats').locator('canvas').first().waitFor();
      await page.getByTestId('language-switch').click();
      await page.getByRole('tab', { name: 'Statistics' }).waitFor();
      await page.waitForTimeout(600);
      await shot(page, '25-viewer-stats-english');
      await page.getByTestId('language-switch').click();
      // The menu opens with an animation right after the language switch re-rendered it; a click that lands
      // while it is still moving can miss (seen twice under load, the menu left open): try again then.
      const signOut = page.getByRole('menuitem', { name: /退出登录/ });
      for (let attempt = 0; attempt < 3 && !new URL(page.url()).pathname.endsWith('/login'); attempt += 1) {
        if (!(await signOut.isVisible())) await page.getByTestId('user-menu').click();
        await signOut.click().catch(() => {});
        await page.waitForURL('**/login', { timeout: 5_000 }).catch(() => {});
      }
      await page.waitForURL('**/login');
      assert.equal(
        await page.evaluate(() => localStorage.getItem('cm.session')),
        null,
        'tokens are gone after sign-out',
      );
      await context.close();
    },
  },
];
