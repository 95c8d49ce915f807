import { EditOutlined, ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { ReportScope } from '@campaign-month/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError, isNetworkError } from '../../api/errors.js';
import { keys, mutations, useCampaign, useSummary } from '../../api/queries.js';
import type { FigureView, SummaryView } from '../../api/types.js';
import { loadState } from '../../lib/query-state.js';
import { ErrorAlert } from '../ErrorAlert.js';
import { DataUnavailable, StaleDataHint } from '../OfflineNotice.js';
import { PageTitle } from '../PageTitle.js';
import { ReportStatusTag } from '../StatusBadges.js';
import { paragraphPlace, paragraphsToWrite, refusedParagraphs } from './needs-input.js';
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
  // the unit's own summary stays on its phone (offline it shows the last version it had)
  const summary = useSummary(id, orgId, scope, { keep: allowSubmit });
  const state = loadState(summary);
  const metrics = useCampaign(id).data?.metrics;
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
      else if (refusedParagraphs(err).length)
        await refresh(); // the alert above the document names them
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

  // A submit waits until every paragraph only the unit can write has its text (the API refuses it before).
  const refused = refusedParagraphs(error);
  const toWrite = [...new Set([...paragraphsToWrite(s, draft), ...refused])].filter(
    (k) => !(draft[k] ?? s?.narrative[k] ?? '').trim(),
  );
  const places = [...new Set(toWrite.map((k) => paragraphPlace(k, s?.document, t)))];

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
      ) : refused.length && toWrite.length ? null : (
        <ErrorAlert error={error ?? (isNetworkError(summary.error) ? null : summary.error)} />
      )}
      <StaleDataHint queries={[summary]} />
      {/* the comment of the last return stays on the drafts made after it, until the unit submits again */}
      {s?.reviewerComment && (s.status === 'RETURNED' || s.status === 'DRAFT') && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={s.status === 'RETURNED' ? t('summary.returnedTitle') : t('summary.returnedDraftTitle')}
          description={s.reviewerComment}
          data-testid="returned-comment"
        />
      )}
      {s?.outdated && (
        <OutdatedAlert
          summary={s}
          action={
            !locked && canGenerate ? (
              <Popconfirm title={t('summary.regenerateConfirm')} onConfirm={generate}>
                <Button
                  size="small"
                  icon={<ReloadOutlined />}
                  loading={busy === 'generate'}
                  data-testid="outdated-regenerate"
                >
                  {t('summary.regenerate')}
                </Button>
              </Popconfirm>
            ) : undefined
          }
          hint={!canGenerate ? undefined : locked ? t('summary.outdatedLocked') : t('summary.outdatedRegenerate')}
        />
      )}
      {s && allowSubmit && !locked && toWrite.length > 0 && (
        <Alert
          type={refused.length ? 'error' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t('summary.needsInputTitle', { count: toWrite.length })}
          description={t('summary.needsInputList', { places: places.join('、') })}
          data-testid="summary-needs-input"
        />
      )}
      {state === 'loading' ? (
        <Skeleton active />
      ) : state === 'offline' ? (
        <DataUnavailable state="offline" />
      ) : state === 'failed' ? null : !s ? (
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
                title={t('summary.submitConfirm')}
                onConfirm={submit}
                disabled={toWrite.length > 0}
                okButtonProps={{ id: 'confirm-submit' }}
              >
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={busy === 'submit'}
                  disabled={toWrite.length > 0}
                  title={toWrite.length > 0 ? t('summary.submitBlocked') : undefined}
                  data-testid="submit-summary"
                >
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
              metrics={metrics}
            />
          ) : (
            <Typography.Paragraph>{t('summary.noDocument')}</Typography.Paragraph>
          )}
        </>
      )}
    </>
  );
}

/** The summary's figures no longer match the ledger: events changed after this version was generated. */
export function OutdatedAlert({ summary, action, hint }: { summary: SummaryView; action?: ReactNode; hint?: string }) {
  const { t } = useTranslation();
  if (!summary.outdated) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('summary.outdated')}
      // the button under the text, not beside it: on a phone a side button squeezes the text to a column
      description={
        hint || action ? (
          <>
            {hint && <div>{hint}</div>}
            {action && <div style={{ marginTop: 8 }}>{action}</div>}
          </>
        ) : undefined
      }
      data-testid="summary-outdated"
    />
  );
}
