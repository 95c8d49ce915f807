import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminMutations } from '../api/admin.js';
import { sessionStore } from '../api/client.js';
import { sessionFromPair } from '../auth/session-store.js';
import { confirmRules, PASSWORD_MIN, passwordRules } from '../lib/password-rules.js';
import { ErrorAlert } from './ErrorAlert.js';
import { useFormSubmit } from './useFormSubmit.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: the answer is a new pair for this session; every other session is signed out. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, fieldsPlaced, run } = useFormSubmit(form);
  const onFinish = (v: Values) =>
    run(async () => {
      const pair = await adminMutations.changePassword(v.currentPassword, v.newPassword);
      sessionStore.set(sessionFromPair(pair));
      message.success(t('password.done'));
      onClose();
    });
  return (
    <Modal
      open={open}
      title={t('password.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('password.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(o) => !o && form.resetFields()}
    >
      <ErrorAlert
        error={error}
        fieldsShown={fieldsPlaced}
        titles={{ 401: t('password.wrongCurrent'), 403: t('password.wrongCurrent') }}
      />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('fieldError.required') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('signup.passwordHint', { n: PASSWORD_MIN })}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={confirmRules(t, 'newPassword')}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
