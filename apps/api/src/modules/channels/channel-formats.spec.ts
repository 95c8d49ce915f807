import { createHmac } from 'node:crypto';
import { dingtalkPayload, dingtalkSign, dingtalkUrl, robotRefusal, wecomPayload } from './channel-formats.js';

const message = {
  kind: 'CHASE',
  title: '催办：2026年全民反诈在行动集中宣传月',
  body: '王组织于12月6日 09:30催办工商银行滨江支行：请尽快登记本周活动',
  link: 'https://cm.example/unit/c1/tasks',
  campaignId: 'c1',
  organizationId: 'o1',
  sentAt: '2026-12-06T01:30:00.000Z',
};

describe('robot message formats', () => {
  it('企业微信: markdown with content', () => {
    const p = wecomPayload(message);
    expect(p.msgtype).toBe('markdown');
    expect(p.markdown.content).toBe(
      '### 催办：2026年全民反诈在行动集中宣传月\n\n王组织于12月6日 09:30催办工商银行滨江支行：请尽快登记本周活动\n\n[查看详情](https://cm.example/unit/c1/tasks)',
    );
  });

  it('钉钉: markdown with title and text; the signature is the documented HMAC-SHA256, base64, URL-encoded', () => {
    const p = dingtalkPayload(message);
    expect(p).toEqual({
      msgtype: 'markdown',
      markdown: { title: message.title, text: expect.stringContaining('请尽快登记') },
    });
    const secret = 'SEC000000000000000000000000000000000000000000000000000000000000000';
    const ts = 1_764_985_800_000;
    const raw = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
    expect(dingtalkSign(ts, secret)).toBe(encodeURIComponent(raw));
    expect(dingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', secret, ts)).toBe(
      `https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=${ts}&sign=${encodeURIComponent(raw)}`,
    );
    expect(dingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', null, ts)).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
    );
  });

  it('a robot’s errcode other than 0 is a failure even with HTTP 200', () => {
    expect(robotRefusal('{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(robotRefusal('{"errcode":310000,"errmsg":"sign not match"}')).toBe('errcode 310000: sign not match');
    expect(robotRefusal('<html>')).toBeNull();
  });
});
