// 提醒规则 of a month, for its organizers: the days before a task is due, overdue reminders, escalation,
// leading group and event reminders, the summary's deadline and the digest hour. A rule whose switch is
// off is sent as null (关闭); PUT takes every field.
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyKeys, notifyMutations, useReminderRules } from '../../api/notify.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { formToRules, NULLABLE_RULES, type RulesForm, rulesToForm } from '../../lib/notify.js';

const LIMITS: Record<keyof typeof NULLABLE_RULES, [number, number]> = {
  escalateAfterDays: [1, 60],
  noGroupByDay: [1, 60],
  noEventDays: [1, 60],
  summaryDueSoonDays: [0, 30],
};

function OptionalRule({ name, label }: { name: keyof typeof NULLABLE_RULES; label: string }) {
  const { t } = useTranslation();
  const on = Form.useWatch([name, 'on']);
  const [min, max] = LIMITS[name];
  return (
    <Form.Item label={label} required={false} style={{ marginBottom: 12 }}>
      <Space>
        <Form.Item name={[name, 'on']} valuePropName="checked" noStyle>
          <Switch checkedChildren={t('rules.on')} unCheckedChildren={t('rules.off')} data-testid={`rule-${name}-on`} />
        </Form.Item>
        <Form.Item name={[name, 'value']} noStyle rules={[{ required: !!on, type: 'number', min, max }]}>
          <InputNumber min={min} max={max} precision={0} disabled={!on} style={{ width: 100 }} aria-label={label} />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}

export function ReminderRulesPanel({ campaignId, editable }: { campaignId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const rules = useReminderRules(campaignId);
  const [form] = Form.useForm<RulesForm>();
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rulesToForm(rules.data));
  }, [rules.data, form]);
  const { run, busy, error } = useFormSubmit(form, (f) => (f in NULLABLE_RULES ? [f, 'value'] : [f]));

  if (rules.isLoading) return <Skeleton active />;
  if (rules.error) return <ErrorAlert error={rules.error} />;

  const save = (values: RulesForm) =>
    run(async () => {
      const saved = await notifyMutations.saveRules(campaignId, formToRules(values));
      qc.setQueryData(notifyKeys.rules(campaignId), saved);
      message.success(t('rules.saved'));
    });

  return (
    <Card size="small" style={{ maxWidth: 640 }} data-testid="reminder-rules">
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="horizontal" labelCol={{ flex: '300px' }} labelWrap onFinish={save} disabled={!editable}>
        <Form.Item
          name="dueSoonDays"
          label={t('rules.dueSoonDays')}
          rules={[{ required: true, type: 'number', min: 0, max: 30 }]}
          style={{ marginBottom: 12 }}
        >
          <InputNumber min={0} max={30} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="overdue" label={t('rules.overdue')} valuePropName="checked" style={{ marginBottom: 12 }}>
          <Switch checkedChildren={t('rules.on')} unCheckedChildren={t('rules.off')} />
        </Form.Item>
        <OptionalRule name="escalateAfterDays" label={t('rules.escalateAfterDays')} />
        <OptionalRule name="noGroupByDay" label={t('rules.noGroupByDay')} />
        <OptionalRule name="noEventDays" label={t('rules.noEventDays')} />
        <OptionalRule name="summaryDueSoonDays" label={t('rules.summaryDueSoonDays')} />
        <Form.Item
          name="digestHour"
          label={t('rules.digestHour')}
          rules={[{ required: true, type: 'number', min: 0, max: 23 }]}
          style={{ marginBottom: 12 }}
        >
          <InputNumber min={0} max={23} precision={0} style={{ width: 100 }} />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="rules-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
