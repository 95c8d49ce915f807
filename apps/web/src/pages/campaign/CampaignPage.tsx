import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Skeleton, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { describeError } from '../../api/errors.js';
import { keys, mutations, useCampaign, useProgress } from '../../api/queries.js';
import { useAuth, useRoles } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { CampaignStatusTag } from '../../components/StatusBadges.js';
import { formatDay, formatPeriod, todayIn } from '../../lib/dates.js';
import { AddParticipants } from './AddParticipants.js';
import { EditCampaign } from './EditCampaign.js';
import { OrganizerGroupPanel } from './OrganizerGroupPanel.js';
import { ProgressBoard } from './ProgressBoard.js';
import { ReminderRulesPanel } from './ReminderRulesPanel.js';
import { ReviewPanel } from './ReviewPanel.js';
import { StatsCharts } from './StatsCharts.js';
import { TasksPanel } from './TasksPanel.js';

export function CampaignPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const roles = useRoles();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'progress';
  const campaign = useCampaign(id);
  const today = todayIn(roles.timeZone);
  const progress = useProgress(campaign.data, today);
  const c = campaign.data;
  const canWrite = c?.canManage ?? me?.permissions.includes('campaign:write') ?? false;
  const canTask = me?.permissions.includes('task:create') ?? false;
  // the organizing office's own group: its organizers (campaign:write there) and its reporters record it
  const canRecordGroup = canWrite || roles.reporterOrgs.some((o) => o.id === c?.organizerOrgId);

  if (campaign.isLoading) return <Skeleton active />;
  if (!c) return <ErrorAlert error={campaign.error} />;

  const transition = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      await qc.invalidateQueries({ queryKey: keys.campaign(id) });
      await qc.invalidateQueries({ queryKey: keys.campaigns });
    } catch (err) {
      message.error(describeError(err, t));
    }
  };

  return (
    <>
      <PageTitle
        title={c.title}
        sub={
          <Space wrap size={8}>
            <CampaignStatusTag status={c.status} />
            <span>{formatPeriod(c.startsOn, c.endsOn, i18n.language)}</span>
            <span>{t('campaign.reportDue', { day: formatDay(c.reportDueOn, i18n.language) })}</span>
          </Space>
        }
        extra={
          canWrite && (
            <>
              {c.status !== 'CLOSED' && <EditCampaign campaign={c} />}
              {c.status !== 'CLOSED' && c.organizerOrgId && (
                <AddParticipants campaignId={c.id} organizerOrgId={c.organizerOrgId} />
              )}
              {c.status === 'DRAFT' && (
                <Button
                  type="primary"
                  onClick={() => transition(() => mutations.launch(c.id), t('campaign.launched'))}
                  data-testid="launch"
                >
                  {t('campaign.launch')}
                </Button>
              )}
              {c.status === 'ACTIVE' && (
                <Popconfirm
                  title={t('campaign.closeConfirm')}
                  onConfirm={() => transition(() => mutations.close(c.id), t('campaign.closed'))}
                >
                  <Button>{t('campaign.close')}</Button>
                </Popconfirm>
              )}
            </>
          )
        }
      />
      {(c.directiveTitle || c.goals) && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 8 }}>
          {c.directiveTitle && (
            <Descriptions.Item label={t('wizard.field.directiveTitle')}>
              《{c.directiveTitle}》{c.directiveNumber ?? ''}
            </Descriptions.Item>
          )}
          {c.organizerName && (
            <Descriptions.Item label={t('campaigns.col.organizer')}>{c.organizerName}</Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          {
            key: 'progress',
            label: t('campaign.tab.progress'),
            children: (
              <ProgressBoard
                campaignId={c.id}
                rows={progress.data}
                loading={progress.isLoading}
                error={progress.error}
                canChase={canWrite && c.status === 'ACTIVE'}
              />
            ),
          },
          { key: 'stats', label: t('campaign.tab.stats'), children: <StatsCharts campaign={c} /> },
          { key: 'tasks', label: t('campaign.tab.tasks'), children: <TasksPanel campaign={c} canCreate={canTask} /> },
          {
            key: 'review',
            label: t('campaign.tab.review'),
            children: <ReviewPanel campaign={c} rows={progress.data} topOrgId={roles.topOrgId} />,
          },
          {
            key: 'group',
            label: t('campaign.tab.group'),
            children: <OrganizerGroupPanel campaign={c} mayRecord={canRecordGroup} />,
          },
          ...(canWrite
            ? [
                {
                  key: 'rules',
                  label: t('rules.title'),
                  children: <ReminderRulesPanel campaignId={c.id} editable={c.status !== 'CLOSED'} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
