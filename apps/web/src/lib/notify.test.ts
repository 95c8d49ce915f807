import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import { te, tz } from '../i18n/testing.js';
import {
  badgeText,
  chaseResultMessage,
  formToRules,
  jobDone,
  kindColor,
  kindLabel,
  NOTIFICATION_KINDS,
  type ReminderRules,
  rulesToForm,
  testResults,
} from './notify.js';

describe('kindLabel', () => {
  it('names every kind the API sends, in Chinese and English', () => {
    expect(kindLabel('CHASE', tz)).toBe('催办');
    expect(kindLabel('TASK_OVERDUE', tz)).toBe('任务已逾期');
    expect(kindLabel('SUMMARY_RETURNED', tz)).toBe('总结被退回');
    expect(kindLabel('TASK_DUE_SOON', te)).toBe('Task due soon');
    for (const k of NOTIFICATION_KINDS) {
      expect(kindLabel(k, tz)).not.toMatch(/^notify\./);
      expect(Object.keys(en.notify.kind)).toContain(k);
    }
  });
  it('reads an unknown or missing kind as 通知', () => {
    expect(kindLabel('SOMETHING_NEW', tz)).toBe('通知');
    expect(kindLabel(undefined, tz)).toBe('通知');
    expect(kindLabel(null, te)).toBe('Notice');
    expect(kindColor('SOMETHING_NEW')).toBe('blue');
    expect(kindColor('TASK_OVERDUE')).toBe('red');
  });
  it('caps the badge at 99+', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});

describe('chaseResultMessage', () => {
  const skipped = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ organizationId: `o${i}`, reason: 'CHASED_THIS_HOUR' }));
  it('says how many units and people were reached', () => {
    expect(chaseResultMessage({ units: 3, recipients: 5, skipped: [] }, tz)).toEqual({
      type: 'success',
      text: '已催办 3 个单位，通知 5 人',
    });
  });
  it('adds the units skipped within the hour', () => {
    expect(chaseResultMessage({ units: 2, recipients: 4, skipped: skipped(1) }, tz).text).toBe(
      '已催办 2 个单位，通知 4 人；1 个单位一小时内已催办过，已跳过',
    );
  });
  it('warns when every unit was skipped, or nothing was to be chased', () => {
    expect(chaseResultMessage({ units: 0, recipients: 0, skipped: skipped(2) }, tz)).toEqual({
      type: 'warning',
      text: '2 个单位一小时内已催办过，已跳过',
    });
    expect(chaseResultMessage({ units: 0, recipients: 0, skipped: [] }, tz)).toEqual({
      type: 'warning',
      text: '没有需要催办的单位',
    });
  });
  it('reads in English too', () => {
    expect(chaseResultMessage({ units: 1, recipients: 2, skipped: skipped(3) }, te).text).toBe(
      'Units chased: 1, people notified: 2; skipped 3 chased within the last hour',
    );
  });
});

describe('reminder rules as a form', () => {
  const rules: ReminderRules = {
    dueSoonDays: 2,
    overdue: true,
    escalateAfterDays: null,
    noGroupByDay: 5,
    noEventDays: null,
    summaryDueSoonDays: 0,
    digestHour: 8,
  };
  it('turns null into a switched-off rule with a starting value, and back into null', () => {
    const f = rulesToForm(rules);
    expect(f.escalateAfterDays).toEqual({ on: false, value: 3 });
    expect(f.noGroupByDay).toEqual({ on: true, value: 5 });
    expect(f.summaryDueSoonDays).toEqual({ on: true, value: 0 });
    expect(formToRules(f)).toEqual(rules);
  });
  it('sends every field, a rule switched on with its value', () => {
    const f = rulesToForm(rules);
    f.noEventDays = { on: true, value: 4 };
    f.noGroupByDay = { on: false, value: 5 };
    const out = formToRules(f);
    expect(Object.keys(out).sort()).toEqual(Object.keys(rules).sort());
    expect(out.noEventDays).toBe(4);
    expect(out.noGroupByDay).toBeNull();
  });
});

describe('channel test job', () => {
  it('is done once completed, failed or cancelled', () => {
    expect(['QUEUED', 'RUNNING', 'RETRYING'].map(jobDone)).toEqual([false, false, false]);
    expect(['COMPLETED', 'FAILED', 'CANCELLED'].map(jobDone)).toEqual([true, true, true]);
  });
  it("reads each channel's result from the job's result", () => {
    const r = testResults({
      channels: 2,
      sent: 1,
      results: [
        { channelId: 'a', kind: 'WECOM', ok: true, status: null, message: null },
        { channelId: 'b', kind: 'DINGTALK', ok: false, status: 500, message: 'errcode 310000' },
      ],
    });
    expect(r).toEqual([
      { channelId: 'a', kind: 'WECOM', ok: true, status: null, message: null },
      { channelId: 'b', kind: 'DINGTALK', ok: false, status: 500, message: 'errcode 310000' },
    ]);
    expect(testResults(null)).toEqual([]);
  });
});
