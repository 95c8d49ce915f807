import { CloudUploadOutlined, DeleteOutlined, EditOutlined, PictureOutlined, UploadOutlined } from '@ant-design/icons';
import type { EventType } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Grid,
  List,
  Modal,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError, isNetworkError } from '../../api/errors.js';
import { keys, mutations, useCampaign, useEvents, useSummary } from '../../api/queries.js';
import type { EventView, ImportResult } from '../../api/types.js';
import { useUnit } from '../../auth/unit.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DataUnavailable, StaleDataHint } from '../../components/OfflineNotice.js';
import { PageTitle } from '../../components/PageTitle.js';
import { formatDay } from '../../lib/dates.js';
import { keyMetricText, metricLines } from '../../lib/event-facts.js';
import { loadState } from '../../lib/query-state.js';
import { flushQueue, onEventsSent, queue, useQueuedEvents } from '../../offline/runtime.js';
import { eventsLocked } from './due-items.js';
import { LedgerLockedNotice } from './LedgerLockedNotice.js';
import { describeImportProblem, importProblems, importTitles, queuedFailure } from './ledger-errors.js';
import { UnitNav } from './UnitNav.js';

export function LedgerPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const unit = useUnit();
  const phone = !Grid.useBreakpoint().md;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const typeFilter = (params.get('type') as EventType | null) ?? undefined;
  const campaign = useCampaign(id);
  const events = useEvents(id, unit?.id);
  const eventsState = loadState(events);
  const locked = eventsLocked(useSummary(id, unit?.id, 'UNIT', { keep: true }).data?.status);
  const queued = useQueuedEvents().filter((q) => q.campaignId === id);
  const fileInput = useRef<HTMLInputElement>(null);
  const [importState, setImportState] = useState<{
    file: File;
    result?: ImportResult;
    error?: unknown;
    busy: boolean;
  } | null>(null);
  const metrics = campaign.data?.metrics ?? [];

  useEffect(
    () => onEventsSent(() => void qc.invalidateQueries({ queryKey: keys.events(id, unit?.id) })),
    [qc, id, unit?.id],
  );

  const rows = useMemo(
    () => (events.data?.items ?? []).filter((e) => !typeFilter || e.type === typeFilter),
    [events.data, typeFilter],
  );

  const remove = async (eventId: string) => {
    try {
      await mutations.deleteEvent(eventId);
      message.success(t('ledger.deleted'));
      await qc.invalidateQueries({ queryKey: ['campaigns', id] });
    } catch (err) {
      message.error(describeError(err, t));
    }
  };

  const runImport = async (file: File, dryRun: boolean) => {
    setImportState({ file, busy: true });
    try {
      const result = await mutations.importLedger(id, file, dryRun);
      setImportState({ file, result: { ...result, dryRun }, busy: false });
      if (!dryRun) {
        message.success(importOutcome(t, result, false));
        await qc.invalidateQueries({ queryKey: ['campaigns', id] });
      }
    } catch (err) {
      setImportState({ file, error: err, busy: false });
    }
  };

  const metricText = (e: EventView) =>
    keyMetricText(metricLines(e.metrics, metrics, (k) => t(`metric.${k}`, { defaultValue: k })));

  return (
    <>
      <UnitNav campaignId={id} />
      <PageTitle
        title={t('ledger.title')}
        sub={
          events.data
            ? t('ledger.count', { count: events.data.total })
            : eventsState === 'offline'
              ? t('offline.unknown')
              : undefined
        }
        extra={
          <>
            <DownloadButton
              path={`/api/v1/campaigns/${id}/events.xlsx${unit ? `?organizationId=${unit.id}` : ''}`}
              fileName={`${unit?.name ?? ''}活动台账.xlsx`}
              data-testid="export-xlsx"
            >
              {t('ledger.export')}
            </DownloadButton>
            <Button
              icon={<UploadOutlined />}
              onClick={() => fileInput.current?.click()}
              disabled={locked}
              data-testid="import-xlsx"
            >
              {t('ledger.import')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              style={{ display: 'none' }}
              data-testid="import-input"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void runImport(f, true);
              }}
            />
          </>
        }
      />

      {locked && <LedgerLockedNotice />}
      {queued.length > 0 && (
        <Card
          size="small"
          title={
            <Space>
              <CloudUploadOutlined />
              {t('ledger.queuedTitle')}
            </Space>
          }
          style={{ marginBottom: 12, borderColor: '#ffd591' }}
          data-testid="queued-list"
        >
          <List
            dataSource={queued}
            renderItem={(q) => (
              <List.Item
                actions={[
                  q.state === 'failed' ? (
                    <Button
                      key="retry"
                      size="small"
                      onClick={async () => {
                        await queue.retry(q.key);
                        await flushQueue(true);
                      }}
                    >
                      {t('ledger.retry')}
                    </Button>
                  ) : (
                    <Button key="send" size="small" onClick={() => flushQueue(true)}>
                      {t('ledger.sendNow')}
                    </Button>
                  ),
                  <Popconfirm key="discard" title={t('ledger.discardConfirm')} onConfirm={() => queue.discard(q.key)}>
                    <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta
                  title={String(q.body.title ?? '')}
                  description={
                    q.state === 'failed' ? (
                      <Typography.Text type="danger">
                        {t('ledger.queuedFailed', { error: queuedFailure(q, t) })}
                      </Typography.Text>
                    ) : (
                      <span>
                        {formatDay(String(q.body.occurredOn ?? ''), i18n.language)} ·{' '}
                        {q.eventId
                          ? t('ledger.queuedPhotos', { sent: q.photosSent, total: q.photos.length })
                          : t('ledger.queuedWaiting')}
                      </span>
                    )
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}

      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          value={typeFilter}
          placeholder={t('ledger.filterType')}
          style={{ minWidth: 180 }}
          onChange={(v) => setParams(v ? { type: v } : {}, { replace: true })}
          options={[...new Set((events.data?.items ?? []).map((e) => e.type))].map((x) => ({
            value: x,
            label: t(`eventType.${x}`),
          }))}
        />
      </Space>
      {/* a network failure is said below (no data) or above the list (the last data the app had) */}
      <ErrorAlert error={isNetworkError(events.error) ? null : events.error} />
      <StaleDataHint queries={[events]} />
      {eventsState === 'loading' ? (
        <Skeleton active />
      ) : eventsState === 'offline' ? (
        <DataUnavailable state="offline" />
      ) : eventsState === 'failed' ? null : rows.length === 0 ? (
        <Card>
          <Empty description={t('ledger.empty')} />
        </Card>
      ) : phone ? (
        <List
          dataSource={rows}
          renderItem={(e) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="ledger-row">
              <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
                <Link to={`/unit/${id}/events/${e.id}`} data-testid="ledger-edit">
                  <Typography.Text strong>{e.title}</Typography.Text>
                </Link>
                <Typography.Text type="secondary">{formatDay(e.occurredOn, i18n.language)}</Typography.Text>
              </Space>
              <div style={{ fontSize: 13, color: '#595959', marginTop: 4 }}>
                <Tag>{t(`eventType.${e.type}`)}</Tag>
                {e.location}
              </div>
              {metricText(e) && <div style={{ fontSize: 13, marginTop: 4 }}>{metricText(e)}</div>}
              {e.photoCount > 0 && (
                <div style={{ fontSize: 12, color: '#8c8c8c', marginTop: 4 }}>
                  <PictureOutlined /> {t('ledger.photos', { count: e.photoCount })}
                </div>
              )}
            </Card>
          )}
        />
      ) : (
        <Table<EventView>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
          columns={[
            {
              title: t('ledger.col.day'),
              dataIndex: 'occurredOn',
              width: 100,
              render: (d: string) => formatDay(d, i18n.language),
              sorter: (a, b) => a.occurredOn.localeCompare(b.occurredOn),
              defaultSortOrder: 'descend',
            },
            {
              title: t('ledger.col.type'),
              dataIndex: 'type',
              width: 150,
              render: (x: EventType) => <Tag>{t(`eventType.${x}`)}</Tag>,
            },
            {
              title: t('ledger.col.title'),
              dataIndex: 'title',
              render: (v: string, e) => (
                <span data-testid="ledger-row">
                  {v}
                  {e.location ? <Typography.Text type="secondary"> · {e.location}</Typography.Text> : null}
                </span>
              ),
            },
            { title: t('ledger.col.metrics'), render: (_, e) => metricText(e) || '—' },
            { title: t('ledger.col.photos'), width: 80, render: (_, e) => e.photoCount || '—' },
            {
              title: '',
              width: 100,
              render: (_, e) => (
                <Space size={0}>
                  <Link to={`/unit/${id}/events/${e.id}`} data-testid="ledger-edit">
                    <Button type="text" icon={<EditOutlined />} aria-label={t('eventEdit.edit')} />
                  </Link>
                  {!locked && (
                    <Popconfirm title={t('ledger.deleteConfirm')} onConfirm={() => remove(e.id)}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}

      <Modal
        open={!!importState}
        title={t('ledger.importTitle', { name: importState?.file.name ?? '' })}
        onCancel={() => setImportState(null)}
        footer={
          importState?.result?.dryRun && !importState.result.errors?.length && (importState.result.count ?? 0) > 0
            ? [
                <Button key="cancel" onClick={() => setImportState(null)}>
                  {t('common.cancel')}
                </Button>,
                <Button
                  key="apply"
                  type="primary"
                  loading={importState.busy}
                  onClick={() => runImport(importState.file, false)}
                >
                  {t('ledger.importApply')}
                </Button>,
              ]
            : [
                <Button key="close" onClick={() => setImportState(null)}>
                  {t('common.close')}
                </Button>,
              ]
        }
      >
        <Typography.Paragraph type="secondary">{t('ledger.importHint')}</Typography.Paragraph>
        {importState?.busy && <Skeleton active />}
        {importState?.error ? (
          <>
            <ErrorAlert
              error={importState.error}
              fieldsShown={importProblems(importState.error).length > 0}
              titles={importTitles(importState.error, t)}
            />
            {importProblems(importState.error).length > 0 && (
              <List
                size="small"
                dataSource={importProblems(importState.error)}
                renderItem={(r) => <List.Item>{describeImportProblem(r, t, i18n.language)}</List.Item>}
                data-testid="import-problems"
              />
            )}
          </>
        ) : null}
        {importState?.result &&
          (importState.result.errors?.length ? (
            <List
              size="small"
              dataSource={importState.result.errors}
              renderItem={(r) => <List.Item>{describeImportProblem(r, t, i18n.language)}</List.Item>}
            />
          ) : (
            <Alert type="success" showIcon title={importOutcome(t, importState.result, !!importState.result.dryRun)} />
          ))}
      </Modal>
    </>
  );
}

/** "已导入 3 条" plus, when an exported ledger came back, how many rows were already logged and skipped. */
function importOutcome(t: TFunction, result: ImportResult, dryRun: boolean) {
  if (!result.count && result.skipped) return t('ledger.importNothingNew', { count: result.skipped });
  const main = t(dryRun ? 'ledger.importChecked' : 'ledger.imported', { count: result.count ?? 0 });
  return result.skipped ? `${main}${t('ledger.importSkipped', { count: result.skipped })}` : main;
}
