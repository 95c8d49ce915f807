import type { OrganizationTreeNode } from '@campaign-month/contracts';
import { App, Form, Modal, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { adminMutations } from '../../../api/admin.js';
import { ApiError } from '../../../api/errors.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useFormSubmit } from '../../../components/useFormSubmit.js';
import { moveChoices } from './unit-tree.js';

/** 移动到…: a new parent from the tree; the unit itself and its subtree cannot be chosen (the API says 422). */
export function MoveUnitModal({
  root,
  unit,
  onClose,
  onMoved,
}: {
  root: OrganizationTreeNode | undefined;
  unit: OrganizationTreeNode | null;
  onClose: () => void;
  onMoved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string }>();
  const { busy, error, setError, run } = useFormSubmit(form);
  const choices = useMemo(() => (root && unit ? [moveChoices(root, unit)] : []), [root, unit]);

  useEffect(() => {
    if (!unit) return;
    setError(null);
    form.resetFields();
  }, [unit, form, setError]);

  const onFinish = ({ parentId }: { parentId: string }) =>
    run(async () => {
      if (!unit) return;
      await adminMutations.moveOrganization(unit.id, parentId);
      message.success(t('units.moved', { name: unit.name }));
      onMoved();
    });

  return (
    <Modal
      open={!!unit}
      title={unit ? t('units.moveTitle', { name: unit.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <ErrorAlert error={error} titles={{ 422: t('units.moveCycle') }} />
      <Typography.Paragraph type="secondary">{t('units.moveHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item
          name="parentId"
          label={t('units.moveTo')}
          rules={[{ required: true, message: t('fieldError.required') }]}
          validateStatus={error instanceof ApiError && error.status === 422 ? 'error' : undefined}
        >
          <TreeSelect
            treeData={choices}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            data-testid="move-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
