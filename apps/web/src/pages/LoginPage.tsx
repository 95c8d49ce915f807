import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth.js';
import { AuthShell } from '../components/AuthShell.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useFormSubmit } from '../components/useFormSubmit.js';
import { parseContact } from '../lib/contact.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { signedIn, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<{ login: string; password: string }>();
  const { busy, error, run } = useFormSubmit(form);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (signedIn) return <Navigate to={from} replace />;

  const onFinish = (v: { login: string; password: string }) =>
    run(async () => {
      const id = parseContact(v.login);
      await signIn(id && 'phone' in id ? id.phone : v.login.trim(), v.password);
      navigate(from, { replace: true });
    });

  return (
    <AuthShell title={t('app.name')} subtitle={t('login.subtitle')}>
      <ErrorAlert error={error} fieldsShown titles={{ 401: t('login.badCredentials') }} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item
          name="login"
          label={t('login.email')}
          rules={[
            { required: true, message: t('fieldError.required') },
            {
              validator: async (_, v?: string) => (!v || parseContact(v) ? undefined : Promise.reject()),
              message: t('fieldError.login'),
            },
          ]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('fieldError.required') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('login.noAccount')}
        <Link to="/signup" data-testid="signup-link">
          {t('login.signup')}
        </Link>
      </Typography.Paragraph>
    </AuthShell>
  );
}
