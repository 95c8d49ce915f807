import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CampaignView, ProgressRow } from '../../api/types.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ReportStatusTag } from '../../components/StatusBadges.js';
import { SummaryDownloads } from '../../components/summary/SummaryDownloads.js';

const ORDER = { SUBMITTED: 0, RETURNED: 1, DRAFT: 2, APPROVED: 3 } as const;

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
  const withSummary = useMemo(
    () =>
      (rows ?? [])
        .filter((r) => r.summaryStatus)
        .sort((a, b) => ORDER[a.summaryStatus!] - ORDER[b.summaryStatus!] || a.name.localeCompare(b.name, 'zh-CN')),
    [rows],
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
      {withSummary.length === 0 ? (
        <Empty description={t('review.none')} />
      ) : (
        <Table<ProgressRow>
          rowKey="organizationId"
          dataSource={withSummary}
          pagination={withSummary.length > 50 ? { pageSize: 50 } : false}
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
              render: (_, r) => (
                <Space wrap>
                  <Button
                    type={r.summaryStatus === 'SUBMITTED' ? 'primary' : 'default'}
                    size="small"
                    onClick={() => navigate(`/campaigns/${campaign.id}/review/${r.organizationId}`)}
                    data-testid={`review-${r.organizationId}`}
                  >
                    {r.summaryStatus === 'SUBMITTED' ? t('review.review') : t('review.read')}
                  </Button>
                  <SummaryDownloads campaignId={campaign.id} orgId={r.organizationId} title={r.name} size="small" />
                </Space>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
