import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** Said wherever events could be logged or changed, once the unit's summary is approved (see eventsLocked). */
export function LedgerLockedNotice() {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('unit.locked')}
      description={t('unit.lockedHint')}
      data-testid="ledger-locked"
    />
  );
}
