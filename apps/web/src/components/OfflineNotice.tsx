import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isStale, type LoadState, type QueryLike } from '../lib/query-state.js';

/**
 * In place of a list or a figure that could not be loaded: says so, instead of an empty state that
 * would read as "nothing logged". Events recorded offline wait on the phone and are sent later.
 */
export function DataUnavailable({ state }: { state: LoadState }) {
  const { t } = useTranslation();
  if (state !== 'offline') return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('offline.unavailable')}
      description={t('offline.unavailableHint')}
      data-testid="offline-unavailable"
    />
  );
}

/** Above data that is the last the app had, because the newest could not be fetched. */
export function StaleDataHint({ queries }: { queries: QueryLike[] }) {
  const { t } = useTranslation();
  if (!queries.some(isStale)) return null;
  return (
    <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('offline.stale')} data-testid="offline-stale" />
  );
}
