// Sends one message through one channel (robot, webhook or e-mail). Throws SendFailure with the HTTP status
// (or null) and a message: the caller records it on the channel and lets pg-boss retry.
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import type { ChannelKind } from '@campaign-month/contracts';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import {
  dingtalkPayload,
  dingtalkUrl,
  type OutboundMessage,
  robotRefusal,
  webhookPayload,
  webhookSignature,
  wecomPayload,
} from './channel-formats.js';
import { postJson, UnsafeUrl } from './safe-http.js';

export class SendFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export interface ChannelTarget {
  kind: ChannelKind;
  url: string | null;
  secret: string | null;
  recipients: string[];
}

@Injectable()
export class ChannelSender implements OnModuleDestroy {
  private mailer: Promise<Transporter> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  absolute(link: string | null): string | null {
    if (!link) return null;
    return this.config.notify.publicUrl ? `${this.config.notify.publicUrl}${link}` : link;
  }

  async send(target: ChannelTarget, m: OutboundMessage): Promise<void> {
    if (target.kind === 'EMAIL') return this.email(target.recipients, m);
    if (!target.url) throw new SendFailure('the channel has no URL', null);
    const allowPrivate = this.config.notify.allowPrivateUrls;
    let res: { status: number; body: string };
    try {
      if (target.kind === 'WECOM') res = await postJson(target.url, wecomPayload(m), { allowPrivate });
      else if (target.kind === 'DINGTALK')
        res = await postJson(dingtalkUrl(target.url, target.secret), dingtalkPayload(m), { allowPrivate });
      else {
        const payload = webhookPayload(m);
        const headers: Record<string, string> = target.secret
          ? { 'x-signature': webhookSignature(JSON.stringify(payload), target.secret) }
          : {};
        res = await postJson(target.url, payload, { allowPrivate, headers });
      }
    } catch (error) {
      const msg = error instanceof UnsafeUrl ? `refused: ${error.message}` : (error as Error).message;
      throw new SendFailure(msg.slice(0, 500), null);
    }
    if (res.status < 200 || res.status >= 300)
      throw new SendFailure(`HTTP ${res.status}: ${res.body.slice(0, 200)}`, res.status);
    const refusal = target.kind === 'WEBHOOK' ? null : robotRefusal(res.body);
    if (refusal) throw new SendFailure(refusal, res.status);
  }

  private async email(to: string[], m: OutboundMessage): Promise<void> {
    if (!this.config.notify.smtpUrl) throw new SendFailure('e-mail is off: SMTP_URL is not set', null);
    if (!to.length) throw new SendFailure('no e-mail address', null);
    // one pooled transport per process: a digest morning sends thousands of messages over a few connections
    // (nodemailer is loaded on first use: a process that never sends e-mail does not pay for it at start-up)
    const smtpUrl = this.config.notify.smtpUrl;
    this.mailer ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 8, maxMessages: 1000 } as never, {
        from: this.config.notify.smtpFrom,
      }),
    );
    const mailer = await this.mailer;
    const link = m.link && /^https?:\/\//.test(m.link) ? `\n\n${m.link}` : '';
    try {
      await mailer.sendMail({ to, subject: m.title, text: `${m.body}${link}` });
    } catch (error) {
      const e = error as { responseCode?: number; message?: string };
      throw new SendFailure(`SMTP: ${String(e.message ?? error).slice(0, 400)}`, e.responseCode ?? null);
    }
  }

  async onModuleDestroy(): Promise<void> {
    (await this.mailer?.catch(() => null))?.close();
  }
}
