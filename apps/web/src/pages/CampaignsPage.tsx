import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Grid, List, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCampaigns } from '../api/queries.js';
import type { CampaignView } from '../api/types.js';
import { useRoles } from '../auth/auth.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageTitle } from '../components/PageTitle.js';
import { CampaignStatusTag } from '../components/StatusBadges.js';
import { formatDay, formatPeriod } from '../lib/dates.js';
import { FirstSteps } from './home/FirstSteps.js';

export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const campaigns = useCampaigns();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const lang = i18n.language;

  const create = roles.canOrganize && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => navigate('/campaigns/new')}
      data-testid="new-campaign"
    >
      {t('campaigns.new')}
    </Button>
  );

  return (
    <>
      <PageTitle title={t('campaigns.title')} sub={t('campaigns.subtitle')} extra={create} />
      <FirstSteps campaigns={campaigns.data?.length} />
      <ErrorAlert error={campaigns.error} />
      {campaigns.isLoading ? (
        <Skeleton active />
      ) : !campaigns.data?.length ? (
        <Card>
          <Empty description={roles.canOrganize ? t('campaigns.emptyOrganizer') : t('campaigns.empty')}>{create}</Empty>
        </Card>
      ) : phone ? (
        <List
          dataSource={campaigns.data}
          renderItem={(c) => (
            <Card size="small" style={{ marginBottom: 12 }} onClick={() => navigate(`/campaigns/${c.id}`)} hoverable>
              <Typography.Text strong>{c.title}</Typography.Text>
              <div style={{ marginTop: 4 }}>
                <CampaignStatusTag status={c.status} />
                <Typography.Text type="secondary">{formatPeriod(c.startsOn, c.endsOn, lang)}</Typography.Text>
              </div>
            </Card>
          )}
        />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<CampaignView>
            rowKey="id"
            dataSource={campaigns.data}
            pagination={false}
            onRow={(c) => ({ onClick: () => navigate(`/campaigns/${c.id}`), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('campaigns.col.title'),
                dataIndex: 'title',
                render: (v: string, c) => <Link to={`/campaigns/${c.id}`}>{v}</Link>,
              },
              {
                title: t('campaigns.col.status'),
                dataIndex: 'status',
                width: 110,
                render: (s) => <CampaignStatusTag status={s} />,
              },
              {
                title: t('campaigns.col.period'),
                width: 240,
                render: (_, c) => formatPeriod(c.startsOn, c.endsOn, lang),
              },
              {
                title: t('campaigns.col.reportDue'),
                dataIndex: 'reportDueOn',
                width: 130,
                render: (d: string) => formatDay(d, lang),
              },
              { title: t('campaigns.col.organizer'), dataIndex: 'organizerName', width: 200, render: (v) => v ?? '—' },
            ]}
          />
        </Card>
      )}
    </>
  );
}
