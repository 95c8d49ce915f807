import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/errors.js';
import { downloadFile } from '../lib/download.js';

export function DownloadButton({
  path,
  fileName,
  children,
  ...rest
}: { path: string; fileName: string } & ButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      {...rest}
      onClick={async () => {
        setBusy(true);
        try {
          const name = await downloadFile(path, fileName);
          message.success(t('download.done', { name }));
        } catch (err) {
          message.error(describeError(err, t));
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}
