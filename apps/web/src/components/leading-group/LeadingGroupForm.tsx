import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Card, Col, Form, Input, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS_BY_KIND } from '@campaign-month/contracts';
import { isNetworkError } from '../../api/errors.js';
import { keys, mutations, useCampaign, useLeadingGroup, useTemplates } from '../../api/queries.js';
import type { LeadingGroupMemberView, LeadingGroupView } from '../../api/types.js';
import { useOrgKind } from '../../auth/unit.js';
import { loadState } from '../../lib/query-state.js';
import { ErrorAlert } from '../ErrorAlert.js';
import { DataUnavailable } from '../OfflineNotice.js';
import { useFormSubmit } from '../useFormSubmit.js';
import { LeadingGroupRoster } from './LeadingGroupRoster.js';
import { EMPTY_MEMBER, hasOneLeader, isBlankRow, PHONE, rosterPayload, startingRoster } from './roster.js';

/**
 * One unit's leading group (领导小组) in one campaign: the editor (template-suggested seats for an empty
 * roster, exactly one 组长, the API's field errors next to their fields; saving replaces the whole roster)
 * or, when not `editable`, the roster to read. Used by the unit's own page and by the organizer's
 * campaign page for the organizing office's group.
 */
export function LeadingGroupForm({
  campaignId,
  orgId,
  editable,
  onSaved,
}: {
  campaignId: string;
  /** The unit whose group it is; nothing is loaded until it is known. */
  orgId: string | undefined;
  editable: boolean;
  /** After a save (the form already shows the stored roster). */
  onSaved?: (saved: LeadingGroupView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const group = useLeadingGroup(campaignId, orgId);
  const campaign = useCampaign(campaignId);
  const templates = useTemplates();
  const shape = templates.data?.find((x) => x.key === campaign.data?.templateKey)?.leadingGroupShape ?? [];
  const kind = useOrgKind(orgId);
  const departments = (kind && DEPARTMENTS_BY_KIND[kind]) ?? [];
  const [form] = Form.useForm<{ members: LeadingGroupMemberView[] }>();
  const { busy, error, fieldsPlaced, run } = useFormSubmit(form);

  // An empty roster starts from the template's suggested seats (role, department, duty), names and
  // posts left to fill in. Wait for the template so that the form is filled once, before anyone types.
  const ready =
    !!group.data && (!campaign.data?.templateKey || !!templates.data || !!templates.error) && !campaign.isLoading;
  const initialized = useRef(false);
  useEffect(() => {
    if (!editable || !ready || initialized.current || !group.data) return;
    initialized.current = true;
    form.setFieldsValue({ members: startingRoster(group.data.members, shape, departments) });
  }, [editable, ready, group.data, shape, departments, form]);

  const save = async (v: { members: LeadingGroupMemberView[] }) => {
    if (!orgId) return;
    await run(async () => {
      const saved = await mutations.saveLeadingGroup(campaignId, orgId, rosterPayload(v.members));
      message.success(t('group.saved'));
      qc.setQueryData(keys.group(campaignId, orgId), saved);
      await qc.invalidateQueries({ queryKey: keys.group(campaignId, orgId) });
      // saving the group completed the unit's 成立领导小组 task (and its parent's progress on the board)
      await qc.invalidateQueries({ queryKey: ['campaigns', campaignId, 'tasks'] });
      await qc.invalidateQueries({ queryKey: keys.progress(campaignId) });
      // the stored members carry their ids: a second save updates them instead of replacing them
      form.setFieldsValue({ members: saved.members });
      onSaved?.(saved);
    });
  };

  const leaderRule = {
    validator: async () => {
      if (!hasOneLeader(form.getFieldValue('members') ?? [])) throw new Error(t('group.oneLeader'));
    },
  };

  if (!editable) {
    if (loadState(group) === 'offline') return <DataUnavailable state="offline" />;
    if (group.error && !group.data) return <ErrorAlert error={group.error} />;
    if (!group.data) return <Skeleton active />;
    if (group.data.outOfScope)
      return <Alert type="info" showIcon title={t('group.outOfScope')} data-testid="group-out-of-scope" />;
    return <LeadingGroupRoster members={group.data.members} />;
  }

  return (
    <>
      <ErrorAlert
        error={error ?? (isNetworkError(group.error) ? null : group.error)}
        fieldsShown={!!error && fieldsPlaced}
        scrollIntoView
      />
      {loadState(group) === 'offline' ? (
        <DataUnavailable state="offline" />
      ) : !ready ? (
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
                          dependencies={[
                            ['members', field.name, 'title'],
                            ['members', field.name, 'phone'],
                          ]}
                          rules={[
                            // a row nobody filled in is left out; one with a post or a phone needs its name
                            ({ getFieldValue }) => ({
                              required: !isBlankRow(getFieldValue(['members', field.name])),
                              whitespace: true,
                              message: t('fieldError.required'),
                            }),
                            { max: 50 },
                          ]}
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
                          <AutoComplete
                            options={departments.map((d) => ({ value: d }))}
                            placeholder={
                              departments.length
                                ? t('group.field.departmentExamples', { examples: departments.slice(0, 3).join('、') })
                                : t('group.field.departmentPlaceholder')
                            }
                            filterOption={(input, option) => String(option?.value ?? '').includes(input)}
                            data-testid={`member-${index}-department`}
                          />
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
                  onClick={() => add({ ...EMPTY_MEMBER })}
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
