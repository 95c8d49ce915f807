import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../DownloadButton.js';

export function summaryPath(
  campaignId: string,
  orgId: string,
  ext: 'docx' | 'pdf' | 'md',
  scope: 'UNIT' | 'ROLLUP' = 'UNIT',
) {
  const q = scope === 'ROLLUP' ? '?scope=ROLLUP' : '';
  return `/api/v1/campaigns/${encodeURIComponent(campaignId)}/organizations/${encodeURIComponent(orgId)}/summary.${ext}${q}`;
}

export function SummaryDownloads({
  campaignId,
  orgId,
  title,
  scope = 'UNIT',
  size,
}: {
  campaignId: string;
  orgId: string;
  title: string;
  scope?: 'UNIT' | 'ROLLUP';
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const base = title || t('summary.fileName');
  return (
    <Space wrap>
      <DownloadButton
        size={size}
        path={summaryPath(campaignId, orgId, 'docx', scope)}
        fileName={`${base}.docx`}
        data-testid="download-docx"
      >
        {t('summary.downloadDocx')}
      </DownloadButton>
      <DownloadButton
        size={size}
        path={summaryPath(campaignId, orgId, 'pdf', scope)}
        fileName={`${base}.pdf`}
        data-testid="download-pdf"
      >
        {t('summary.downloadPdf')}
      </DownloadButton>
    </Space>
  );
}
