// 最近催办 on the unit's pages: who chased the unit, when, with what note (GET …/reminders). Nothing
// when nobody has chased it.
import { BellOutlined } from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChases } from '../../api/notify.js';
import { useRoles } from '../../auth/auth.js';
import { formatDateTime } from '../../lib/dates.js';

export function RecentChases({ campaignId, orgId }: { campaignId: string; orgId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useRoles();
  const chases = useChases(campaignId, orgId);
  const items = chases.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card
      size="small"
      title={
        <span>
          <BellOutlined style={{ color: '#cf1322', marginInlineEnd: 6 }} />
          {t('chase.recent')}
        </span>
      }
      style={{ marginBottom: 12, borderColor: '#ffccc7' }}
      data-testid="recent-chases"
    >
      <List
        size="small"
        dataSource={items.slice(0, 3)}
        renderItem={(c) => (
          <List.Item style={{ paddingInline: 0 }} data-testid="recent-chase">
            <div>
              <Typography.Text>
                {t('chase.recentItem', {
                  name: c.actorName ?? t('chase.someone'),
                  time: formatDateTime(c.createdAt, i18n.language, timeZone),
                })}
              </Typography.Text>
              {c.filter && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  · {t(`chase.filter.${c.filter}`, { defaultValue: c.filter })}
                </Typography.Text>
              )}
              {c.message && (
                <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}>
                  “{c.message}”
                </Typography.Paragraph>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
