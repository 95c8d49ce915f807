// 通知渠道 of a unit, for its admins: 企业微信/钉钉 group robots, a JSON webhook, e-mail. Listed with their
// last success and last failure, edited as a whole (PUT takes the list; an existing channel sent without a
// secret keeps its own), and tried with 发送测试 (a background job, polled until it is done).
import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { OrganizationTreeNode } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ChannelInput,
  type ChannelKind,
  type ChannelView,
  notifyKeys,
  notifyMutations,
  useChannels,
} from '../../../api/notify.js';
import { useRoles } from '../../../auth/auth.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useFormSubmit } from '../../../components/useFormSubmit.js';
import { formatDateTime } from '../../../lib/dates.js';
import { jobDone, testResults } from '../../../lib/notify.js';

const KINDS: ChannelKind[] = ['WECOM', 'DINGTALK', 'WEBHOOK', 'EMAIL'];

interface Row {
  id?: string;
  kind: ChannelKind;
  url?: string;
  secret?: string;
  to?: string[];
  enabled: boolean;
}

const toRow = (c: ChannelView): Row => ({
  id: c.id,
  kind: c.kind,
  url: c.url ?? '',
  to: c.to ?? [],
  enabled: c.enabled,
});

function toInput(r: Row): ChannelInput {
  const out: ChannelInput = { kind: r.kind, enabled: !!r.enabled };
  if (r.id) out.id = r.id;
  if (r.kind === 'EMAIL') out.to = r.to ?? [];
  else out.url = (r.url ?? '').trim();
  if (r.secret?.trim()) out.secret = r.secret.trim();
  return out;
}

type TestState =
  | { phase: 'running' }
  | { phase: 'done'; results: ReturnType<typeof testResults> }
  | { phase: 'failed'; error: string };

