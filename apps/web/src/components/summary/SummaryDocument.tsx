// A summary as it will print, with every computed figure marked: click one to see where it comes from.
import { NARRATIVE_KEYS } from '@campaign-month/contracts';
import { Input, Popover, Table, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FigureView, MetricDefinitionView, ParagraphView, SummaryDocumentView } from '../../api/types.js';
import { formatExact } from '../../lib/numbers.js';
import { describeFigureSource, splitByFigures } from './figure-source.js';

type LedgerLink = (f: FigureView) => string | undefined;

type Metrics = readonly MetricDefinitionView[] | undefined;

/** The metric a figure sums, with its kind and unit (from the campaign, else the known units). */
export function figureMetric(figure: FigureView, metrics: Metrics, unitOf: (key: string) => string) {
  const key = figure.metric ?? (figure.source.filter.metric as string | undefined);
  if (!key) return undefined;
  return metrics?.find((m) => m.key === key) ?? { unit: unitOf(key) };
}

function Figure({ figure, ledgerLink, metrics }: { figure: FigureView; ledgerLink?: LedgerLink; metrics?: Metrics }) {
  const { t } = useTranslation();
  const link = ledgerLink?.(figure);
  const exact = formatExact(
    figure.value,
    figureMetric(figure, metrics, (k) => t(`metricUnit.${k}`, { defaultValue: '' })),
  );
  return (
    <Popover
      trigger={['click', 'hover']}
      title={t('figure.title', { text: figure.text })}
      content={
        <div style={{ maxWidth: 300 }}>
          <div>{describeFigureSource(figure, t)}</div>
          <div style={{ color: '#8c8c8c', marginTop: 4 }}>{t('figure.exact', { value: exact })}</div>
          {link && (
            <Link to={link} style={{ display: 'inline-block', marginTop: 6 }}>
              {t('figure.openLedger')}
            </Link>
          )}
        </div>
      }
    >
      <button type="button" className="cm-figure" data-figure={figure.id}>
        {figure.text}
      </button>
    </Popover>
  );
}

function ParagraphText({ p, ledgerLink, metrics }: { p: ParagraphView; ledgerLink?: LedgerLink; metrics?: Metrics }) {
  return (
    <>
      {splitByFigures(p.text, p.figures ?? []).map((run) =>
        'figure' in run ? (
          <span key={`f${run.start}`} className="cm-nobreak">
            <Figure figure={run.figure} ledgerLink={ledgerLink} metrics={metrics} />
            {run.tail}
          </span>
        ) : (
          <Fragment key={`t${run.start}`}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}

export interface SummaryDocumentProps {
  doc: SummaryDocumentView;
  /** When set with onNarrativeChange, editable paragraphs become text areas bound to this narrative. */
  narrative?: Record<string, string>;
  onNarrativeChange?: (key: string, text: string) => void;
  ledgerLink?: LedgerLink;
  /** The campaign's metrics: a figure's exact value is written by its kind (money with two decimals). */
  metrics?: Metrics;
}

export function SummaryDocument({ doc, narrative, onNarrativeChange, ledgerLink, metrics }: SummaryDocumentProps) {
  const { t } = useTranslation();
  const editing = !!onNarrativeChange;
  const box = (key: string, value: string, placeholder: string) => (
    <div key={key} style={{ margin: '8px 0 12px' }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t(`narrative.${key}`, { defaultValue: t('narrative.generic') })}
      </Typography.Text>
      <Input.TextArea
        value={value}
        placeholder={placeholder}
        autoSize={{ minRows: key === 'shortcomings' ? 4 : 2, maxRows: 12 }}
        maxLength={4000}
        onChange={(e) => onNarrativeChange?.(key, e.target.value)}
        data-narrative={key}
      />
    </div>
  );
  /**
   * While editing, a section without its supplement paragraph (the writer leaves it out when the section
   * has generated text and nothing was typed) still offers one: the unit adds its own practice under any
   * section, not only under 存在不足.
   */
  const supplement = (key: string, present: boolean) =>
    editing && !present && (NARRATIVE_KEYS as readonly string[]).includes(key)
      ? box(key, narrative?.[key] ?? '', t('narrative.placeholder'))
      : null;
  const renderParagraph = (p: ParagraphView) => {
    if (p.editable && editing)
      return box(
        p.key,
        narrative?.[p.key] ?? (p.needsInput ? '' : p.text),
        p.needsInput ? p.text : t('narrative.placeholder'),
      );
    if (p.needsInput) {
      return (
        <p key={p.key} className="cm-needs-input">
          {p.text}
        </p>
      );
    }
    if (p.style === 'heading2') {
      return (
        <h3 key={p.key} style={{ fontSize: 16, margin: '12px 0 4px', textIndent: '2em' }}>
          <ParagraphText p={p} ledgerLink={ledgerLink} metrics={metrics} />
        </h3>
      );
    }
    const lines = p.text.split('\n');
    if (lines.length === 1) {
      return (
        <p key={p.key}>
          <ParagraphText p={p} ledgerLink={ledgerLink} metrics={metrics} />
        </p>
      );
    }
    let at = 0;
    return lines.map((line) => {
      const key = `${p.key}@${at}`;
      at += line.length + 1;
      return <p key={key}>{line}</p>;
    });
  };
  return (
    <article className="cm-summary" data-testid="summary-document">
      <h1>{doc.title}</h1>
      {renderParagraph(doc.opening)}
      {doc.openingExtra ? renderParagraph(doc.openingExtra) : supplement('opening.extra', false)}
      {doc.sections.map((s) => (
        <section key={s.key}>
          <h2>{s.heading}</h2>
          {s.paragraphs.map(renderParagraph)}
          {supplement(
            `${s.key}.extra`,
            s.paragraphs.some((p) => p.key === `${s.key}.extra`),
          )}
          {s.table && (
            <Table
              size="small"
              pagination={false}
              scroll={{ x: true }}
              style={{ margin: '8px 0 16px' }}
              rowKey={(row) => row.map((c) => c.text).join('|')}
              columns={s.table.columns.map((c, i) => ({
                title: c,
                key: String(i),
                render: (_: unknown, row: { text: string; figure?: FigureView }[]) =>
                  row[i]?.figure ? (
                    <Figure figure={row[i].figure!} ledgerLink={ledgerLink} metrics={metrics} />
                  ) : (
                    row[i]?.text
                  ),
              }))}
              dataSource={s.table.rows}
            />
          )}
        </section>
      ))}
      <p className="cm-signature">
        {doc.signature.unit}
        <br />
        {doc.signature.date}
      </p>
    </article>
  );
}
