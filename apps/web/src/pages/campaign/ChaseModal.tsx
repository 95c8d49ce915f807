// 催办: one unit (from its row on the progress board) or every overdue unit at once, with an optional note.
// The answer is shown as 已催办 N 个单位，通知 N 人；N 个单位一小时内已催办过，已跳过.
import { useQueryClient } from '@tanstack/react-query';
import { App, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/errors.js';
import { notifyMutations } from '../../api/notify.js';
import { chaseResultMessage } from '../../lib/notify.js';

export type ChaseTarget = { kind: 'one'; organizationId: string; name: string } | { kind: 'overdue'; count: number };

export function ChaseModal({
  campaignId,
  target,
  onClose,
}: {
  campaignId: string;
  target: ChaseTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const trimmed = note.trim();
      const result = await notifyMutations.chase(campaignId, {
        ...(target.kind === 'one' ? { organizationIds: [target.organizationId] } : { filter: 'OVERDUE' as const }),
        ...(trimmed ? { message: trimmed } : {}),
      });
      const m = chaseResultMessage(result, t);
      message.open({ type: m.type, content: <span data-testid="chase-result">{m.text}</span>, duration: 8 });
      setNote('');
      onClose();
      await qc.invalidateQueries({ queryKey: ['campaigns', campaignId, 'reminders'] });
    } catch (err) {
      message.error(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!target}
      title={target?.kind === 'one' ? t('chase.titleOne', { name: target.name }) : target ? t('chase.titleAll') : null}
      okText={t('chase.send')}
      cancelText={t('common.cancel')}
      onOk={send}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'chase-send' } as never}
    >
      <Typography.Paragraph type="secondary">
        {target?.kind === 'one'
          ? t('chase.introOne', { name: target.name })
          : target
            ? t('chase.introAll', { count: target.count })
            : null}
      </Typography.Paragraph>
      <label htmlFor="chase-note" style={{ display: 'block', marginBottom: 4 }}>
        {t('chase.note')}
      </label>
      <Input.TextArea
        id="chase-note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
        showCount
        autoSize={{ minRows: 2, maxRows: 5 }}
        placeholder={t('chase.notePlaceholder')}
        data-testid="chase-note"
      />
    </Modal>
  );
}
