import { Button, Descriptions, Form, Input, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { adminMutations, useInvitation } from '../../api/admin.js';
import { isNetworkError } from '../../api/errors.js';
import { useAuth } from '../../auth/auth.js';
import { AuthShell } from '../../components/AuthShell.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { formatDateTime } from '../../lib/dates.js';
import { confirmRules, PASSWORD_MIN, passwordRules } from '../../lib/password-rules.js';

/** /invite/:token (public): the invited person sets a password and is signed in. */
export function InvitePage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const { startSession } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const { busy, error, fieldsPlaced, run } = useFormSubmit(form);

  if (invitation.isLoading)
    return (
      <AuthShell title={t('invite.title')}>
        <Skeleton active />
      </AuthShell>
    );
  if (invitation.error && isNetworkError(invitation.error))
    return (
      <AuthShell title={t('invite.title')}>
        <ErrorAlert error={invitation.error} />
      </AuthShell>
    );
  if (!invitation.data)
    return (
      <AuthShell title={t('invite.title')}>
        <Result
          status="warning"
          title={t('invite.invalidTitle')}
          subTitle={t('invite.invalidSub')}
          extra={<Link to="/login">{t('invite.toLogin')}</Link>}
          data-testid="invite-invalid"
          style={{ padding: '16px 0' }}
        />
      </AuthShell>
    );

  const inv = invitation.data;
  const onFinish = (v: { password: string }) =>
    run(async () => {
      startSession(await adminMutations.acceptInvitation(token, v.password));
      navigate('/', { replace: true });
    });

  return (
    <AuthShell
      title={t('invite.greeting', { name: inv.userName })}
      subtitle={t('invite.who', { tenant: inv.tenantName })}
    >
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }} data-testid="invite-who">
        <Descriptions.Item label={t('invite.login')}>{inv.login}</Descriptions.Item>
        <Descriptions.Item label={t('invite.units')}>{inv.organizationNames.join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('invite.expires')}>
          {formatDateTime(inv.expiresAt, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={error} fieldsShown={fieldsPlaced} titles={{ 404: t('invite.invalidTitle') }} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item
          name="password"
          label={t('invite.password')}
          extra={t('signup.passwordHint', { n: PASSWORD_MIN })}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" size="large" data-testid="invite-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('invite.confirm')}
          dependencies={['password']}
          rules={confirmRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" size="large" data-testid="invite-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="invite-submit">
          {t('invite.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
