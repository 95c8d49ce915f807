import { CameraOutlined, RightOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, List, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCampaign, useLeadingGroup, useStats, useSummary, useTasks } from '../../api/queries.js';
import { useRoles } from '../../auth/auth.js';
import { useUnit } from '../../auth/unit.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DataUnavailable, StaleDataHint } from '../../components/OfflineNotice.js';
import { ReportStatusTag, TrafficLightBadge } from '../../components/StatusBadges.js';
import { formatDay, formatPeriod, todayIn } from '../../lib/dates.js';
import { formatNumber } from '../../lib/numbers.js';
import { combinedState, loadState } from '../../lib/query-state.js';
import { useQueuedEvents } from '../../offline/runtime.js';
import { countdown, dueItems, eventsLocked } from './due-items.js';
import { LedgerLockedNotice } from './LedgerLockedNotice.js';
import { RecentChases } from './RecentChases.js';
import { UnitNav } from './UnitNav.js';

export function UnitCampaignPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const unit = useUnit();
  const roles = useRoles();
  const navigate = useNavigate();
  const today = todayIn(roles.timeZone);
  const campaign = useCampaign(id);
  const tasks = useTasks(id, unit?.id);
  const group = useLeadingGroup(id, unit?.id);
  const summary = useSummary(id, unit?.id, 'UNIT', { keep: true });
  const stats = useStats(id, unit?.id);
  const queued = useQueuedEvents().filter((q) => q.campaignId === id);
  const c = campaign.data;

  const items = useMemo(
    () =>
      c
        ? dueItems({
            campaign: c,
            tasks: (tasks.data ?? []).filter((x) => !unit || x.organizationId === unit.id || !x.organizationId),
            // unknown (offline, never loaded) is not "missing": no item is made up from it
            groupSet: group.data ? group.data.members.length > 0 : undefined,
            summaryStatus: summary.data === undefined ? undefined : (summary.data?.status ?? null),
            today,
          })
        : [],
    [c, tasks.data, group.data, summary.data, today, unit],
  );

  if (campaign.isLoading) return <Skeleton active />;
  if (!c)
    return loadState(campaign) === 'offline' ? (
      <DataUnavailable state="offline" />
    ) : (
      <ErrorAlert error={campaign.error} />
    );
  const dueState = combinedState(tasks, group, summary);
  const unknown = <Typography.Text type="secondary">{t('offline.unknown')}</Typography.Text>;
  const left = countdown(c.endsOn, today);
  const locked = eventsLocked(summary.data?.status);

  const titleOf = (it: (typeof items)[number]) => {
    if (it.kind === 'group') return t('unit.due.group');
    if (it.kind === 'summary') return t('unit.due.summary');
    if (it.kind === 'returned') return t('unit.due.returned');
    return it.title;
  };
  const whenOf = (it: (typeof items)[number]) => {
    if (it.daysLeft === undefined) return it.kind === 'group' ? t('unit.due.asap') : '';
    if (it.daysLeft < 0) return t('unit.due.overdue', { days: -it.daysLeft, day: formatDay(it.dueOn, i18n.language) });
    if (it.daysLeft === 0) return t('unit.due.today');
    return t('unit.due.inDays', { days: it.daysLeft, day: formatDay(it.dueOn, i18n.language) });
  };

  return (
    <>
      <UnitNav campaignId={id} />
      <Card size="small" style={{ marginBottom: 12, background: 'linear-gradient(120deg, #fff5f5, #fff)' }}>
        <Typography.Text type="secondary">{unit?.name}</Typography.Text>
        <Typography.Title level={4} style={{ margin: '4px 0' }}>
          {c.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {formatPeriod(c.startsOn, c.endsOn, i18n.language)} ·{' '}
          {left.kind === 'daysLeft'
            ? t('unit.daysLeft', { count: left.days })
            : left.kind === 'lastDay'
              ? t('unit.lastDay')
              : t('unit.ended')}
        </Typography.Text>
      </Card>

      <StaleDataHint queries={[campaign, tasks, group, summary, stats]} />
      <DataUnavailable state={combinedState(group, summary, stats)} />
      {locked ? (
        <LedgerLockedNotice />
      ) : (
        <Button
          type="primary"
          size="large"
          block
          icon={<CameraOutlined />}
          style={{ height: 56, fontSize: 17, marginBottom: 12 }}
          onClick={() => navigate(`/unit/${id}/events/new`)}
          data-testid="log-event"
        >
          {t('unit.logEvent')}
        </Button>
      )}

      <RecentChases campaignId={id} orgId={unit?.id} />
      <Card size="small" title={t('unit.due.title')} style={{ marginBottom: 12 }} data-testid="due-list">
        {dueState === 'loading' ? (
          <Skeleton active />
        ) : dueState === 'offline' && items.length === 0 ? (
          unknown
        ) : items.length === 0 ? (
          <Typography.Text type="success">{locked ? t('unit.due.noneLocked') : t('unit.due.none')}</Typography.Text>
        ) : (
          <List
            className="cm-due-list"
            dataSource={items}
            renderItem={(it) => (
              <List.Item
                onClick={() => navigate(it.link)}
                style={{ cursor: 'pointer' }}
                extra={<RightOutlined style={{ color: '#bfbfbf' }} />}
              >
                <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                  <Space>
                    <TrafficLightBadge light={it.light} withText={false} />
                    <Typography.Text strong>{titleOf(it)}</Typography.Text>
                  </Space>
                  <Typography.Text
                    type={it.light === 'RED' ? 'danger' : 'secondary'}
                    style={{ fontSize: 13, paddingInlineStart: 14 }}
                  >
                    {whenOf(it)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>

      {queued.length > 0 && (
        <Card size="small" style={{ marginBottom: 12, borderColor: '#ffd591' }} data-testid="queued-card">
          <Typography.Text>{t('unit.queued', { count: queued.length })}</Typography.Text>{' '}
          <Link to={`/unit/${id}/ledger`}>{t('unit.queuedOpen')}</Link>
        </Card>
      )}

      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('stats.events')}
              value={stats.data?.eventCount ?? (loadState(stats) === 'offline' ? '—' : 0)}
              loading={stats.isLoading}
            />
          </Card>
        </Col>
        {(stats.data?.metrics ?? []).slice(0, 3).map((m) => (
          <Col xs={12} md={6} key={m.key}>
            <Card size="small">
              <Statistic title={m.label} value={formatNumber(m.value)} suffix={m.unit} />
            </Card>
          </Col>
        ))}
        <Col xs={24} md={12}>
          <Card size="small" hoverable onClick={() => navigate(`/unit/${id}/group`)} data-testid="group-card">
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Space>
                <TeamOutlined />
                <Typography.Text strong>{t('group.title')}</Typography.Text>
              </Space>
              {!group.data ? (
                loadState(group) === 'offline' ? (
                  unknown
                ) : null
              ) : (
                <Typography.Text type="secondary">
                  {group.data.members.length > 0
                    ? t('group.memberCount', { count: group.data.members.length })
                    : t('progress.groupMissing')}
                </Typography.Text>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" hoverable onClick={() => navigate(`/unit/${id}/summary`)} data-testid="summary-card">
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text strong>{t('summary.title')}</Typography.Text>
              {summary.data !== undefined ? (
                <ReportStatusTag status={summary.data?.status} />
              ) : loadState(summary) === 'offline' ? (
                unknown
              ) : null}
            </Space>
          </Card>
        </Col>
      </Row>
    </>
  );
}
