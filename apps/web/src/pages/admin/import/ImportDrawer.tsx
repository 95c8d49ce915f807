import { FileExcelOutlined } from '@ant-design/icons';
import type { ImportResult } from '@campaign-month/contracts';
import { Alert, Button, Drawer, Grid, Space, Steps, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminMutations } from '../../../api/admin.js';
import { DownloadButton } from '../../../components/DownloadButton.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { canApply, type ImportErrorRow, importErrorRows, importResultOf } from './import-rows.js';

export type ImportKind = 'units' | 'users';

const ROUTES: Record<ImportKind, { template: string; run: typeof adminMutations.importUsers }> = {
  units: { template: '/api/v1/organizations/import-template.xlsx', run: adminMutations.importOrganizations },
  users: { template: '/api/v1/users/import-template.xlsx', run: adminMutations.importUsers },
};

/**
 * 导入 from Excel: download the template, choose the file, check it (dry run: counts and a table of
 * 第N行 | 列 | 问题), and apply only after a clean check. An apply is all-or-nothing: a refusal (422)
 * shows its rows again.
 */
export function ImportDrawer({
  kind,
  open,
  onClose,
  onApplied,
  after,
}: {
  kind: ImportKind;
  open: boolean;
  onClose: () => void;
  onApplied: (result: ImportResult) => void;
  /** Shown under a successful apply (what to do next). */
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const choose = (f: File | null) => {
    setFile(f);
    setResult(null);
    setError(null);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'apply');
    setError(null);
    try {
      const r = await ROUTES[kind].run(file, dryRun);
      setResult(r);
      if (!dryRun) onApplied(r);
    } catch (err) {
      const refused = importResultOf(err);
      setResult(refused);
      if (!refused) setError(err);
    } finally {
      setBusy(null);
    }
  };

  const errors = importErrorRows(result);
  const applied = result && !result.dryRun && errors.length === 0;
  const step = applied ? 4 : canApply(result) ? 3 : file ? 2 : 0;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={phone ? '100%' : 720}
      title={t(kind === 'units' ? 'import.unitsTitle' : 'import.usersTitle')}
      destroyOnHidden
      afterOpenChange={(o) => !o && choose(null)}
    >
      {!phone && (
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 16 }}
          items={[
            { title: t('import.template') },
            { title: t('import.choose') },
            { title: t('import.dryRun') },
            { title: t('import.apply') },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary">
        {t(kind === 'units' ? 'import.unitsTemplateHint' : 'import.usersTemplateHint')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <DownloadButton
          path={ROUTES[kind].template}
          fileName={t(kind === 'units' ? 'import.unitsFile' : 'import.usersFile')}
          data-testid="import-template"
        >
          {t('import.template')}
        </DownloadButton>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
        >
          <Button icon={<FileExcelOutlined />} data-testid="import-choose">
            {t('import.choose')}
          </Button>
        </Upload>
      </Space>
      {file && (
        <Typography.Paragraph data-testid="import-file">{t('import.chosen', { name: file.name })}</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">{t('import.dryRunHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          onClick={() => send(true)}
          disabled={!file || !!busy}
          loading={busy === 'check'}
          data-testid="import-check"
        >
          {t('import.dryRun')}
        </Button>
        <Button
          type="primary"
          onClick={() => send(false)}
          disabled={!canApply(result) || !!busy}
          loading={busy === 'apply'}
          data-testid="import-apply"
        >
          {t('import.apply')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
      {result && <ImportOutcome result={result} errors={errors} />}
      {applied && after}
    </Drawer>
  );
}

function ImportOutcome({ result, errors }: { result: ImportResult; errors: ImportErrorRow[] }) {
  const { t } = useTranslation();
  const counts = { created: result.created, updated: result.updated, skipped: result.skipped };
  const summary = t(counts.updated ? 'import.summaryUpdated' : 'import.summary', counts);
  if (errors.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="import-summary"
        title={
          result.dryRun ? t('import.checked') : t(counts.updated ? 'import.appliedUpdated' : 'import.applied', counts)
        }
        description={result.dryRun ? summary : undefined}
      />
    );
  return (
    <>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="import-summary"
        title={result.dryRun ? t('import.errorsTitle', { count: errors.length }) : t('import.refused')}
        description={result.dryRun ? summary : undefined}
      />
      <Table<ImportErrorRow>
        size="small"
        rowKey="key"
        dataSource={errors}
        pagination={errors.length > 50 ? { pageSize: 50 } : false}
        data-testid="import-errors"
        columns={[
          {
            title: t('import.row'),
            dataIndex: 'row',
            width: 80,
            render: (row: number) => (row > 0 ? t('import.rowN', { row }) : t('import.file')),
          },
          {
            title: t('import.column'),
            dataIndex: 'column',
            width: 96,
            render: (c: string | null) => c ?? t('import.wholeRow'),
          },
          { title: t('import.message'), dataIndex: 'message' },
        ]}
      />
    </>
  );
}
