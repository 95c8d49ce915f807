import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth.js';
import { LanguageSwitch } from '../components/AppLayout.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useFormSubmit } from '../components/useFormSubmit.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { signedIn, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<{ email: string; password: string }>();
  const { busy, error, run } = useFormSubmit(form);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (signedIn) return <Navigate to={from} replace />;

  const onFinish = (v: { email: string; password: string }) =>
    run(async () => {
      await signIn(v.email.trim(), v.password);
      navigate(from, { replace: true });
    });

  return (
    <div
      style={{
        minHeight: '100dvh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #b71c1c 0%, #e53935 45%, #f5f5f5 45%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(0,0,0,.12)' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <ErrorAlert error={error} fieldsShown titles={{ 401: t('login.badCredentials') }} />
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
          <Form.Item
            name="email"
            label={t('login.email')}
            rules={[
              { required: true, message: t('fieldError.required') },
              { type: 'email', message: t('fieldError.email') },
            ]}
          >
            <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" size="large" />
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
      </Card>
    </div>
  );
}
