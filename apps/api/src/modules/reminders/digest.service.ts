// The daily digest: one e-mail per user gathering what reached them today and is still unread; none when
// there is nothing. Once per user per day however many processes run it: the delivery's dedupe key
// "digest:<user>:<day>" is unique per tenant, so only the statement that inserts it enqueues a job.
// Users without an e-mail address, or a deployment without SMTP_URL, get the bell only.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { Prisma } from '../../generated/prisma/client.js';
import { NotificationWriter } from '../notifications/notification-writer.service.js';

const MAX_ITEMS = 50;

@Injectable()
export class DigestService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(NotificationWriter) private readonly writer: NotificationWriter,
  ) {}

  /** Writes and enqueues today's digests of the tenant; returns how many were new. */
  async send(tenantId: string, today: string): Promise<number> {
    if (!this.config.notify.smtpUrl) return 0;
    const rows = await this.prisma.$queryRaw<{ id: string }[]>(
      digestSql(tenantId, today, this.config.notify.publicUrl),
    );
    await this.writer.dispatch(rows.map((r) => r.id));
    return rows.length;
  }
}

export function digestSql(tenantId: string, today: string, publicUrl: string | null): Prisma.Sql {
  const where = publicUrl ? `${publicUrl}/` : '系统';
  return Prisma.sql`
WITH items AS (
  SELECT n.user_id, n.title,
         row_number() OVER (PARTITION BY n.user_id ORDER BY n.created_at DESC, n.id) AS rn,
         count(*) OVER (PARTITION BY n.user_id) AS total
    FROM notification n
   WHERE n.tenant_id = ${tenantId}::uuid AND n.day = ${today}::date AND n.read_at IS NULL
), digest AS (
  SELECT i.user_id, max(i.total)::int AS total, string_agg(i.rn || '. ' || i.title, E'\n' ORDER BY i.rn) AS lines
    FROM items i
   WHERE i.rn <= ${MAX_ITEMS}
   GROUP BY i.user_id
)
INSERT INTO notification_delivery (tenant_id, dedupe_key, kind, recipients, user_id, title, body, link)
SELECT u.tenant_id, 'digest:' || u.id || ':' || ${today}, 'EMAIL'::"ChannelKind", ARRAY[u.email], u.id,
       '督办日报（' || ${today} || '）：待关注事项' || d.total || '项',
       u.name || '，您好：' || E'\n\n' || '今日需要您关注的事项共' || d.total || '项：' || E'\n' || d.lines
         || CASE WHEN d.total > ${MAX_ITEMS} THEN E'\n……' ELSE '' END
         || E'\n\n' || '详情请登录' || ${where} || '查看（右上角铃铛）。',
       '/'
  FROM digest d
  JOIN app_user u ON u.tenant_id = ${tenantId}::uuid AND u.id = d.user_id AND u.is_active AND u.email IS NOT NULL
ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
RETURNING id`;
}
