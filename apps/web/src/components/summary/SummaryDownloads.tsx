import { DownloadOutlined, EllipsisOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/errors.js';
import { downloadFile } from '../../lib/download.js';
import { DownloadButton } from '../DownloadButton.js';

/** Word and PDF are what offices send; Markdown (for pasting elsewhere) waits under 更多格式. */
const FORMATS = [
  ['docx', 'summary.downloadDocx'],
  ['pdf', 'summary.downloadPdf'],
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
  const { message } = App.useApp();
  const base = title || t('summary.fileName');
  const more = {
    items: [{ key: 'md', icon: <DownloadOutlined />, label: t('summary.downloadMd') }],
    onClick: async () => {
      try {
        const name = await downloadFile(summaryPath(campaignId, orgId, 'md', scope), `${base}.md`);
        message.success(t('download.done', { name }));
      } catch (err) {
        message.error(describeError(err, t));
      }
    },
  };
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
      <Dropdown menu={more} trigger={['click']}>
        <Button size={size} icon={<EllipsisOutlined />} data-testid="download-more">
          {t('summary.moreFormats')}
        </Button>
      </Dropdown>
    </Space>
  );
}
