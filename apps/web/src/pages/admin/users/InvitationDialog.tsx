import { CopyOutlined } from '@ant-design/icons';
import type { InvitationLink } from '@campaign-month/contracts';
import { Alert, App, Button, Input, Modal, QRCode, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates.js';

export interface ShownInvitation {
  name: string;
  link: InvitationLink;
  /** A reset of someone who had a password (the link also signed them out). */
  reset: boolean;
}

/** The one-time link to send: copy it for WeChat, or scan the QR code with a phone. */
export function InvitationDialog({ shown, onClose }: { shown: ShownInvitation | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.link.url);
      message.success(t('invitation.copied'));
    } catch {
      message.warning(t('invitation.copyFailed'));
    }
  };
  return (
    <Modal
      open={!!shown}
      onCancel={onClose}
      title={shown ? t(shown.reset ? 'invitation.resetTitle' : 'invitation.title', { name: shown.name }) : ''}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      destroyOnHidden
    >
      {shown && (
        <div data-testid="invitation-dialog">
          <Typography.Paragraph>{t('invitation.hint', { name: shown.name })}</Typography.Paragraph>
          <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
            <Input readOnly value={shown.link.url} data-testid="invitation-url" onFocus={(e) => e.target.select()} />
            <Button type="primary" icon={<CopyOutlined />} onClick={copy} data-testid="invitation-copy">
              {t('invitation.copy')}
            </Button>
          </Space.Compact>
          <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
            <QRCode value={shown.link.url} size={148} bordered={false} />
            <div style={{ flex: 1, minWidth: 160 }}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {t('invitation.qrHint')}
              </Typography.Paragraph>
              <Typography.Paragraph strong data-testid="invitation-expires">
                {t('invitation.expires', { at: formatDateTime(shown.link.expiresAt, i18n.language) })}
              </Typography.Paragraph>
            </div>
          </div>
          <Alert
            type="info"
            showIcon
            title={shown.reset ? t('invitation.resetNote') : t('invitation.oneTime')}
            style={{ marginTop: 12 }}
          />
        </div>
      )}
    </Modal>
  );
}
