import { EditOutlined, ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { ReportScope } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError } from '../../api/errors.js';
import { keys, mutations, useSummary } from '../../api/queries.js';
import type { FigureView } from '../../api/types.js';
import { ErrorAlert } from '../ErrorAlert.js';
import { PageTitle } from '../PageTitle.js';
import { ReportStatusTag } from '../StatusBadges.js';
import { SummaryDocument } from './SummaryDocument.js';
import { SummaryDownloads } from './SummaryDownloads.js';

export interface SummaryWorkspaceProps {
  campaignId: string;
  orgId: string;
  scope: ReportScope;
  /** The unit's reporter submits; a superior working on its roll-up only generates, edits and downloads. */
  allowSubmit: boolean;
  /** May generate a new version (viewers may not). */
  canGenerate?: boolean;
  /** May edit the narrative (a unit's summary: report:write; a roll-up: also report:review above it). */
  canEdit?: boolean;
  title?: ReactNode;
  back?: ReactNode;
  ledgerLink?: (f: FigureView) => string | undefined;
}

/** A summary being worked on: generate, read with figure sources, edit the narrative, submit, download. */
export function SummaryWorkspace({
  campaignId: id,
  orgId,
  scope,
  allowSubmit,
  canGenerate = true,
  canEdit = true,
  title,
  back,
  ledgerLink,
}: SummaryWorkspaceProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const summary = useSummary(id, orgId, scope);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const s = summary.data;
  const locked = s?.status === 'SUBMITTED' || s?.status === 'APPROVED';

  const refresh = () => qc.invalidateQueries({ queryKey: keys.summary(id, orgId, scope) });

  const run = async (what: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
      message.success(done);
      await refresh();
      return true;
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.status === 409) await refresh();
      else message.error(describeError(err, t));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const generate = () => run('generate', () => mutations.generateSummary(id, orgId, scope), t('summary.generated'));
  const save = async () => {
    if (!s) return false;
    const ok = await run(
      'save',
      () => mutations.saveNarrative(id, orgId, s.version, { ...s.narrative, ...draft }, scope),
      t('summary.saved'),
    );
    if (ok) {
      setEditing(false);
      setDraft({});
    }
    return ok;
  };
  const submit = async () => {
    if (editing && Object.keys(draft).length && !(await save())) return;
    await run('submit', () => mutations.submitSummary(id, orgId, scope), t('summary.submitted'));
    setEditing(false);
  };

  const needsInput = s?.document
    ? [s.document.opening, ...s.document.sections.flatMap((x) => x.paragraphs)].filter(
        (p) => p.needsInput && !(draft[p.key] ?? s.narrative[p.key]),
      )
    : [];

  return (
    <>
      <PageTitle
        title={title ?? t('summary.title')}
        sub={
          (s || back) && (
            <Space wrap>
              {back}
              {s && <ReportStatusTag status={s.status} />}
              {s && <span>{t('summary.version', { version: s.version })}</span>}
            </Space>
          )
        }
        extra={s && <SummaryDownloads campaignId={id} orgId={orgId} title={s.title} scope={scope} />}
      />
      {error instanceof ApiError && error.status === 409 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('summary.stale')} />
      ) : (
        <ErrorAlert error={error ?? summary.error} />
      )}
      {s?.status === 'RETURNED' && s.reviewerComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('summary.returnedTitle')}
          description={s.reviewerComment}
          data-testid="returned-comment"
        />
      )}
      {summary.isLoading ? (
        <Skeleton active />
      ) : !s ? (
        <Card>
          <Empty description={canGenerate ? t('summary.none') : t('review.noRollup')}>
            {canGenerate && (
              <Button
                type="primary"
                size="large"
                loading={busy === 'generate'}
                onClick={generate}
                data-testid="generate-summary"
              >
                {t('summary.generate')}
              </Button>
            )}
          </Empty>
        </Card>
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {!locked && canEdit && !editing && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-summary">
                {t('summary.edit')}
              </Button>
            )}
            {editing && (
              <>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  loading={busy === 'save'}
                  onClick={save}
                  data-testid="save-summary"
                >
                  {t('common.save')}
                </Button>
                <Button
                  onClick={() => {
                    setEditing(false);
                    setDraft({});
                  }}
                >
                  {t('common.cancel')}
                </Button>
              </>
            )}
            {!locked && canGenerate && (
              <Popconfirm title={t('summary.regenerateConfirm')} onConfirm={generate}>
                <Button icon={<ReloadOutlined />} loading={busy === 'generate'}>
                  {t('summary.regenerate')}
                </Button>
              </Popconfirm>
            )}
            {!locked && allowSubmit && (
              <Popconfirm
                title={
                  needsInput.length
                    ? t('summary.submitConfirmMissing', { count: needsInput.length })
                    : t('summary.submitConfirm')
                }
                onConfirm={submit}
                okButtonProps={{ id: 'confirm-submit' }}
              >
                <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} data-testid="submit-summary">
                  {t('summary.submit')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {editing ? t('summary.editHint') : t('summary.figureHint')}
          </Typography.Paragraph>
          {s.document ? (
            <SummaryDocument
              doc={s.document}
              narrative={{ ...s.narrative, ...draft }}
              onNarrativeChange={editing ? (key, text) => setDraft((d) => ({ ...d, [key]: text })) : undefined}
              ledgerLink={ledgerLink}
            />
          ) : (
            <Typography.Paragraph>{t('summary.noDocument')}</Typography.Paragraph>
          )}
        </>
      )}
    </>
  );
}
