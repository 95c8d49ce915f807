// Each platform's own message format (pure functions, unit-tested):
// - 企业微信 group robot: POST {"msgtype":"markdown","markdown":{"content": …}} to its webhook URL;
//   it answers {"errcode":0,"errmsg":"ok"}.
// - 钉钉 group robot: POST {"msgtype":"markdown","markdown":{"title","text"}}; with 加签 the URL carries
//   &timestamp=<ms>&sign=<urlencode(base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)))>; answers errcode 0.
// - generic webhook: POST the notification as JSON; with a secret, X-Signature: sha256=<hex HMAC of the body>.
import { createHmac } from 'node:crypto';

export interface OutboundMessage {
  kind: string;
  title: string;
  body: string;
  /** Absolute when PUBLIC_URL is set, else a path of the web app. */
  link: string | null;
  campaignId: string | null;
  organizationId: string | null;
  sentAt: string;
}

/** Markdown that both robots render: a heading, the body's lines, the link. */
function markdown(m: OutboundMessage): string {
  const lines = [`### ${m.title}`, '', m.body.replace(/\n/g, '\n\n')];
  if (m.link && /^https?:\/\//.test(m.link)) lines.push('', `[查看详情](${m.link})`);
  else if (m.link) lines.push('', `详情：${m.link}`);
  return lines.join('\n');
}

export function wecomPayload(m: OutboundMessage): { msgtype: 'markdown'; markdown: { content: string } } {
  // the robot takes at most 4096 bytes of content
  return { msgtype: 'markdown', markdown: { content: truncateBytes(markdown(m), 4000) } };
}

export function dingtalkPayload(m: OutboundMessage): {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
} {
  return { msgtype: 'markdown', markdown: { title: m.title, text: truncateBytes(markdown(m), 18_000) } };
}

/** The 钉钉 加签 signature of a timestamp (ms), as its documentation computes it. */
export function dingtalkSign(timestamp: number, secret: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  return encodeURIComponent(digest);
}

/** The robot URL with timestamp and sign appended (unchanged without a secret). */
export function dingtalkUrl(url: string, secret: string | null, now = Date.now()): string {
  if (!secret) return url;
  const sep = url.includes('?') ? '&' : '?';
  return `${url}${sep}timestamp=${now}&sign=${dingtalkSign(now, secret)}`;
}

export function webhookPayload(m: OutboundMessage): OutboundMessage & { event: 'notification' } {
  return { event: 'notification', ...m };
}

export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** A robot that answered HTTP 200 may still refuse the message: errcode ≠ 0 is a failure. */
export function robotRefusal(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { errcode?: unknown; errmsg?: unknown };
    if (typeof parsed.errcode === 'number' && parsed.errcode !== 0)
      return `errcode ${parsed.errcode}: ${String(parsed.errmsg ?? '')}`;
  } catch {
    // not JSON: judged by the HTTP status alone
  }
  return null;
}

function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = text;
  while (Buffer.byteLength(out) > max - 3) out = out.slice(0, Math.floor(out.length * 0.9));
  return `${out}…`;
}
