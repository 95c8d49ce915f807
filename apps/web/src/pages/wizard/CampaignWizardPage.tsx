import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Steps,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldPath } from '../../api/errors.js';
import { keys, mutations, useTemplates } from '../../api/queries.js';
import type { CampaignView } from '../../api/types.js';
import { useAuth, useRoles } from '../../auth/auth.js';
import { applyFieldErrors, ErrorAlert } from '../../components/ErrorAlert.js';
import { OrgTreePicker } from '../../components/OrgTreePicker.js';
import { PageTitle } from '../../components/PageTitle.js';
import { formatFullDay, formatPeriod, todayIn } from '../../lib/dates.js';
import { NoticeFields } from './NoticeFields.js';
import { SuggestedTasks } from './SuggestedTasks.js';
import { suggestedReportDueOn, templateDueOn } from './task-dates.js';
import { TemplateStep } from './TemplateStep.js';

interface BasicsForm {
  organizerOrgId: string;
  title: string;
  period: [Dayjs, Dayjs];
  reportDueOn: Dayjs;
  directiveTitle?: string;
  directiveNumber?: string;
  purpose?: string;
  goals?: string;
}

const DAY = 'YYYY-MM-DD';
const STEP_FIELDS = [
  'title',
  'startsOn',
  'endsOn',
  'reportDueOn',
  'directiveTitle',
  'directiveNumber',
  'purpose',
  'goals',
  'organizerOrgId',
];

/** API field -> wizard form field (the period is one range picker). */
function mapField(field: string): (string | number)[] {
  if (field === 'startsOn') return ['period'];
  if (field === 'endsOn') return ['period'];
  return fieldPath(field);
}

