import type { OrganizationKind } from '@campaign-month/contracts';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { adminMutations } from '../../api/admin.js';
import { fieldPath } from '../../api/errors.js';
import { useAuth } from '../../auth/auth.js';
import { AuthShell } from '../../components/AuthShell.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { UnitKindSelect } from '../../components/UnitKindSelect.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { parseContact } from '../../lib/contact.js';
import { confirmRules, PASSWORD_MIN, passwordRules } from '../../lib/password-rules.js';

interface Values {
  tenantName: string;
  kind: OrganizationKind;
  adminName: string;
  contact: string;
  password: string;
  confirm: string;
}

/** The API's field names → this form's (the unit is named once: tenant name = top unit's name). */
const FIELDS: Record<string, string> = {
  'organization.name': 'tenantName',
  'organization.kind': 'kind',
  'admin.name': 'adminName',
  'admin.email': 'contact',
  'admin.phone': 'contact',
  'admin.password': 'password',
};
const mapField = (field: string) => (FIELDS[field] ? [FIELDS[field]] : fieldPath(field));

export function SignupPage() {
  const { t } = useTranslation();
  const { signedIn, startSession } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { busy, error, fieldsPlaced, run } = useFormSubmit(form, mapField);
  if (signedIn) return <Navigate to="/" replace />;

  const onFinish = (v: Values) =>
    run(async () => {
      const contact = parseContact(v.contact) ?? {};
      const name = v.tenantName.trim();
      const result = await adminMutations.registerTenant({
        tenantName: name,
        organization: { name, kind: v.kind },
        admin: { name: v.adminName.trim(), ...contact, password: v.password },
      });
      startSession(result);
      navigate('/', { replace: true });
    });

  return (
    <AuthShell title={t('signup.title')} subtitle={t('signup.subtitle')} width={480}>
      <ErrorAlert error={error} fieldsShown={fieldsPlaced} titles={{ 429: t('signup.throttled') }} scrollIntoView />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item
          name="tenantName"
          label={t('signup.tenantName')}
          rules={[{ required: true, whitespace: true, message: t('fieldError.required') }, { max: 100 }]}
        >
          <Input
            placeholder={t('signup.tenantNamePlaceholder')}
            autoComplete="organization"
            data-testid="signup-tenant"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('signup.kind')} rules={[{ required: true, message: t('fieldError.required') }]}>
          <UnitKindSelect data-testid="signup-kind" />
        </Form.Item>
        <Form.Item
          name="adminName"
          label={t('signup.adminName')}
          rules={[{ required: true, whitespace: true, message: t('fieldError.required') }, { max: 100 }]}
        >
          <Input autoComplete="name" data-testid="signup-name" />
        </Form.Item>
        <Form.Item
          name="contact"
          label={t('signup.contact')}
          extra={t('signup.contactHint')}
          rules={[
            { required: true, message: t('fieldError.required') },
            {
              validator: async (_, v?: string) => (!v || parseContact(v) ? undefined : Promise.reject()),
              message: t('fieldError.login'),
            },
          ]}
        >
          <Input autoComplete="username" data-testid="signup-contact" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('signup.password')}
          extra={t('signup.passwordHint', { n: PASSWORD_MIN })}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" data-testid="signup-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('signup.confirm')}
          dependencies={['password']}
          rules={confirmRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" data-testid="signup-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="signup-submit">
          {t('signup.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('signup.haveAccount')}
        <Link to="/login">{t('signup.login')}</Link>
      </Typography.Paragraph>
    </AuthShell>
  );
}