function ChannelStatus({ c }: { c: ChannelView | undefined }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useRoles();
  if (!c) return null;
  return (
    <div style={{ fontSize: 12, marginTop: 4 }} data-testid="channel-status">
      {c.lastSuccessAt ? (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          {t('channels.lastSuccess', { time: formatDateTime(c.lastSuccessAt, i18n.language, timeZone) })}
        </Typography.Text>
      ) : (
        !c.lastFailure && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('channels.never')}
          </Typography.Text>
        )
      )}
      {c.lastFailure && (
        <div>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {t('channels.lastFailure', {
              time: formatDateTime(c.lastFailure.at, i18n.language, timeZone),
              status: c.lastFailure.status ?? '—',
              message: c.lastFailure.message ?? '',
            })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

export function ChannelsDrawer({ unit, onClose }: { unit: OrganizationTreeNode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const channels = useChannels(unit?.id);
  const [form] = Form.useForm<{ channels: Row[] }>();
  const { run, busy, error, fieldsPlaced } = useFormSubmit(form);
  const [test, setTest] = useState<TestState | null>(null);
  const rows = Form.useWatch('channels', form) ?? [];

  useEffect(() => {
    if (channels.data) form.setFieldsValue({ channels: channels.data.items.map(toRow) });
  }, [channels.data, form]);
  useEffect(() => {
    if (!unit) setTest(null);
  }, [unit]);

  const save = (values: { channels: Row[] }) =>
    run(async () => {
      const saved = await notifyMutations.saveChannels(unit!.id, (values.channels ?? []).map(toInput));
      qc.setQueryData(notifyKeys.channels(unit!.id), saved);
      message.success(t('channels.saved'));
    });

  const sendTest = async () => {
    if (!unit) return;
    setTest({ phase: 'running' });
    try {
      const { jobId } = await notifyMutations.testChannels(unit.id);
      for (let i = 0; i < 60; i += 1) {
        const job = await notifyMutations.job(jobId);
        if (jobDone(job.status)) {
          if (job.status === 'COMPLETED') setTest({ phase: 'done', results: testResults(job.result) });
          else setTest({ phase: 'failed', error: String((job.error as { message?: string })?.message ?? job.status) });
          await qc.invalidateQueries({ queryKey: notifyKeys.channels(unit.id) });
          return;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
      setTest({ phase: 'failed', error: 'timeout' });
    } catch (err) {
      setTest({ phase: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const byId = new Map((channels.data?.items ?? []).map((c) => [c.id, c]));
  const results = test?.phase === 'done' ? test.results : [];
  const resultFor = (id?: string) => results.find((r) => r.channelId === id);

  return (
    <Drawer
      open={!!unit}
      onClose={onClose}
      size={560}
      title={unit ? t('channels.title', { name: unit.name }) : null}
      destroyOnHidden
      extra={
        <Button
          icon={<SendOutlined />}
          onClick={sendTest}
          loading={test?.phase === 'running'}
          disabled={!channels.data?.items.some((c) => c.enabled)}
          data-testid="channels-test"
        >
          {t('channels.test')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('channels.intro')}</Typography.Paragraph>
      {test?.phase === 'running' && (
        <Alert type="info" showIcon title={t('channels.testing')} style={{ marginBottom: 12 }} />
      )}
      {test?.phase === 'done' && (
        <Alert
          type={results.every((r) => r.ok) ? 'success' : 'warning'}
          showIcon
          title={t('channels.testDone', { sent: results.filter((r) => r.ok).length, total: results.length })}
          style={{ marginBottom: 12 }}
          data-testid="channels-test-result"
        />
      )}
      {test?.phase === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={`${t('channels.testFailed')}: ${test.error}`}
          style={{ marginBottom: 12 }}
        />
      )}
      {channels.isLoading ? (
        <Skeleton active />
      ) : channels.error ? (
        <ErrorAlert error={channels.error} />
      ) : (
        <Form form={form} layout="vertical" onFinish={save}>
          <ErrorAlert error={error} fieldsShown={fieldsPlaced} style={{ marginBottom: 12 }} />
          <Form.List name="channels">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 && <Empty description={t('channels.none')} />}
                {fields.map((field) => {
                  const row = rows[field.name] as Row | undefined;
                  const kind = row?.kind ?? 'WECOM';
                  const saved = row?.id ? byId.get(row.id) : undefined;
                  const result = resultFor(row?.id);
                  return (
                    <Card
                      key={field.key}
                      size="small"
                      style={{ marginBottom: 12 }}
                      data-testid="channel-card"
                      title={
                        <Space>
                          <Form.Item name={[field.name, 'kind']} noStyle>
                            <Select
                              style={{ width: 130 }}
                              options={KINDS.map((k) => ({ value: k, label: t(`channels.kindName.${k}`) }))}
                              aria-label={t('channels.kind')}
                            />
                          </Form.Item>
                          {result && (
                            <Tag color={result.ok ? 'green' : 'red'}>
                              {result.ok
                                ? t('channels.testOk')
                                : `${t('channels.testError')}${result.status ? ` ${result.status}` : ''}${result.message ? `：${result.message}` : ''}`}
                            </Tag>
                          )}
                        </Space>
                      }
                      extra={
                        <Space>
                          <Form.Item name={[field.name, 'enabled']} valuePropName="checked" noStyle>
                            <Switch size="small" aria-label={t('channels.enabled')} />
                          </Form.Item>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('channels.enabled')}
                          </Typography.Text>
                          <Popconfirm title={t('channels.removeConfirm')} onConfirm={() => remove(field.name)}>
                            <Button
                              size="small"
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('common.remove')}
                            />
                          </Popconfirm>
                        </Space>
                      }
                    >
                      <Form.Item name={[field.name, 'id']} hidden>
                        <Input />
                      </Form.Item>
                      {kind === 'EMAIL' ? (
                        <Form.Item
                          name={[field.name, 'to']}
                          label={t('channels.to')}
                          rules={[{ required: true, type: 'array', min: 1 }]}
                          style={{ marginBottom: 0 }}
                        >
                          <Select
                            mode="tags"
                            open={false}
                            tokenSeparators={[',', '，', ' ', ';']}
                            placeholder={t('channels.toPlaceholder')}
                          />
                        </Form.Item>
                      ) : (
                        <>
                          <Form.Item
                            name={[field.name, 'url']}
                            label={t('channels.url')}
                            extra={kind === 'WEBHOOK' ? undefined : t('channels.urlHelp')}
                            rules={[{ required: true, pattern: /^https?:\/\/\S+$/, message: t('channels.urlInvalid') }]}
                            style={{ marginBottom: 8 }}
                          >
                            <Input placeholder="https://" data-testid="channel-url" />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'secret']}
                            label={t('channels.secret')}
                            extra={
                              saved?.secretMasked ? t('channels.secretKept', { masked: saved.secretMasked }) : undefined
                            }
                            style={{ marginBottom: 0 }}
                          >
                            <Input.Password autoComplete="new-password" />
                          </Form.Item>
                        </>
                      )}
                      <ChannelStatus c={saved} />
                    </Card>
                  );
                })}
                <Space>
                  <Button
                    icon={<PlusOutlined />}
                    disabled={fields.length >= 10}
                    title={fields.length >= 10 ? t('channels.max') : undefined}
                    onClick={() => add({ kind: 'WECOM', url: '', enabled: true } satisfies Row)}
                    data-testid="channels-add"
                  >
                    {t('channels.add')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={busy} data-testid="channels-save">
                    {t('channels.save')}
                  </Button>
                </Space>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Drawer>
  );
}
