import { App, Button, Card, Empty, List, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminMutations, useArchivedUnits } from '../../../api/admin.js';
import { describeError } from '../../../api/errors.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';

/** 已归档单位 with 恢复 (shown by the 显示已归档 switch). */
export function ArchivedUnits({ onRestored }: { onRestored: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const archived = useArchivedUnits(true);
  const [busy, setBusy] = useState<string | null>(null);
  const restore = async (id: string, name: string) => {
    setBusy(id);
    try {
      await adminMutations.updateOrganization(id, { archived: false });
      message.success(t('units.restored', { name }));
      onRestored();
    } catch (err) {
      message.error(describeError(err, t));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card title={t('units.archivedTitle')} size="small" style={{ marginTop: 16 }} data-testid="archived-units">
      <ErrorAlert error={archived.error} />
      <List
        loading={archived.isLoading}
        dataSource={archived.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.archivedNone')} /> }}
        renderItem={(o) => (
          <List.Item
            actions={[
              <Button key="restore" size="small" loading={busy === o.id} onClick={() => restore(o.id, o.name)}>
                {t('units.restore')}
              </Button>,
            ]}
          >
            {o.name} <Tag>{t(`orgKind.${o.kind}`)}</Tag>
            <Tag color="default">{t('units.archived')}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
