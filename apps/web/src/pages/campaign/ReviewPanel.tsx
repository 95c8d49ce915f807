import { Button, Card, Empty, Grid, List, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CampaignView, ProgressRow } from '../../api/types.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ReportStatusTag } from '../../components/StatusBadges.js';
import { SummaryDownloads } from '../../components/summary/SummaryDownloads.js';

const ORDER = { SUBMITTED: 0, RETURNED: 1, DRAFT: 2, APPROVED: 3, NONE: 4 } as const;

export function ReviewPanel({
  campaign,
  rows,
  topOrgId,
}: {
  campaign: CampaignView;
  rows: ProgressRow[] | undefined;
  topOrgId?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  // every unit taking part, with its state: 未生成 is a state the reviewer needs to see too
  const units = useMemo(
    () =>
      (rows ?? [])
        .filter((r) => r.participating !== false)
        .sort(
          (a, b) =>
            ORDER[a.summaryStatus ?? 'NONE'] - ORDER[b.summaryStatus ?? 'NONE'] ||
            a.name.localeCompare(b.name, 'zh-CN'),
        ),
    [rows],
  );
  const withSummary = units.filter((r) => r.summaryStatus);
  const actions = (r: ProgressRow) =>
    r.summaryStatus ? (
      <>
        {reviewButton(r)}
        <SummaryDownloads campaignId={campaign.id} orgId={r.organizationId} title={r.name} size="small" />
      </>
    ) : (
      <Typography.Text type="secondary">{t('review.notGenerated')}</Typography.Text>
    );
  const reviewButton = (r: ProgressRow) => (
    <Button
      type={r.summaryStatus === 'SUBMITTED' ? 'primary' : 'default'}
      size="small"
      onClick={() => navigate(`/campaigns/${campaign.id}/review/${r.organizationId}`)}
      data-testid={`review-${r.organizationId}`}
    >
      {r.summaryStatus === 'SUBMITTED' ? t('review.review') : t('review.read')}
    </Button>
  );
  const waiting = withSummary.filter((r) => r.summaryStatus === 'SUBMITTED').length;
  return (
    <div data-testid="review-panel">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text>{t('review.waiting', { count: waiting })}</Typography.Text>
          <Space wrap>
            {topOrgId && (
              <Button
                onClick={() => navigate(`/campaigns/${campaign.id}/review/${topOrgId}?scope=ROLLUP`)}
                data-testid="open-rollup"
              >
                {t('review.rollup')}
              </Button>
            )}
            <DownloadButton
              path={`/api/v1/campaigns/${campaign.id}/summaries.zip`}
              fileName={`${campaign.title}-活动总结.zip`}
              // an empty zip helps no one: offered once a unit has a summary
              disabled={withSummary.length === 0}
              data-testid="download-zip"
            >
              {t('review.downloadZip')}
            </DownloadButton>
          </Space>
        </Space>
      </Card>
      {units.length === 0 ? (
        <Empty description={t('review.none')} />
      ) : phone ? (
        // On a phone every unit is a card with its status and all its actions (a table would push them
        // off the screen).
        <List
          dataSource={units}
          pagination={units.length > 50 ? { pageSize: 50, size: 'small' } : false}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="review-card">
              <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
                <Typography.Text strong>{r.name}</Typography.Text>
                <ReportStatusTag status={r.summaryStatus} />
              </Space>
              <Space wrap size={8} style={{ marginTop: 8 }}>
                {actions(r)}
              </Space>
            </Card>
          )}
        />
      ) : (
        <Table<ProgressRow>
          rowKey="organizationId"
          dataSource={units}
          pagination={units.length > 50 ? { pageSize: 50 } : false}
          scroll={{ x: 640 }}
          columns={[
            {
              title: t('progress.col.unit'),
              dataIndex: 'name',
              render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
            },
            {
              title: t('progress.col.summary'),
              dataIndex: 'summaryStatus',
              width: 130,
              render: (s) => <ReportStatusTag status={s} />,
            },
            {
              title: '',
              width: 360,
              render: (_, r) => <Space wrap>{actions(r)}</Space>,
            },
          ]}
        />
      )}
    </div>
  );
}
