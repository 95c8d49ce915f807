import { Card, Empty, List, Select, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useCampaigns } from '../../api/queries.js';
import { useRoles } from '../../auth/auth.js';
import { chooseUnit, useUnit } from '../../auth/unit.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { CampaignStatusTag } from '../../components/StatusBadges.js';
import { formatPeriod } from '../../lib/dates.js';

export function UnitSwitcher() {
  const roles = useRoles();
  const unit = useUnit();
  if (roles.reporterOrgs.length < 2) return null;
  return (
    <Select
      value={unit?.id}
      onChange={chooseUnit}
      options={roles.reporterOrgs.map((o) => ({ value: o.id, label: o.name }))}
      style={{ minWidth: 200 }}
    />
  );
}

export function UnitHomePage() {
  const { t, i18n } = useTranslation();
  const unit = useUnit();
  const campaigns = useCampaigns();
  const navigate = useNavigate();
  const active = (campaigns.data ?? []).filter((c) => c.status === 'ACTIVE');
  if (!unit) return <Empty description={t('unit.noUnit')} />;
  if (campaigns.data && active.length === 1) return <Navigate to={`/unit/${active[0].id}`} replace />;
  return (
    <>
      <PageTitle title={unit.name} sub={t('unit.pickCampaign')} extra={<UnitSwitcher />} />
      <ErrorAlert error={campaigns.error} />
      {campaigns.isLoading ? (
        <Skeleton active />
      ) : (
        <List
          dataSource={campaigns.data ?? []}
          locale={{ emptyText: <Empty description={t('unit.noCampaigns')} /> }}
          renderItem={(c) => (
            <Card hoverable size="small" style={{ marginBottom: 12 }} onClick={() => navigate(`/unit/${c.id}`)}>
              <Typography.Text strong>{c.title}</Typography.Text>
              <div>
                <Space size={8} wrap>
                  <CampaignStatusTag status={c.status} />
                  <Typography.Text type="secondary">
                    {formatPeriod(c.startsOn, c.endsOn, i18n.language)}
                  </Typography.Text>
                </Space>
              </div>
            </Card>
          )}
        />
      )}
    </>
  );
}
