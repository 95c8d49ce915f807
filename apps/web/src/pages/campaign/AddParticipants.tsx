import { UsergroupAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/errors.js';
import { keys, mutations } from '../../api/queries.js';
import { OrgTreePicker } from '../../components/OrgTreePicker.js';

/**
 * Units join a month after it was created (a unit set up late, one forgotten in the wizard): the organizer
 * ticks them in the organizer's tree; those already taking part stay as they are.
 */
export function AddParticipants({ campaignId, organizerOrgId }: { campaignId: string; organizerOrgId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    setBusy(true);
    try {
      const res = (await mutations.addParticipants(campaignId, picked)) as { added?: number } | undefined;
      const added = res?.added ?? 0;
      message.success(added ? t('participants.added', { count: added }) : t('participants.noneNew'));
      setOpen(false);
      setPicked([]);
      await qc.invalidateQueries({ queryKey: keys.campaign(campaignId) });
    } catch (err) {
      message.error(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<UsergroupAddOutlined />} onClick={() => setOpen(true)} data-testid="add-participants">
        {t('participants.add')}
      </Button>
      <Modal
        open={open}
        title={t('participants.add')}
        onCancel={() => setOpen(false)}
        onOk={add}
        okText={t('participants.confirm')}
        okButtonProps={
          { disabled: picked.length === 0, loading: busy, 'data-testid': 'add-participants-ok' } as ButtonProps
        }
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('participants.hint')}</Typography.Paragraph>
        {open && <OrgTreePicker rootId={organizerOrgId} value={picked} onChange={setPicked} />}
      </Modal>
    </>
  );
}
