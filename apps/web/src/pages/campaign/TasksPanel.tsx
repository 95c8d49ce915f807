import type { TaskStatus } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Grid,
  Input,
  List,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
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
  const phone = !Grid.useBreakpoint().md;

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
      {phone ? (
        <TaskCards rows={rows} loading={tasks.isLoading} today={today} />
      ) : (
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
                      r.status !== 'DONE' && r.status !== 'CANCELLED' && daysBetween(today, d) < 0
                        ? 'danger'
                        : undefined
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
      )}
    </div>
  );
}

/**
 * The tasks on a phone: a card each with what matters at a glance (unit, time limit, status, how many
 * units below have done it) and the units' own tasks one tap away, instead of a table wider than the screen.
 */
function TaskCards({ rows, loading, today }: { rows: TaskRow[]; loading: boolean; today: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  if (loading) return <Skeleton active />;
  if (rows.length === 0) return <Empty description={t('tasks.none')} />;
  const toggle = (id: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <List
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
      renderItem={(task) => (
        <Card size="small" style={{ marginBottom: 8 }} data-testid="task-card">
          <TaskFacts task={task} today={today} strong />
          {(task.children?.length ?? 0) > 0 && (
            <>
              <Button
                type="link"
                size="small"
                style={{ paddingInline: 0, marginTop: 4 }}
                onClick={() => toggle(task.id)}
                aria-expanded={open.has(task.id)}
                data-testid="task-children-toggle"
              >
                {open.has(task.id)
                  ? t('tasks.hideChildren')
                  : t('tasks.showChildren', { count: task.children?.length ?? 0 })}
              </Button>
              {open.has(task.id) && (
                <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 4 }}>
                  {task.children?.map((c) => (
                    <div key={c.id} style={{ padding: '8px 0 0 12px' }} data-testid="task-child">
                      <TaskFacts task={c} today={today} />
                    </div>
                  ))}
                </div>
              )}
            </>
          )}
        </Card>
      )}
    />
  );
}

function TaskFacts({ task, today, strong = false }: { task: TaskRow; today: string; strong?: boolean }) {
  const { t, i18n } = useTranslation();
  const overdue =
    !!task.dueOn && task.status !== 'DONE' && task.status !== 'CANCELLED' && daysBetween(today, task.dueOn) < 0;
  const facts: { key: string; text: string; danger?: boolean }[] = [];
  if (task.organizationName) facts.push({ key: 'unit', text: task.organizationName });
  if (task.dueOn)
    facts.push({ key: 'due', text: t('tasks.dueOn', { day: formatDay(task.dueOn, i18n.language) }), danger: overdue });
  if (task.childrenTotal)
    facts.push({
      key: 'children',
      text: t('tasks.childrenShort', { done: task.childrenDone ?? 0, total: task.childrenTotal }),
    });
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
        <Typography.Text strong={strong}>{task.title}</Typography.Text>
        <TaskStatusTag status={task.status} />
      </Space>
      <div style={{ fontSize: 13, marginTop: 2 }}>
        {facts.map((f, i) => (
          <Typography.Text key={f.key} type={f.danger ? 'danger' : 'secondary'}>
            {i > 0 ? ' · ' : ''}
            {f.text}
          </Typography.Text>
        ))}
      </div>
    </>
  );
}
