import { BellOutlined, RightOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Empty,
  Grid,
  Input,
  List,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ProgressRow, TrafficLight } from '../../api/types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReportStatusTag, TrafficLightBadge } from '../../components/StatusBadges.js';
import { formatDay } from '../../lib/dates.js';
import { ChaseModal, type ChaseTarget } from './ChaseModal.js';
import { filterProgress, type ProgressFilter } from './progress-filter.js';

const LIGHTS: TrafficLight[] = ['RED', 'YELLOW', 'GREEN'];

export function ProgressBoard({
  campaignId,
  rows,
  loading,
  error,
  canChase = false,
}: {
  campaignId: string;
  rows: ProgressRow[] | undefined;
  loading: boolean;
  error: unknown;
  /** 催办 buttons: an organizer of an active month. */
  canChase?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const navigate = useNavigate();
  // What the unit's row opens on a desktop (its summary, with its ledger below): only once it has one.
  const unitLink = (r: ProgressRow) =>
    r.summaryStatus ? `/campaigns/${campaignId}/review/${r.organizationId}` : undefined;
  const [filter, setFilter] = useState<ProgressFilter>({ light: 'ALL', summary: 'ALL', q: '', group: 'ALL' });
  const shown = useMemo(() => filterProgress(rows ?? [], filter), [rows, filter]);
  const [chasing, setChasing] = useState<ChaseTarget | null>(null);
  const overdueUnits = useMemo(() => (rows ?? []).filter((r) => r.tasksOverdue > 0).length, [rows]);
  // 催办 is offered on the rows that are behind (red or yellow).
  const chaseButton = (r: ProgressRow) =>
    canChase && r.light !== 'GREEN' ? (
      <Button
        size="small"
        danger={r.light === 'RED'}
        icon={<BellOutlined />}
        onClick={(e) => {
          e.stopPropagation();
          setChasing({ kind: 'one', organizationId: r.organizationId, name: r.name });
        }}
        data-testid={`chase-${r.organizationId}`}
      >
        {t('chase.button')}
      </Button>
    ) : null;
  const counts = useMemo(() => {
    const c: Record<TrafficLight, number> = { GREEN: 0, YELLOW: 0, RED: 0 };
    for (const r of rows ?? []) c[r.light] += 1;
    return c;
  }, [rows]);

  if (loading) return <Skeleton active />;
  if (error) return <ErrorAlert error={error} />;

  return (
    <div data-testid="progress-board">
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('progress.units')} value={rows?.length ?? 0} />
          </Card>
        </Col>
        {LIGHTS.map((l) => (
          <Col xs={12} md={6} key={l}>
            <Card
              size="small"
              hoverable
              onClick={() => setFilter({ ...filter, light: filter.light === l ? 'ALL' : l })}
              style={{ borderColor: filter.light === l ? '#c62828' : undefined }}
            >
              <Statistic title={<TrafficLightBadge light={l} />} value={counts[l]} />
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={filter.light}
          onChange={(v) => setFilter({ ...filter, light: v as ProgressFilter['light'] })}
          options={[
            { value: 'ALL', label: t('common.all') },
            ...LIGHTS.map((l) => ({ value: l, label: t(`light.${l}`) })),
          ]}
          data-testid="light-filter"
        />
        <Select
          value={filter.summary}
          style={{ width: 160 }}
          onChange={(v) => setFilter({ ...filter, summary: v })}
          options={[
            { value: 'ALL', label: t('progress.filter.anySummary') },
            { value: 'NONE', label: t('reportStatus.NONE') },
            ...(['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'] as const).map((s) => ({
              value: s,
              label: t(`reportStatus.${s}`),
            })),
          ]}
        />
        <Select
          value={filter.group}
          style={{ width: 160 }}
          onChange={(v) => setFilter({ ...filter, group: v })}
          options={[
            { value: 'ALL', label: t('progress.filter.anyGroup') },
            { value: 'SET', label: t('progress.groupSet') },
            { value: 'MISSING', label: t('progress.groupMissing') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('progress.filter.search')}
          onChange={(e) => setFilter({ ...filter, q: e.target.value })}
          style={{ width: 200 }}
        />
        {canChase && (
          <Button
            danger
            icon={<BellOutlined />}
            disabled={overdueUnits === 0}
            title={overdueUnits === 0 ? t('chase.noneOverdue') : undefined}
            onClick={() => setChasing({ kind: 'overdue', count: overdueUnits })}
            data-testid="chase-overdue"
          >
            {t('chase.all')}
          </Button>
        )}
      </Space>
      <ChaseModal campaignId={campaignId} target={chasing} onClose={() => setChasing(null)} />
      {shown.length === 0 ? (
        <Empty description={rows?.length ? t('progress.noMatch') : t('progress.empty')} />
      ) : phone ? (
        <List
          dataSource={shown}
          renderItem={(r) => {
            const link = unitLink(r);
            return (
              <Card
                size="small"
                style={{ marginBottom: 8, cursor: link ? 'pointer' : undefined }}
                hoverable={!!link}
                onClick={link ? () => navigate(link) : undefined}
                data-testid={`progress-card-${r.organizationId}`}
              >
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <Space size={4}>
                    {chaseButton(r)}
                    <TrafficLightBadge light={r.light} />
                    {link && <RightOutlined style={{ color: '#bfbfbf' }} aria-label={t('progress.open')} />}
                  </Space>
                </Space>
                <div style={{ color: '#595959', fontSize: 13, marginTop: 4 }}>
                  {t('progress.tasksShort', { done: r.tasksDone, total: r.tasksTotal })} ·{' '}
                  {t('progress.eventsShort', { count: r.eventCount })} · <ReportStatusTag status={r.summaryStatus} />
                </div>
              </Card>
            );
          }}
        />
      ) : (
        <Table<ProgressRow>
          rowKey="organizationId"
          size="middle"
          dataSource={shown}
          pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={[
            {
              title: t('progress.col.light'),
              dataIndex: 'light',
              width: 110,
              render: (l: TrafficLight) => <TrafficLightBadge light={l} />,
              sorter: (a, b) => LIGHTS.indexOf(a.light) - LIGHTS.indexOf(b.light),
            },
            {
              title: t('progress.col.unit'),
              dataIndex: 'name',
              render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
            },
            {
              title: t('progress.col.group'),
              dataIndex: 'leadingGroupSet',
              width: 150,
              render: (v: boolean, r) =>
                v ? (
                  r.leaderName ? (
                    t('progress.leader', { name: r.leaderName })
                  ) : (
                    t('progress.groupSet')
                  )
                ) : (
                  <Typography.Text type="warning">{t('progress.groupMissing')}</Typography.Text>
                ),
            },
            {
              title: t('progress.col.tasks'),
              width: 150,
              render: (_, r) => (
                <span>
                  {r.tasksDone}/{r.tasksTotal}
                  {r.tasksOverdue > 0 && (
                    <Typography.Text type="danger">
                      {' '}
                      · {t('progress.overdue', { count: r.tasksOverdue })}
                    </Typography.Text>
                  )}
                  {r.tasksOverdue === 0 && (r.tasksDueSoon ?? 0) > 0 && (
                    <Typography.Text type="warning">
                      {' '}
                      · {t('progress.dueSoon', { count: r.tasksDueSoon })}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            {
              title: t('progress.col.lastEvent'),
              dataIndex: 'lastEventOn',
              width: 110,
              render: (d: string | null) => (d ? formatDay(d, i18n.language) : '—'),
            },
            {
              title: t('progress.col.events'),
              dataIndex: 'eventCount',
              width: 90,
              sorter: (a, b) => a.eventCount - b.eventCount,
            },
            {
              title: t('progress.col.summary'),
              dataIndex: 'summaryStatus',
              width: 120,
              render: (s) => <ReportStatusTag status={s} />,
            },
            {
              title: '',
              width: canChase ? 160 : 90,
              render: (_, r) => {
                const link = unitLink(r);
                return (
                  <Space size={8}>
                    {chaseButton(r)}
                    {link ? <Link to={link}>{t('progress.open')}</Link> : null}
                  </Space>
                );
              },
            },
          ]}
        />
      )}
    </div>
  );
}
