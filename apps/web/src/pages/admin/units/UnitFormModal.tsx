import type { OrganizationKind, OrganizationTreeNode } from '@campaign-month/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { adminMutations } from '../../../api/admin.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { UnitKindSelect } from '../../../components/UnitKindSelect.js';
import { useFormSubmit } from '../../../components/useFormSubmit.js';

export type UnitFormTarget =
  | { mode: 'add'; parent: OrganizationTreeNode }
  | { mode: 'edit'; unit: OrganizationTreeNode };

interface Values {
  name: string;
  kind: OrganizationKind;
  code?: string;
}

/** 新增下级单位, or 重命名/修改编码/类型 of a unit. */
export function UnitFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: UnitFormTarget | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, fieldsPlaced, setError, run } = useFormSubmit(form);

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.mode === 'edit')
      form.setFieldsValue({ name: target.unit.name, kind: target.unit.kind, code: target.unit.code ?? '' });
    else form.setFieldsValue({ kind: target.parent.kind });
  }, [target, form, setError]);

  const onFinish = (v: Values) =>
    run(async () => {
      const code = v.code?.trim() ?? '';
      if (target?.mode === 'add') {
        await adminMutations.createOrganization({
          parentId: target.parent.id,
          name: v.name.trim(),
          kind: v.kind,
          ...(code ? { code } : {}),
        });
        message.success(t('units.created', { name: v.name.trim() }));
      } else if (target?.mode === 'edit') {
        await adminMutations.updateOrganization(target.unit.id, {
          name: v.name.trim(),
          kind: v.kind,
          // Sent only when changed: an empty field clears the code.
          ...(code !== (target.unit.code ?? '') ? { code: code || null } : {}),
        });
        message.success(t('units.saved'));
      }
      onSaved();
    });

  return (
    <Modal
      open={!!target}
      title={
        target?.mode === 'add' ? t('units.form.addTitle', { parent: target.parent.name }) : t('units.form.editTitle')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'unit-form-ok' } as never}
    >
      <ErrorAlert error={error} fieldsShown={fieldsPlaced} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item
          name="name"
          label={t('units.form.name')}
          rules={[{ required: true, whitespace: true, message: t('fieldError.required') }, { max: 100 }]}
        >
          <Input data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('units.form.kind')}
          rules={[{ required: true, message: t('fieldError.required') }]}
        >
          <UnitKindSelect />
        </Form.Item>
        <Form.Item name="code" label={t('units.form.code')} extra={t('units.form.codeHint')} rules={[{ max: 50 }]}>
          <Input data-testid="unit-form-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
