import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role, type UserView } from '@campaign-month/contracts';
import { App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { adminMutations } from '../../../api/admin.js';
import { useRoles } from '../../../auth/auth.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect.js';
import { useFormSubmit } from '../../../components/useFormSubmit.js';
import { isEmail, isMobile, normalizeMobile } from '../../../lib/contact.js';

interface Values {
  name: string;
  phone?: string;
  email?: string;
  memberships: { organizationId?: string; role?: Role }[];
}

export type UserFormTarget = { mode: 'new' } | { mode: 'edit'; user: UserView };

/** 新增用户 / 编辑: name, 手机号, 邮箱 (one at least), and 单位 + 角色 rows. No password: an invitation sets it. */
export function UserFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: UserFormTarget | null;
  onClose: () => void;
  onSaved: (user: UserView, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roles = useRoles();
  const [form] = Form.useForm<Values>();
  const { busy, error, fieldsPlaced, setError, run } = useFormSubmit(form);

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.mode === 'edit')
      form.setFieldsValue({
        name: target.user.name,
        phone: target.user.phone ?? '',
        email: target.user.email ?? '',
        memberships: target.user.memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
      });
    else form.setFieldsValue({ memberships: [{ organizationId: roles.topOrgId, role: 'REPORTER' }] });
  }, [target, form, setError, roles.topOrgId]);

  const onFinish = (v: Values) =>
    run(async () => {
      const phone = v.phone?.trim() ? normalizeMobile(v.phone) : '';
      const email = v.email?.trim().toLowerCase() ?? '';
      const memberships = v.memberships.map((m) => ({ organizationId: m.organizationId!, role: m.role! }));
      if (target?.mode === 'edit') {
        // 手机号 and 邮箱 are sent only when changed: an emptied field clears it.
        const user = await adminMutations.updateUser(target.user.id, {
          name: v.name.trim(),
          ...(phone !== (target.user.phone ?? '') ? { phone: phone || null } : {}),
          ...(email !== (target.user.email ?? '') ? { email: email || null } : {}),
          memberships,
        });
        message.success(t('users.saved'));
        onSaved(user, false);
      } else {
        const user = await adminMutations.createUser({
          name: v.name.trim(),
          ...(phone ? { phone } : {}),
          ...(email ? { email } : {}),
          memberships,
        });
        message.success(t('users.created', { name: user.name }));
        onSaved(user, true);
      }
    });

  const contactRule = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: async () =>
      String(getFieldValue('phone') ?? '').trim() || String(getFieldValue('email') ?? '').trim()
        ? undefined
        : Promise.reject(new Error(t('fieldError.contactRequired'))),
  });

  return (
    <Modal
      open={!!target}
      title={target?.mode === 'edit' ? t('users.form.editTitle') : t('users.form.newTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'user-form-ok' } as never}
    >
      <ErrorAlert error={error} fieldsShown={fieldsPlaced} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item
          name="name"
          label={t('users.form.name')}
          rules={[{ required: true, whitespace: true, message: t('fieldError.required') }, { max: 100 }]}
        >
          <Input data-testid="user-form-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.form.phone')}
          dependencies={['email']}
          rules={[
            contactRule,
            {
              validator: async (_, v?: string) => (!v?.trim() || isMobile(v) ? undefined : Promise.reject()),
              message: t('fieldError.mobile'),
            },
          ]}
        >
          <Input inputMode="tel" autoComplete="off" data-testid="user-form-phone" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.form.email')}
          extra={t('users.form.contactHint')}
          rules={[
            {
              validator: async (_, v?: string) => (!v?.trim() || isEmail(v) ? undefined : Promise.reject()),
              message: t('fieldError.email'),
            },
          ]}
        >
          <Input inputMode="email" autoComplete="off" data-testid="user-form-email" />
        </Form.Item>
        <Typography.Text strong>{t('users.form.memberships')}</Typography.Text>
        <Form.List name="memberships">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <div key={f.key} className="cm-membership-row">
                  <Form.Item
                    name={[f.name, 'organizationId']}
                    rules={[{ required: true, message: t('fieldError.required') }]}
                    style={{ flex: 2, minWidth: 180, marginBottom: 8 }}
                  >
                    <UnitTreeSelect placeholder={t('users.form.unit')} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'role']}
                    rules={[{ required: true, message: t('fieldError.required') }]}
                    style={{ flex: 1, minWidth: 110, marginBottom: 8 }}
                  >
                    <Select
                      placeholder={t('users.form.role')}
                      options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('common.remove')}
                    disabled={fields.length === 1}
                    onClick={() => remove(f.name)}
                  />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'REPORTER' })} block>
                {t('users.form.add')}
              </Button>
            </div>
          )}
        </Form.List>
        {target?.mode === 'new' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('users.form.noPassword')}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
