import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, Modal, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError, isNetworkError } from '../../api/errors.js';
import { keys, mutations, useCampaign, useSummary } from '../../api/queries.js';
import { useAuth, useRoles } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { DataUnavailable } from '../../components/OfflineNotice.js';
import { PageTitle } from '../../components/PageTitle.js';
import { ReportStatusTag } from '../../components/StatusBadges.js';
import { SummaryDocument } from '../../components/summary/SummaryDocument.js';
import { SummaryDownloads } from '../../components/summary/SummaryDownloads.js';
import { OutdatedAlert, SummaryWorkspace } from '../../components/summary/SummaryWorkspace.js';
import { daysBetween, formatDay, todayIn } from '../../lib/dates.js';
import { loadState } from '../../lib/query-state.js';
import { ReviewChanges } from './review/ReviewChanges.js';
import { UnitLedgerCard } from './UnitLedgerCard.js';

export function ReviewPage() {
  const { id = '', orgId = '' } = useParams();
  const [params] = useSearchParams();
  const scope = params.get('scope') === 'ROLLUP' ? 'ROLLUP' : 'UNIT';
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const roles = useRoles();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const campaign = useCampaign(id);
  const summary = useSummary(id, orgId, scope);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canReview = me?.permissions.includes('report:review') ?? false;
  const canGenerate = canReview || (me?.permissions.includes('report:write') ?? false);
  const s = summary.data;
  const c = campaign.data;
  const daysLeft = c ? daysBetween(todayIn(roles.timeZone), c.endsOn) : -1;
  const approveWarning =
    daysLeft >= 0
      ? t('review.approveConfirmRunning', { count: daysLeft + 1, end: formatDay(c?.endsOn, i18n.language) })
      : t('review.approveConfirm');
  if (scope === 'ROLLUP') {
    return (
      <SummaryWorkspace
        campaignId={id}
        orgId={orgId}
        scope="ROLLUP"
        allowSubmit={false}
        canGenerate={canGenerate}
        canEdit={canGenerate}
        title={t('review.rollupTitle')}
        back={<Link to={`/campaigns/${id}?tab=review`}>← {campaign.data?.title ?? t('common.back')}</Link>}
      />
    );
  }

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      message.success(done);
      setReturning(false);
      await qc.invalidateQueries({ queryKey: keys.summary(id, orgId, scope) });
      await qc.invalidateQueries({ queryKey: keys.progress(id) });
    } catch (err) {
      setError(err);
      message.error(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle
        title={s?.title || t('review.title')}
        sub={
          <Space wrap>
            <Link to={`/campaigns/${id}?tab=review`}>← {campaign.data?.title ?? t('common.back')}</Link>
            {s && <ReportStatusTag status={s.status} />}
            {s && <span>{t('summary.version', { version: s.version })}</span>}
          </Space>
        }
        extra={
          s && (
            <>
              <SummaryDownloads campaignId={id} orgId={orgId} title={s.title} scope={scope} />
              {/* an approved summary can be returned too (the unit's page tells it to ask for that) */}
              {canReview && (s.status === 'SUBMITTED' || s.status === 'APPROVED') && (
                <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="return-summary">
                  {t('review.return')}
                </Button>
              )}
              {canReview && s.status === 'SUBMITTED' && (
                <>
                  {/* approving locks the unit's ledger: one more tap, saying for how long */}
                  <Popconfirm
                    title={t('review.approve')}
                    description={<div style={{ maxWidth: 320 }}>{approveWarning}</div>}
                    okText={t('review.approve')}
                    okButtonProps={{ id: 'confirm-approve' }}
                    onConfirm={() => act(() => mutations.approveSummary(id, orgId, scope), t('review.approved'))}
                  >
                    <Button type="primary" icon={<CheckOutlined />} loading={busy} data-testid="approve-summary">
                      {t('review.approve')}
                    </Button>
                  </Popconfirm>
                </>
              )}
            </>
          )
        }
      />
      <ErrorAlert error={error ?? (isNetworkError(summary.error) ? null : summary.error)} />
      {s && <OutdatedAlert summary={s} hint={t('review.outdatedHint')} />}
      {s?.status === 'SUBMITTED' && <ReviewChanges campaignId={id} summary={s} />}
      {s?.reviewerComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('summary.reviewerComment')}
          description={s.reviewerComment}
        />
      )}
      {loadState(summary) === 'loading' ? (
        <Skeleton active />
      ) : loadState(summary) === 'offline' ? (
        <DataUnavailable state="offline" />
      ) : loadState(summary) === 'failed' ? null : !s ? (
        <Card>
          <Empty description={t('review.noSummary')} />
        </Card>
      ) : s.document ? (
        <SummaryDocument doc={s.document} metrics={campaign.data?.metrics} />
      ) : (
        <Typography.Paragraph>{t('summary.noDocument')}</Typography.Paragraph>
      )}
      <UnitLedgerCard
        campaignId={id}
        orgId={orgId}
        unitName={s?.organizationName}
        metrics={campaign.data?.metrics ?? []}
      />
      <Modal
        open={returning}
        title={t('review.returnTitle')}
        onCancel={() => setReturning(false)}
        okText={t('review.return')}
        okButtonProps={{ disabled: !comment.trim(), loading: busy, danger: true, id: 'confirm-return' }}
        onOk={() => act(() => mutations.returnSummary(id, orgId, comment.trim(), scope), t('review.returned'))}
      >
        <Typography.Paragraph type="secondary">
          {s?.status === 'APPROVED' ? t('review.returnApprovedHint') : t('review.returnHint')}
        </Typography.Paragraph>
        <Input.TextArea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          showCount
          data-testid="return-comment"
        />
      </Modal>
    </>
  );
}
