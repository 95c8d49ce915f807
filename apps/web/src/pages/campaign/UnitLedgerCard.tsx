import { PictureOutlined, WarningOutlined } from '@ant-design/icons';
import type { EventType } from '@campaign-month/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Grid,
  Pagination,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventQuery, useEventPage } from '../../api/queries.js';
import type { EventView, MetricDefinitionView } from '../../api/types.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { EventPhotos } from '../../components/EventPhotos.js';
import { formatDay } from '../../lib/dates.js';
import { keyMetricText, type MetricLine, metricLines, pageWithin } from '../../lib/event-facts.js';
import { formatNumber } from '../../lib/numbers.js';

const PAGE_SIZE = 10;

/**
 * The events a unit logged for the campaign, read-only, for whoever reviews its summary: a page at a
 * time, newest day first; an event opens to what happened, every count and the photos (with the
 * capture-day hint), and the unit's ledger downloads as the API exports it.
 */
export function UnitLedgerCard({
  campaignId,
  orgId,
  unitName,
  metrics,
}: {
  campaignId: string;
  orgId: string;
  unitName?: string | null;
  metrics: readonly MetricDefinitionView[];
}) {
  const { t, i18n } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  const events = useEventPage(campaignId, orgId, page, PAGE_SIZE);
  const rows = events.data?.items ?? [];
  const total = events.data?.total ?? 0;

  // Events deleted meanwhile can leave this page past the end: show the last one there is.
  useEffect(() => {
    if (events.data && !events.isPlaceholderData) setPage((p) => pageWithin(p, events.data.total, PAGE_SIZE));
  }, [events.data, events.isPlaceholderData]);

  // The capture-day hint lives on each photo: ask for the events with photos on this page (at most a page).

  const labelOf = (k: string) => t(`metric.${k}`, { defaultValue: k });
  const unitOf = (k: string) => t(`metricUnit.${k}`, { defaultValue: '' });
  const linesOf = (e: EventView) => metricLines(e.metrics, metrics, labelOf, unitOf);
  const unit = unitName || rows[0]?.organizationName || '';
  const day = (d: string) => formatDay(d, i18n.language);
  const photos = (e: EventView) => <PhotoCount count={e.photoCount} offDay={e.offDayPhotoCount} />;

  return (
    <Card
      title={t('reviewLedger.title')}
      style={{ marginTop: 16 }}
      styles={{ body: phone ? { padding: 12 } : undefined }}
      extra={
        <DownloadButton
          size="small"
          path={`/api/v1/campaigns/${encodeURIComponent(campaignId)}/events.xlsx?organizationId=${encodeURIComponent(orgId)}`}
          fileName={`${t('reviewLedger.fileName', { unit })}.xlsx`}
          disabled={!total}
          data-testid="review-ledger-xlsx"
        >
          {t('reviewLedger.download')}
        </DownloadButton>
      }
      data-testid="review-ledger"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('reviewLedger.hint')} {events.data ? t('ledger.count', { count: total }) : null}
      </Typography.Paragraph>
      <ErrorAlert error={events.error} />
      {events.isLoading ? (
        <Skeleton active />
      ) : !rows.length ? (
        events.error ? null : (
          <Empty description={t('reviewLedger.empty')} data-testid="review-ledger-empty" />
        )
      ) : phone ? (
        <>
          {rows.map((e) => {
            const open = expanded.includes(e.id);
            const text = keyMetricText(linesOf(e));
            return (
              <Card size="small" key={e.id} style={{ marginBottom: 8 }} data-testid="review-ledger-row">
                <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
                  <Typography.Text strong data-testid="review-ledger-title">
                    {e.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {day(e.occurredOn)}
                  </Typography.Text>
                </Space>
                <div style={{ fontSize: 13, color: '#595959', marginTop: 4 }}>
                  <Tag>{t(`eventType.${e.type}`)}</Tag>
                  {e.location}
                </div>
                {text && <div style={{ fontSize: 13, marginTop: 4 }}>{text}</div>}
                <Space style={{ justifyContent: 'space-between', width: '100%', marginTop: 4 }} align="center">
                  {photos(e)}
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setExpanded(open ? expanded.filter((k) => k !== e.id) : [...expanded, e.id])}
                    aria-expanded={open}
                    data-testid="review-ledger-toggle"
                  >
                    {open ? t('reviewLedger.hideDetails') : t('reviewLedger.details')}
                  </Button>
                </Space>
                {open && <EventDetails event={e} lines={linesOf(e)} />}
              </Card>
            );
          })}
          {total > PAGE_SIZE && (
            <Pagination
              simple
              align="center"
              current={page}
              pageSize={PAGE_SIZE}
              total={total}
              onChange={setPage}
              disabled={events.isFetching}
            />
          )}
        </>
      ) : (
        <Table<EventView>
          rowKey="id"
          size="middle"
          dataSource={rows}
          loading={events.isPlaceholderData}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys),
            expandRowByClick: true,
            expandedRowRender: (e) => <EventDetails event={e} lines={linesOf(e)} />,
          }}
          onRow={() => ({ style: { cursor: 'pointer' } })}
          columns={[
            { title: t('ledger.col.day'), dataIndex: 'occurredOn', width: 100, render: (d: string) => day(d) },
            {
              title: t('ledger.col.type'),
              dataIndex: 'type',
              width: 140,
              render: (x: EventType) => <Tag>{t(`eventType.${x}`)}</Tag>,
            },
            {
              title: t('ledger.col.title'),
              dataIndex: 'title',
              render: (v: string) => <span data-testid="review-ledger-title">{v}</span>,
            },
            { title: t('reviewLedger.place'), dataIndex: 'location', render: (v?: string | null) => v || '—' },
            { title: t('ledger.col.metrics'), render: (_, e) => keyMetricText(linesOf(e)) || '—' },
            { title: t('ledger.col.photos'), width: 150, render: (_, e) => photos(e) },
          ]}
        />
      )}
    </Card>
  );
}

