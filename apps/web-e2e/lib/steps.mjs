// Steps the browser scenarios share: calendar days, date pickers, the event form's counts, the wizard's
// basics, and logging an event on a phone.

/** The day `offset` days from today in Asia/Shanghai, as YYYY-MM-DD. */
export const day = (offset) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
};

/** Types a day into an antd date picker; Enter confirms it (Tab where Enter would submit the form). */
export async function pickDate(input, value, key = 'Enter') {
  await input.click();
  await input.fill(value);
  await input.press(key);
}

/** The n-th count field of the event form (antd may put the test id on the input or around it). */
export function metricInput(page, n) {
  return page.locator('input[data-testid^="metric-"], [data-testid^="metric-"] input').nth(n);
}

/** The wizard's 基本信息 step: a month from five days ago to twenty days ahead, with its notice. */
export async function fillWizardBasics(page, { title, directiveTitle, directiveNumber }) {
  await page.getByLabel('活动名称').fill(title);
  await pickDate(page.getByPlaceholder('开始日期'), day(-5));
  await pickDate(page.getByPlaceholder('结束日期'), day(20));
  await pickDate(page.getByLabel('总结报送截止日'), day(25));
  await page.getByLabel('通知文件').fill(directiveTitle);
  await page.getByLabel('文号').fill(directiveNumber);
}

/** On the unit's phone home: 记录一次活动 of a type found by `typeText`, at `location`, with a first count. */
export async function logEventOnPhone(page, { typeText, location, count, description }) {
  await page.getByTestId('log-event').click();
  await pickOption(page, typeText, 'event-type');
  await page.getByTestId('event-location').fill(location);
  await metricInput(page, 0).fill(String(count));
  await page.getByTestId('event-description').fill(description);
}

/** Picks an option of a select by its text (the event form's short lists are plain pickers, no search box). */
export async function pickOption(page, typeText, testId) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: typeText }).first().click();
}
