import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { keys, mutations, useCampaign, useLeadingGroup, useTemplates } from '../../api/queries.js';
import type { LeadingGroupMemberView } from '../../api/types.js';
import { useUnit } from '../../auth/unit.js';
import { applyFieldErrors, ErrorAlert } from '../../components/ErrorAlert.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitNav } from './UnitNav.js';

/** The API's rule for a phone number (digits, spaces, + - ( ), 3 to 30), on the trimmed value. */
const PHONE = /^\s*(?:[0-9+\-() ]{3,30})?\s*$/;
const EMPTY: LeadingGroupMemberView = { name: '', role: 'MEMBER' };

export function LeadingGroupPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const unit = useUnit();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const group = useLeadingGroup(id, unit?.id);
  const campaign = useCampaign(id);
  const templates = useTemplates();
  const shape = templates.data?.find((x) => x.key === campaign.data?.templateKey)?.leadingGroupShape ?? [];
  const [form] = Form.useForm<{ members: LeadingGroupMemberView[] }>();
  const [error, setError] = useState<unknown>(null);
  const [fieldsPlaced, setFieldsPlaced] = useState(false);
  const [busy, setBusy] = useState(false);

  // An empty roster starts from the template's suggested seats (role, department, duty), names and
  // posts left to fill in. Wait for the template so that the form is filled once, before anyone types.
  const ready =
    !!group.data && (!campaign.data?.templateKey || !!templates.data || !!templates.error) && !campaign.isLoading;
  const initialized = useRef(false);
  useEffect(() => {
    if (!ready || initialized.current || !group.data) return;
    initialized.current = true;
    const seats: LeadingGroupMemberView[] = shape.length
      ? shape.map((x) => ({ ...EMPTY, role: x.role, department: x.department, duty: x.duty }))
      : [{ ...EMPTY, role: 'LEADER' }, { ...EMPTY, role: 'DEPUTY' }, { ...EMPTY }];
    form.setFieldsValue({ members: group.data.members.length ? group.data.members : seats });
  }, [ready, group.data, shape, form]);

  const save = async (v: { members: LeadingGroupMemberView[] }) => {
    if (!unit) return;
    setBusy(true);
    setError(null);
    try {
      const members = v.members.map((m) => ({
        ...(m.id ? { id: m.id } : {}),
        name: m.name.trim(),
        role: m.role,
        title: m.title?.trim() || null,
        department: m.department?.trim() || null,
        duty: m.duty?.trim() || null,
        phone: m.phone?.trim() || null,
      }));
      await mutations.saveLeadingGroup(id, unit.id, members);
      message.success(t('group.saved'));
      await qc.invalidateQueries({ queryKey: keys.group(id, unit.id) });
      navigate(`/unit/${id}`);
    } catch (err) {
      setFieldsPlaced(applyFieldErrors(form, err, t));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const leaderRule = {
    validator: async () => {
      const members = (form.getFieldValue('members') ?? []) as LeadingGroupMemberView[];
      const leaders = members.filter((m) => m?.role === 'LEADER').length;
      if (leaders !== 1) throw new Error(t('group.oneLeader'));
    },
  };

  return (
    <>
      <UnitNav campaignId={id} />
      <PageTitle title={t('group.title')} sub={t('group.subtitle')} />
      <ErrorAlert error={error ?? group.error} fieldsShown={!!error && fieldsPlaced} />
      {!ready ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" onFinish={save} disabled={busy} requiredMark={false}>
          <Form.List name="members" rules={[leaderRule]}>
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={t('group.memberN', { n: index + 1 })}
                    extra={
                      fields.length > 1 && (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={t('common.remove')}
                        />
                      )
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={12} md={6}>
                        <Form.Item
                          name={[field.name, 'name']}
                          label={t('group.field.name')}
                          rules={[{ required: true, whitespace: true, message: t('fieldError.required') }, { max: 50 }]}
                        >
                          <Input data-testid={`member-${index}-name`} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item
                          name={[field.name, 'role']}
                          label={t('group.field.role')}
                          rules={[{ required: true }]}
                        >
                          <Select
                            data-testid={`member-${index}-role`}
                            options={(['LEADER', 'DEPUTY', 'MEMBER'] as const).map((r) => ({
                              value: r,
                              label: t(`groupRole.${r}`),
                            }))}
                            onChange={() => form.validateFields([['members']]).catch(() => undefined)}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[field.name, 'title']} label={t('group.field.title')} rules={[{ max: 50 }]}>
                          <Input placeholder={t('group.field.titlePlaceholder')} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item
                          name={[field.name, 'department']}
                          label={t('group.field.department')}
                          rules={[{ max: 100 }]}
                        >
                          <Input placeholder={t('group.field.departmentPlaceholder')} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={16}>
                        <Form.Item name={[field.name, 'duty']} label={t('group.field.duty')} rules={[{ max: 500 }]}>
                          <Input placeholder={t('group.field.dutyPlaceholder')} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={8}>
                        <Form.Item
                          name={[field.name, 'phone']}
                          label={t('group.field.phone')}
                          rules={[{ pattern: PHONE, message: t('fieldError.phone') }]}
                        >
                          <Input inputMode="tel" />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ ...EMPTY })}
                  style={{ marginBottom: 16 }}
                >
                  {t('group.add')}
                </Button>
              </>
            )}
          </Form.List>
          <Typography.Paragraph type="secondary">{t('group.hint')}</Typography.Paragraph>
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="save-group">
            {t('common.save')}
          </Button>
        </Form>
      )}
    </>
  );
}