/** The photo count, and a warning when any photo was taken on another day than the event. */
function PhotoCount({ count, offDay }: { count: number; offDay: number }) {
  const { t } = useTranslation();
  if (!count) return <span data-testid="review-ledger-photos">—</span>;
  return (
    <Space size={4} wrap>
      <span data-testid="review-ledger-photos">
        <PictureOutlined /> {t('ledger.photos', { count })}
      </span>
      {offDay > 0 && (
        <Tooltip title={t('reviewLedger.offDayHint')}>
          <Tag color="warning" icon={<WarningOutlined />} data-testid="review-ledger-offday">
            {t('reviewLedger.offDay', { count: offDay })}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** What happened, every count and the photos of one event. */
function EventDetails({ event, lines }: { event: EventView; lines: MetricLine[] }) {
  const { t } = useTranslation();
  const detail = useQuery(eventQuery(event.id));
  const items: DescriptionsProps['items'] = [
    {
      key: 'description',
      label: t('event.field.description'),
      span: 'filled' as const,
      children: event.description ? (
        <span style={{ whiteSpace: 'pre-wrap' }}>{event.description}</span>
      ) : (
        <Typography.Text type="secondary">{t('reviewLedger.noDescription')}</Typography.Text>
      ),
    },
    ...lines.map((l) => ({
      key: l.key,
      label: l.label,
      // a count the unit left empty is not a 0 it reported
      children:
        l.key in event.metrics ? (
          `${formatNumber(l.value)}${l.unit}`
        ) : (
          <Typography.Text type="secondary">{t('reviewLedger.notRecorded')}</Typography.Text>
        ),
    })),
  ];
  return (
    <div data-testid="review-ledger-details" style={{ marginTop: 8 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} style={{ marginBottom: 8 }} />
      <ErrorAlert error={detail.error} />
      {detail.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : detail.data ? (
        <EventPhotos eventId={event.id} photos={detail.data.photos} editable={false} />
      ) : null}
    </div>
  );
}
