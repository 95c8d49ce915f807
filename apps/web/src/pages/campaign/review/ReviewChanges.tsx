// For the reviewer of a resubmission: what it wrote when it returned the earlier version, and what the unit
// changed since (its paragraphs and the figures).
import { Alert, Card, List, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSummaryVersion } from '../../../api/queries.js';
import type { SummaryView } from '../../../api/types.js';
import { formatDateTime } from '../../../lib/dates.js';
import { summaryChanges } from './summary-changes.js';

export function ReviewChanges({ campaignId, summary }: { campaignId: string; summary: SummaryView }) {
  const { t, i18n } = useTranslation();
  const prev = summary.previousReview;
  const earlier = useSummaryVersion(campaignId, summary.organizationId, summary.scope, prev?.version);
  const changes = useMemo(
    () => (earlier.data?.document && summary.document ? summaryChanges(earlier.data.document, summary.document) : null),
    [earlier.data, summary.document],
  );
  if (!prev) return null;
  const none = changes && changes.paragraphs.length === 0 && changes.figures.length === 0;
  return (
    <Card
      size="small"
      title={t('review.changes.title', { version: prev.version })}
      style={{ marginBottom: 16 }}
      data-testid="review-changes"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('review.changes.comment', {
          when: prev.reviewedAt ? formatDateTime(prev.reviewedAt, i18n.language) : '',
        })}
        description={prev.reviewerComment || t('review.changes.noComment')}
        data-testid="previous-comment"
      />
      {earlier.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : none ? (
        <Typography.Text type="secondary">{t('review.changes.none')}</Typography.Text>
      ) : changes ? (
        <>
          {changes.figures.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('review.changes.figures')}</Typography.Text>}
              dataSource={changes.figures}
              renderItem={(c) => (
                <List.Item data-testid="changed-figure">
                  <span>
                    {c.context && <Typography.Text type="secondary">{c.context} </Typography.Text>}
                    <Typography.Text delete>{c.before ?? t('review.changes.absent')}</Typography.Text>
                    {' → '}
                    <Typography.Text strong>{c.after ?? t('review.changes.absent')}</Typography.Text>
                  </span>
                </List.Item>
              )}
            />
          )}
          {changes.paragraphs.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('review.changes.paragraphs')}</Typography.Text>}
              dataSource={changes.paragraphs}
              renderItem={(c) => (
                <List.Item data-testid="changed-paragraph" style={{ display: 'block' }}>
                  <Typography.Text type="secondary">{c.section || t('review.changes.opening')}</Typography.Text>
                  <div className="cm-change-before">{c.before ?? t('review.changes.unwritten')}</div>
                  <div className="cm-change-after">{c.after ?? t('review.changes.unwritten')}</div>
                </List.Item>
              )}
            />
          )}
        </>
      ) : null}
    </Card>
  );
}
