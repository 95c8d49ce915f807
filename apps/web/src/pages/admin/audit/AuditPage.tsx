import type { AuditEntryView, AuditQuery } from '@campaign-month/contracts';
import { Card, DatePicker, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudit, useUsers } from '../../../api/admin.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { formatDateTime } from '../../../lib/dates.js';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, actionLabel, changesText, entityLabel } from './audit-labels.js';

const PAGE_SIZE = 50;

/** 操作日志 (/admin/audit, ADMIN): who did what, when, where from; newest first. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Omit<AuditQuery, 'page' | 'pageSize'>>({});
  const [page, setPage] = useState(1);
  const audit = useAudit({ ...filters, page, pageSize: PAGE_SIZE });
  const users = useUsers({ pageSize: 200 });
  const set = (patch: Partial<AuditQuery>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  // Calendar days in the tenant's time zone; `to` includes its whole day.
  const setRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });

  return (
    <>
      <PageTitle title={t('audit.title')} sub={t('audit.subtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filter.action')}
            style={{ width: 200 }}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a, t) }))}
            onChange={(action?: string) => set({ action })}
            data-testid="audit-action"
          />
          <Select
            allowClear
            placeholder={t('audit.filter.entity')}
            style={{ width: 140 }}
            options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e, t) }))}
            onChange={(entityType?: string) => set({ entityType })}
          />
          <DatePicker.RangePicker onChange={(r) => setRange(r)} style={{ maxWidth: '100%' }} />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filter.actor')}
            style={{ width: 160 }}
            loading={users.isLoading}
            options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={(actorId?: string) => set({ actorId })}
          />
        </Space>
        <ErrorAlert error={audit.error} />
        <Table<AuditEntryView>
          rowKey="id"
          size="middle"
          loading={audit.isFetching}
          dataSource={audit.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="audit-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: audit.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          expandable={{
            expandedRowRender: (e) => {
              const text = changesText(e.changes);
              return (
                <div>
                  {e.entityId && (
                    <Typography.Paragraph type="secondary" copyable={{ text: e.entityId }}>
                      {t('audit.entityId', { id: e.entityId })}
                    </Typography.Paragraph>
                  )}
                  {text ? (
                    <pre className="cm-audit-changes" data-testid="audit-changes">
                      {text}
                    </pre>
                  ) : (
                    <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
                  )}
                </div>
              );
            },
          }}
          columns={[
            {
              title: t('audit.col.time'),
              dataIndex: 'createdAt',
              render: (v: string) => formatDateTime(v, i18n.language),
            },
            {
              title: t('audit.col.actor'),
              dataIndex: 'actor',
              render: (a: AuditEntryView['actor']) => a?.name ?? t('audit.system'),
            },
            {
              title: t('audit.col.action'),
              dataIndex: 'action',
              render: (a: string) => <span data-testid="audit-action-label">{actionLabel(a, t)}</span>,
            },
            { title: t('audit.col.entity'), dataIndex: 'entityType', render: (e: string) => entityLabel(e, t) },
            {
              title: t('audit.col.unit'),
              dataIndex: 'organization',
              render: (o: AuditEntryView['organization']) => o?.name ?? '—',
            },
            { title: t('audit.col.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
