import type { TaskStatus } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutations, useTasks } from '../../api/queries.js';
import type { CampaignView } from '../../api/types.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { TaskStatusTag } from '../../components/StatusBadges.js';
import { daysBetween, formatDay, todayIn } from '../../lib/dates.js';
import { buildTaskTree, type TaskRow } from './task-tree.js';

interface CascadeForm {
  title: string;
  description?: string;
  dueOn?: Dayjs;
  cascade: 'PARTICIPANTS' | 'CHILDREN' | 'NONE';
}

export function TasksPanel({ campaign, canCreate }: { campaign: CampaignView; canCreate: boolean }) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const tasks = useTasks(campaign.id);
  const [form] = Form.useForm<CascadeForm>();
  const { busy, error, run } = useFormSubmit(form);
  const [status, setStatus] = useState<TaskStatus | 'ALL'>('ALL');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const today = todayIn(me?.tenant?.timeZone);

  const rows = useMemo(() => {
    const filtered = (tasks.data ?? []).filter(
      (x) =>
        (status === 'ALL' || x.status === status) &&
        (!overdueOnly ||
          (x.dueOn && x.status !== 'DONE' && x.status !== 'CANCELLED' && daysBetween(today, x.dueOn) < 0)),
    );
    return buildTaskTree(filtered);
  }, [tasks.data, status, overdueOnly, today]);

  const submit = (v: CascadeForm) =>
    run(async () => {
      await mutations.createTask(campaign.id, {
        organizationId: campaign.organizerOrgId,
        title: v.title.trim(),
        description: v.description?.trim() || undefined,
        dueOn: v.dueOn?.format('YYYY-MM-DD'),
        cascade: v.cascade === 'NONE' ? undefined : v.cascade,
      });
      message.success(t('tasks.created'));
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['campaigns', campaign.id] });
    });

  return (
    <div data-testid="tasks-panel">
      {canCreate && campaign.status !== 'CLOSED' && (
        <Card size="small" title={t('tasks.cascadeTitle')} style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} />
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ cascade: 'PARTICIPANTS' }}
            disabled={busy}
          >
            <Form.Item
              name="title"
              label={t('tasks.field.title')}
              rules={[{ required: true, message: t('fieldError.required') }, { max: 200 }]}
            >
              <Input placeholder={t('tasks.field.titlePlaceholder')} />
            </Form.Item>
            <Form.Item name="description" label={t('tasks.field.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} />
            </Form.Item>
            <Space wrap size={24} align="start">
              <Form.Item
                name="dueOn"
                label={t('tasks.field.dueOn')}
                extra={
                  campaign.reportDueOn
                    ? t('tasks.dueHint', { day: formatDay(campaign.reportDueOn, i18n.language) })
                    : undefined
                }
              >
                <DatePicker
                  disabledDate={(d) => !!campaign.reportDueOn && d.format('YYYY-MM-DD') > campaign.reportDueOn}
                />
              </Form.Item>
              <Form.Item name="cascade" label={t('tasks.field.cascade')}>
                <Radio.Group
                  options={[
                    { value: 'PARTICIPANTS', label: t('tasks.cascade.PARTICIPANTS') },
                    { value: 'CHILDREN', label: t('tasks.cascade.CHILDREN') },
                    { value: 'NONE', label: t('tasks.cascade.NONE') },
                  ]}
                />
              </Form.Item>
            </Space>
            <div>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="cascade-submit">
                {t('tasks.submit')}
              </Button>
            </div>
          </Form>
        </Card>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={[
            { value: 'ALL', label: t('common.allStatuses') },
            ...(['TODO', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const).map((s) => ({
              value: s,
              label: t(`taskStatus.${s}`),
            })),
          ]}
        />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          {t('tasks.overdueOnly')}
        </Checkbox>
      </Space>
      <ErrorAlert error={tasks.error} />
      <Table<TaskRow>
        rowKey="id"
        size="middle"
        loading={tasks.isLoading}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 640 }}
        columns={[
          {
            title: t('tasks.col.title'),
            dataIndex: 'title',
            render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
          },
          { title: t('tasks.col.unit'), dataIndex: 'organizationName', width: 200, render: (v) => v ?? '—' },
          {
            title: t('tasks.col.dueOn'),
            dataIndex: 'dueOn',
            width: 110,
            render: (d: string | null, r) =>
              d ? (
                <Typography.Text
                  type={
                    r.status !== 'DONE' && r.status !== 'CANCELLED' && daysBetween(today, d) < 0 ? 'danger' : undefined
                  }
                >
                  {formatDay(d, i18n.language)}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: t('tasks.col.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: TaskStatus) => <TaskStatusTag status={s} />,
          },
          {
            title: t('tasks.col.children'),
            width: 120,
            render: (_, r) => (r.childrenTotal ? `${r.childrenDone ?? 0}/${r.childrenTotal}` : '—'),
          },
        ]}
      />
    </div>
  );
}
