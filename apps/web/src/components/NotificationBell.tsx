// The bell in the header: the unread count (polled every 60 s and on focus), and the newest notifications
// in a dropdown on a desktop or a drawer on a phone. Opening one marks it read and goes to its page.
import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Drawer, Empty, List, Popover, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../api/errors.js';
import { type NotificationView, notifyKeys, notifyMutations, useNotifications, useUnreadCount } from '../api/notify.js';
import { useRoles } from '../auth/auth.js';
import { formatDateTime } from '../lib/dates.js';
import { badgeText, kindColor, kindLabel } from '../lib/notify.js';

function MarkAllRead() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const unread = useUnreadCount();
  const markAll = async () => {
    try {
      const r = await notifyMutations.markRead({ all: true });
      qc.setQueryData(notifyKeys.unread, r.unread);
      message.success(t('notify.markedAll'));
      await qc.invalidateQueries({ queryKey: notifyKeys.all });
    } catch (err) {
      message.error(describeError(err, t));
    }
  };
  return (
    <Button size="small" type="link" disabled={!unread.data} onClick={markAll} data-testid="notifications-read-all">
      {t('notify.markAll')}
    </Button>
  );
}

function NotificationList({
  onDone,
  heading = true,
  active = true,
}: {
  onDone: () => void;
  heading?: boolean;
  /** read the list only while it is on screen */
  active?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useNotifications(active);
  const { timeZone } = useRoles();
  const refresh = () => qc.invalidateQueries({ queryKey: notifyKeys.all });

  const open = async (n: NotificationView) => {
    onDone();
    if (!n.readAt)
      await notifyMutations
        .markRead({ ids: [n.id] })
        .then((r) => qc.setQueryData(notifyKeys.unread, r.unread))
        .catch(() => {});
    void refresh();
    if (n.link?.startsWith('/')) navigate(n.link);
  };
  const items = list.data?.items ?? [];
  return (
    <div className="cm-bell-list" data-testid="notification-list">
      {heading && (
        <div className="cm-bell-list-head">
          <Typography.Text strong>{t('notify.title')}</Typography.Text>
          <MarkAllRead />
        </div>
      )}
      {list.isLoading ? (
        <Spin style={{ display: 'block', padding: 24 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? 'cm-bell-item' : 'cm-bell-item cm-bell-item-unread'}
              onClick={() => open(n)}
              data-testid="notification-item"
              data-unread={n.readAt ? 'false' : 'true'}
            >
              <div style={{ minWidth: 0, width: '100%' }}>
                <div className="cm-bell-item-top">
                  <Tag color={kindColor(n.kind)} style={{ marginInlineEnd: 6 }}>
                    {kindLabel(n.kind, t)}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {formatDateTime(n.createdAt, i18n.language, timeZone)}
                  </Typography.Text>
                </div>
                <div className="cm-bell-item-title">{n.title}</div>
                {n.body && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
                    {n.body}
                  </Typography.Paragraph>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

export function NotificationBell({ phone }: { phone: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const button = (
    <Button
      type="text"
      aria-label={count ? `${t('notify.bell')} · ${t('notify.unreadCount', { count })}` : t('notify.bell')}
      data-testid="bell"
      data-unread={count}
      onClick={phone ? () => setOpen(true) : undefined}
      style={{ color: '#fff' }}
      icon={
        <Badge count={count} overflowCount={99} size="small" offset={[2, -2]} title={badgeText(count)}>
          <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
        </Badge>
      }
    />
  );
  if (phone)
    return (
      <>
        {button}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="right"
          size={340}
          title={t('notify.title')}
          extra={<MarkAllRead />}
          styles={{ body: { padding: 0 } }}
        >
          {open && <NotificationList heading={false} onDone={() => setOpen(false)} />}
        </Drawer>
      </>
    );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      styles={{ container: { padding: 0 } }}
      // a Popover without content never opens: the list is always given, and reads only while open
      content={<NotificationList active={open} onDone={() => setOpen(false)} />}
    >
      {button}
    </Popover>
  );
}
