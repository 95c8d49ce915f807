import { CheckCircleOutlined, CloudUploadOutlined } from '@ant-design/icons';
import type { EventType } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Form, Input, Row, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors.js';
import { useCampaign, useSummary, useTasks } from '../../api/queries.js';
import { useRoles } from '../../auth/auth.js';
import { useOrgKind, useUnit } from '../../auth/unit.js';
import type { TaskView } from '../../api/types.js';
import { applyFieldErrors, ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { formatFullDay, isLoggableDay, loggableDays, todayIn } from '../../lib/dates.js';
import { flushQueue, queue, useOnline } from '../../offline/runtime.js';
import { eventsLocked } from './due-items.js';
import { DEFAULT_METRICS, eventBody, eventFieldPath, splitMetrics } from './event-body.js';
import { LedgerLockedNotice } from './LedgerLockedNotice.js';
import { MetricField } from './MetricField.js';
import { PhotoPicker } from './PhotoPicker.js';
import { describePhotoWarning } from '../../lib/photo-files.js';
import { EventTypeField } from './EventTypeField.js';
import { eventTypeLabel, unitEventTypes } from './event-types.js';
import { MarkTaskDone } from './MarkTaskDone.js';
import { TaskField } from './TaskField.js';
import { UnitNav } from './UnitNav.js';

interface FormValues {
  type: EventType;
  title?: string;
  occurredOn: Dayjs;
  location?: string;
  description?: string;
  taskId?: string;
  metrics?: Record<string, number | null>;
}

type Outcome = {
  kind: 'sent' | 'queued';
  title: string;
  warnings?: string[];
  /** The open task the event was logged for: the unit is offered to mark it done. */
  task?: TaskView;
} | null;

export function EventFormPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const unit = useUnit();
  const roles = useRoles();
  const online = useOnline();
  const qc = useQueryClient();
  const campaign = useCampaign(id);
  const tasks = useTasks(id, unit?.id);
  const summary = useSummary(id, unit?.id, 'UNIT', { keep: true });
  const [form] = Form.useForm<FormValues>();
  const [photos, setPhotos] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [moreCounts, setMoreCounts] = useState(false);
  const type = Form.useWatch('type', form);
  const c = campaign.data;
  const today = todayIn(roles.timeZone);

  const kind = useOrgKind(unit?.id);
  const types = useMemo(() => unitEventTypes(kind, c?.suggestedEventTypes ?? []), [kind, c]);
  const metrics = c?.metrics?.length ? c.metrics : DEFAULT_METRICS;
  const split = splitMetrics(metrics, type);
  const openTasks = (tasks.data ?? []).filter(
    (x) => x.status !== 'DONE' && x.status !== 'CANCELLED' && (!unit || x.organizationId === unit.id),
  );

  if (campaign.isLoading) return <Skeleton active />;
  if (!c || !unit) return <ErrorAlert error={campaign.error} />;

  const days = loggableDays(c, today);
  if (days.last === null)
    return (
      <>
        <UnitNav campaignId={id} />
        <PageTitle title={t('event.title')} sub={c.title} />
        <Alert
          type="info"
          showIcon
          title={t('event.notStarted', { day: formatFullDay(c.startsOn, i18n.language) })}
          data-testid="not-started"
        />
      </>
    );
  if (eventsLocked(summary.data?.status))
    return (
      <>
        <UnitNav campaignId={id} />
        <PageTitle title={t('event.title')} sub={c.title} />
        <LedgerLockedNotice />
        <Link to={`/unit/${id}/ledger`}>{t('event.openLedger')}</Link>
      </>
    );

  const submit = async (v: FormValues) => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    const typeLabel = eventTypeLabel(v.type, kind, t, i18n.language);
    const body = eventBody(
      { ...v, occurredOn: v.occurredOn.format('YYYY-MM-DD'), metrics: v.metrics ?? {} },
      unit.id,
      typeLabel,
    );
    try {
      const item = await queue.enqueue(
        id,
        body,
        photos.map((f) => ({ name: f.name, type: f.type || 'image/jpeg', blob: f })),
      );
      const result = navigator.onLine ? await flushQueue(true) : { sent: [], failed: [], waiting: [item] };
      const sent = result.sent.find((x) => x.key === item.key);
      const failed = result.failed.find((x) => x.key === item.key);
      if (failed) {
        await queue.discard(item.key);
        const err = new ApiError({
          status: failed.lastStatus ?? 400,
          message: failed.lastError,
          fieldErrors: failed.lastFieldErrors,
        });
        applyFieldErrors(form, err, t, eventFieldPath);
        if (err.fieldErrors.some((f) => f.field.startsWith('metrics.'))) setMoreCounts(true);
        setError(err);
        return;
      }
      setOutcome({
        kind: sent ? 'sent' : 'queued',
        title: String(body.title),
        warnings: sent?.photoWarnings,
        task: openTasks.find((x) => x.id === v.taskId),
      });
      form.resetFields();
      form.setFieldsValue({ type: v.type, occurredOn: v.occurredOn });
      setPhotos([]);
      window.scrollTo({ top: 0, behavior: 'smooth' });
      if (sent) await qc.invalidateQueries({ queryKey: ['campaigns', id] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <UnitNav campaignId={id} />
      <PageTitle title={t('event.title')} sub={c.title} />
      {!online && (
        <Alert
          type="info"
          showIcon
          icon={<CloudUploadOutlined />}
          style={{ marginBottom: 12 }}
          title={t('event.offlineHint')}
          data-testid="offline-hint"
        />
      )}
      {outcome && (
        <Alert
          type={outcome.kind === 'sent' ? 'success' : 'warning'}
          showIcon
          icon={outcome.kind === 'sent' ? <CheckCircleOutlined /> : <CloudUploadOutlined />}
          style={{ marginBottom: 12 }}
          title={
            outcome.kind === 'sent'
              ? t('event.sent', { title: outcome.title })
              : t('event.queued', { title: outcome.title })
          }
          description={
            <>
              {outcome.warnings?.map((w) => (
                <div key={w}>{describePhotoWarning(w, t)}</div>
              ))}
              <Link to={`/unit/${id}/ledger`}>{t('event.openLedger')}</Link>
              {outcome.kind === 'sent' && outcome.task && <MarkTaskDone task={outcome.task} campaignId={id} />}
            </>
          }
          data-testid={outcome.kind === 'sent' ? 'event-sent' : 'event-queued'}
        />
      )}
      <ErrorAlert error={error} fieldsShown={false} scrollIntoView />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        requiredMark={false}
        initialValues={{ type: types[0], occurredOn: dayjs(days.last) }}
        scrollToFirstError
        onFinishFailed={() => setMoreCounts(true)}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <EventTypeField types={types} kind={kind} testId="event-type" />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="occurredOn"
              label={t('event.field.occurredOn')}
              rules={[{ required: true, message: t('fieldError.required') }]}
            >
              <DatePicker
                size="large"
                style={{ width: '100%' }}
                inputReadOnly
                disabledDate={(d) => !isLoggableDay(days, d.format('YYYY-MM-DD'))}
                data-testid="event-day"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="location" label={t('event.field.location')} rules={[{ max: 200 }]}>
              <Input size="large" placeholder={t('event.field.locationPlaceholder')} data-testid="event-location" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label={t('event.field.title')}
              rules={[{ max: 200 }]}
              extra={t('event.field.titleHint')}
            >
              <Input size="large" data-testid="event-title" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('event.counts')}</Typography.Text>
        <Row gutter={12} style={{ marginTop: 8 }}>
          {[...split.main, ...split.more].map((m, i) => (
            <Col
              xs={12}
              md={6}
              key={m.key}
              style={i >= split.main.length && !moreCounts ? { display: 'none' } : undefined}
            >
              <MetricField metric={m} testId={`metric-${m.key}`} />
            </Col>
          ))}
        </Row>
        {split.more.length > 0 && (
          <Button
            type="link"
            style={{ padding: 0, marginBottom: 16 }}
            onClick={() => setMoreCounts(!moreCounts)}
            data-testid="more-counts"
          >
            {moreCounts ? t('event.fewerCounts') : t('event.moreCounts', { count: split.more.length })}
          </Button>
        )}
        <Form.Item label={t('event.field.photos')}>
          <PhotoPicker value={photos} onChange={setPhotos} />
        </Form.Item>
        <TaskField tasks={openTasks} testId="event-task" />
        <Form.Item
          name="description"
          label={t('event.field.description')}
          rules={[{ max: 4000 }]}
          extra={t('event.field.descriptionHint')}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="event-description" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={busy}
          style={{ height: 52 }}
          data-testid="event-submit"
        >
          {online ? t('event.submit') : t('event.submitOffline')}
        </Button>
      </Form>
    </>
  );
}
