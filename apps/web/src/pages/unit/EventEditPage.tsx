import { DeleteOutlined } from '@ant-design/icons';
import type { EventType } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, Popconfirm, Row, Skeleton, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { mutations, useCampaign, useEvent, useSummary, useTasks } from '../../api/queries.js';
import { useRoles } from '../../auth/auth.js';
import { useOrgKind } from '../../auth/unit.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { PageTitle } from '../../components/PageTitle.js';
import { isLoggableDay, loggableDays, todayIn } from '../../lib/dates.js';
import { eventsLocked } from './due-items.js';
import { EventPhotos } from '../../components/EventPhotos.js';
import { DEFAULT_METRICS, eventFieldPath } from './event-body.js';
import { LedgerLockedNotice } from './LedgerLockedNotice.js';
import { MetricField } from './MetricField.js';
import { EventTypeField } from './EventTypeField.js';
import { unitEventTypes } from './event-types.js';
import { TaskField } from './TaskField.js';
import { UnitNav } from './UnitNav.js';

interface EditValues {
  type: EventType;
  title: string;
  occurredOn: Dayjs;
  location?: string;
  description?: string;
  taskId?: string;
  metrics?: Record<string, number | null>;
}

/** Corrects a logged event (online only): every field of the record form, all of the campaign's counts. */
export function EventEditPage() {
  const { id = '', eventId = '' } = useParams();
  const { t } = useTranslation();
  const roles = useRoles();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const campaign = useCampaign(id);
  const event = useEvent(eventId);
  const [form] = Form.useForm<EditValues>();
  const { busy, error, setError, run } = useFormSubmit(form, eventFieldPath);
  const e = event.data;
  const c = campaign.data;
  const summary = useSummary(id, e?.organizationId);
  const tasks = useTasks(id, e?.organizationId);
  const kind = useOrgKind(e?.organizationId);
  const locked = eventsLocked(summary.data?.status);

  useEffect(() => {
    if (!e) return;
    form.setFieldsValue({
      type: e.type,
      title: e.title,
      occurredOn: dayjs(e.occurredOn),
      location: e.location ?? undefined,
      description: e.description ?? undefined,
      taskId: e.taskId ?? undefined,
      metrics: Object.fromEntries(Object.entries(e.metrics).map(([k, v]) => [k, Number(v)])),
    });
  }, [e, form]);

  if (event.isLoading || campaign.isLoading) return <Skeleton active />;
  if (!e || !c) return <ErrorAlert error={event.error ?? campaign.error} />;
  // an event exists, so the campaign has started: its own day is always one of these
  const days = loggableDays(c, todayIn(roles.timeZone));
  const metrics = c.metrics?.length ? c.metrics : DEFAULT_METRICS;
  // the unit's types, and the event's own even when it is not one of them (an imported row)
  const suggested = unitEventTypes(kind, c.suggestedEventTypes ?? []);
  const types = suggested.includes(e.type) ? suggested : [e.type, ...suggested];
  const taskChoices = (tasks.data ?? []).filter(
    (x) =>
      x.organizationId === e.organizationId && (x.id === e.taskId || (x.status !== 'DONE' && x.status !== 'CANCELLED')),
  );
  const backToLedger = async () => {
    await qc.invalidateQueries({ queryKey: ['campaigns', id] });
    await qc.invalidateQueries({ queryKey: ['events', eventId] });
    navigate(`/unit/${id}/ledger`);
  };

  const save = async (v: EditValues) => {
    const counts: Record<string, number> = {};
    for (const [k, n] of Object.entries(v.metrics ?? {}))
      if (typeof n === 'number' && Number.isFinite(n)) counts[k] = n;
    await run(async () => {
      await mutations.updateEvent(eventId, {
        type: v.type,
        title: v.title.trim(),
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        location: v.location?.trim() || null,
        description: v.description?.trim() || null,
        taskId: v.taskId ?? null,
        metrics: counts,
      });
      message.success(t('eventEdit.saved', { title: v.title.trim() }));
      await backToLedger();
    });
  };

  const remove = async () => {
    try {
      await mutations.deleteEvent(eventId);
      message.success(t('ledger.deleted'));
      await backToLedger();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <UnitNav campaignId={id} />
      <PageTitle title={t('eventEdit.title')} sub={c.title} />
      {locked && <LedgerLockedNotice />}
      <ErrorAlert error={error} scrollIntoView />
      <Form form={form} layout="vertical" onFinish={save} disabled={busy || locked} data-testid="event-edit-form">
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <EventTypeField types={types} kind={kind} />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="occurredOn" label={t('event.field.occurredOn')} rules={[{ required: true }]}>
              <DatePicker
                size="large"
                style={{ width: '100%' }}
                disabledDate={(d) => !isLoggableDay(days, d.format('YYYY-MM-DD'))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label={t('eventEdit.name')}
              rules={[{ required: true, whitespace: true }, { max: 200 }]}
            >
              <Input size="large" data-testid="edit-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="location" label={t('event.field.location')} rules={[{ max: 200 }]}>
              <Input size="large" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          {metrics.map((m) => (
            <Col xs={12} md={6} key={m.key}>
              <MetricField metric={m} testId={`edit-metric-${m.key}`} />
            </Col>
          ))}
        </Row>
        <TaskField tasks={taskChoices} testId="edit-task" />
        <Form.Item name="description" label={t('event.field.description')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <EventPhotos eventId={e.id} photos={e.photos} editable={!locked} />
        {!locked && (
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Button type="primary" size="large" htmlType="submit" loading={busy} data-testid="edit-save">
              {t('common.save')}
            </Button>
            <Popconfirm title={t('ledger.deleteConfirm')} onConfirm={remove}>
              <Button danger size="large" icon={<DeleteOutlined />}>
                {t('common.remove')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Form>
    </>
  );
}