export function CampaignWizardPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const roles = useRoles();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const templates = useTemplates();
  const [step, setStep] = useState(0);
  const [templateKey, setTemplateKey] = useState<string | null>(null);
  const [participants, setParticipants] = useState<string[]>([]);
  const [noUnits, setNoUnits] = useState(false);
  const [suggested, setSuggested] = useState<string[]>([]);
  const [launchNow, setLaunchNow] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [fieldsPlaced, setFieldsPlaced] = useState(false);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CampaignView | null>(null);
  const [form] = Form.useForm<BasicsForm>();
  const organizerOrgs = (me?.memberships ?? []).filter((m) => m.role === 'ORGANIZER' || m.role === 'ADMIN');
  const template = useMemo(() => templates.data?.find((x) => x.key === templateKey), [templates.data, templateKey]);
  const organizerOrgId = Form.useWatch('organizerOrgId', form) ?? organizerOrgs[0]?.organizationId;

  const chooseTemplate = (key: string | null) => {
    setTemplateKey(key);
    const tpl = templates.data?.find((x) => x.key === key);
    const start = dayjs().add(1, 'month').startOf('month');
    const end = tpl?.durationDays ? start.add(tpl.durationDays - 1, 'day') : start.endOf('month');
    form.setFieldsValue({
      title: tpl ? `${start.year()}年${tpl.title.replace(/^\d{4}年/, '')}` : '',
      period: [start, end],
      reportDueOn: dayjs(suggestedReportDueOn(end.format(DAY))),
      directiveTitle: tpl?.directiveTitle ?? undefined,
      purpose: tpl?.purpose ?? undefined,
      goals: tpl?.goals ?? undefined,
    });
    // the template's tasks are what a month needs: ticked until the organizer unticks one
    setSuggested(tpl?.suggestedTasks.map((x) => x.title) ?? []);
  };

  /** A new period gets a new summary deadline suggested (five days after it), as the template's did. */
  const onValuesChange = (changed: Partial<BasicsForm>) => {
    const end = changed.period?.[1];
    if (end) form.setFieldsValue({ reportDueOn: dayjs(suggestedReportDueOn(end.format(DAY))) });
  };

  const next = async () => {
    setError(null);
    if (step === 0) {
      if (!form.getFieldValue('period')) chooseTemplate(templateKey);
      setStep(1);
    } else if (step === 1) {
      // A refusal is already shown next to its fields; it must not escape as an unhandled rejection.
      const valid = await form.validateFields().then(
        () => true,
        () => false,
      );
      if (valid) setStep(2);
    } else if (step === 2) {
      // A month nobody takes part in has no one to log, to cascade tasks to or to summarize.
      setNoUnits(participants.length === 0);
      if (participants.length > 0) setStep(3);
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    setFieldsPlaced(false);
    const v = form.getFieldsValue(true) as BasicsForm;
    try {
      let campaign = created;
      const fresh = !campaign;
      if (!campaign) {
        campaign = await mutations.createCampaign({
          templateKey: templateKey ?? undefined,
          title: v.title.trim(),
          organizerOrgId: v.organizerOrgId ?? organizerOrgs[0]?.organizationId,
          startsOn: v.period[0].format(DAY),
          endsOn: v.period[1].format(DAY),
          reportDueOn: v.reportDueOn.format(DAY),
          directiveTitle: v.directiveTitle?.trim() || undefined,
          directiveNumber: v.directiveNumber?.trim() || undefined,
          purpose: v.purpose?.trim() || undefined,
          goals: v.goals?.trim() || undefined,
          participants: participants.length ? { organizationIds: participants } : undefined,
        });
        setCreated(campaign);
      }
      if (!fresh && participants.length) await mutations.addParticipants(campaign.id, participants);
      if (launchNow && campaign.status === 'DRAFT') {
        await mutations.launch(campaign.id);
        campaign = { ...campaign, status: 'ACTIVE' };
        setCreated(campaign);
      }
      const start = v.period[0].format(DAY);
      const today = todayIn(roles.timeZone);
      for (const title of suggested) {
        const task = template?.suggestedTasks.find((x) => x.title === title);
        const organizationId = campaign.organizerOrgId || v.organizerOrgId || organizerOrgs[0]?.organizationId;
        const cascade = task?.cascade ?? 'PARTICIPANTS';
        if (task?.key) await mutations.createTask(campaign.id, { organizationId, templateTaskKey: task.key, cascade });
        else {
          const due =
            task?.dueOffsetDays != null
              ? templateDueOn(start, task.dueOffsetDays, today, v.reportDueOn.format(DAY))
              : v.period[1].format(DAY);
          await mutations.createTask(campaign.id, {
            organizationId,
            title,
            description: task?.description ?? undefined,
            dueOn: due,
            cascade,
          });
        }
        setSuggested((xs) => xs.filter((x) => x !== title));
      }
      await qc.invalidateQueries({ queryKey: keys.campaigns });
      navigate(`/campaigns/${campaign.id}`);
    } catch (err) {
      setError(err);
      const fields = (err as { fieldErrors?: { field: string }[] }).fieldErrors ?? [];
      if (!created && fields.some((f) => STEP_FIELDS.includes(f.field))) {
        setStep(1);
        setTimeout(() => setFieldsPlaced(applyFieldErrors(form, err, t, mapField)), 0);
      }
    } finally {
      setBusy(false);
    }
  };

  const v = form.getFieldsValue(true) as Partial<BasicsForm>;

  return (
    <>
      <PageTitle title={t('wizard.title')} sub={t('wizard.subtitle')} />
      <Card>
        <Steps
          current={step}
          responsive
          style={{ marginBottom: 24 }}
          items={[
            { title: t('wizard.step.template') },
            { title: t('wizard.step.basics') },
            { title: t('wizard.step.participants') },
            { title: t('wizard.step.confirm') },
          ]}
        />
        <ErrorAlert error={error} fieldsShown={fieldsPlaced} />
        {created && error ? (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('wizard.createdPartially')} />
        ) : null}

        <div hidden={step !== 0}>
          <TemplateStep
            templates={templates.data}
            loading={templates.isLoading}
            value={templateKey}
            onChange={chooseTemplate}
          />
          <ErrorAlert error={templates.error} style={{ marginTop: 16 }} />
        </div>

        <Form
          form={form}
          layout="vertical"
          hidden={step !== 1}
          initialValues={{ organizerOrgId: organizerOrgs[0]?.organizationId }}
          onValuesChange={onValuesChange}
          disabled={!!created}
        >
          {organizerOrgs.length > 1 && (
            <Form.Item
              name="organizerOrgId"
              label={t('wizard.organizer')}
              rules={[{ required: true, message: t('fieldError.required') }]}
            >
              <Select options={organizerOrgs.map((m) => ({ value: m.organizationId, label: m.organizationName }))} />
            </Form.Item>
          )}
          <Form.Item
            name="title"
            label={t('wizard.field.title')}
            rules={[{ required: true, message: t('fieldError.required') }, { max: 200 }]}
          >
            <Input placeholder={t('wizard.field.titlePlaceholder')} />
          </Form.Item>
          <Space size={16} wrap align="start">
            <Form.Item
              name="period"
              label={t('wizard.field.period')}
              rules={[{ required: true, message: t('fieldError.required') }]}
            >
              <DatePicker.RangePicker />
            </Form.Item>
            <Form.Item
              name="reportDueOn"
              label={t('wizard.field.reportDueOn')}
              dependencies={['period']}
              rules={[
                { required: true, message: t('fieldError.required') },
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | undefined) => {
                    const period = getFieldValue('period') as [Dayjs, Dayjs] | undefined;
                    if (!value || !period?.[1] || !value.isBefore(period[1], 'day')) return Promise.resolve();
                    return Promise.reject(new Error(t('wizard.reportBeforeEnd')));
                  },
                }),
              ]}
            >
              <DatePicker />
            </Form.Item>
          </Space>
          <NoticeFields />
        </Form>

        <div hidden={step !== 2}>
          <Typography.Paragraph type="secondary">{t('wizard.participantsHint')}</Typography.Paragraph>
          <OrgTreePicker
            rootId={organizerOrgId}
            value={participants}
            onChange={(ids) => {
              setParticipants(ids);
              if (ids.length) setNoUnits(false);
            }}
          />
          {noUnits && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('wizard.participantsRequired')}
              data-testid="no-units"
              style={{ marginTop: 12 }}
            />
          )}
        </div>

        {step === 3 && (
          <div>
            <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('wizard.step.template')}>
                {template?.title ?? t('wizard.blank')}
              </Descriptions.Item>
              <Descriptions.Item label={t('wizard.field.title')}>{v.title}</Descriptions.Item>
              <Descriptions.Item label={t('wizard.field.period')}>
                {v.period ? formatPeriod(v.period[0].format(DAY), v.period[1].format(DAY), i18n.language) : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('wizard.field.reportDueOn')}>
                {v.reportDueOn ? formatFullDay(v.reportDueOn.format(DAY), i18n.language) : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('wizard.field.directiveTitle')}>
                {v.directiveTitle ? `《${v.directiveTitle}》${v.directiveNumber ?? ''}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('wizard.step.participants')}>
                {t('wizard.pickedCount', { count: participants.length })}
              </Descriptions.Item>
            </Descriptions>
            {template && template.suggestedTasks.length > 0 && v.period && v.reportDueOn && (
              <SuggestedTasks
                template={template}
                value={suggested}
                onChange={setSuggested}
                period={{
                  startsOn: v.period[0].format(DAY),
                  endsOn: v.period[1].format(DAY),
                  reportDueOn: v.reportDueOn.format(DAY),
                }}
                launchDay={todayIn(roles.timeZone)}
              />
            )}
            <Checkbox checked={launchNow} onChange={(e) => setLaunchNow(e.target.checked)} data-testid="launch-now">
              {t('wizard.launchNow')}
            </Checkbox>
          </div>
        )}

        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 24, gap: 8 }}>
          <Button onClick={() => (step === 0 ? navigate('/campaigns') : setStep(step - 1))} disabled={busy}>
            {step === 0 ? t('common.cancel') : t('common.back')}
          </Button>
          {step < 3 ? (
            <Button type="primary" onClick={next} data-testid="wizard-next">
              {t('common.next')}
            </Button>
          ) : (
            <Button type="primary" onClick={submit} loading={busy} data-testid="wizard-create">
              {launchNow ? t('wizard.createAndLaunch') : t('wizard.createDraft')}
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}
