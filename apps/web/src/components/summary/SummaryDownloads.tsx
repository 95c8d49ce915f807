import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../DownloadButton.js';

const FORMATS = [
  ['docx', 'summary.downloadDocx'],
  ['pdf', 'summary.downloadPdf'],
  ['md', 'summary.downloadMd'],
] as const;

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
      {FORMATS.map(([ext, label]) => (
        <DownloadButton
          key={ext}
          size={size}
          path={summaryPath(campaignId, orgId, ext, scope)}
          fileName={`${base}.${ext}`}
          data-testid={`download-${ext}`}
        >
          {t(label)}
        </DownloadButton>
      ))}
    </Space>
  );
}
