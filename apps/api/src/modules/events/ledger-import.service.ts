// POST /campaigns/:id/events/import: the ledger layout back in. Every row is checked first; then either all
// rows are written in one transaction (three INSERT … SELECT FROM unnest(…) statements, whatever the row
// count) or none, and the answer names each bad row and why (docs/decisions/024-ledger-import.md).
import { randomUUID } from 'node:crypto';
import {
  EVENT_TYPE_LABELS,
  type EventType,
  LEDGER_HEADERS,
  LEDGER_TOTALS_LABEL,
  type LedgerImportResult,
  type LedgerImportRow,
  type LedgerRowError,
  roleGrants,
} from '@campaign-month/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type ExcelJS from 'exceljs';
import { AccessService, isUuid } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { requestContext } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { DomainError, InvalidInput, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { readFirstSheet } from '../../core/spreadsheet/workbook.js';
import type { UploadedFileData } from '../../core/uploads/file-upload.interceptor.js';
import { CampaignAccessService } from '../campaigns/campaign-access.service.js';
import { dayProblem, EventAccessService } from './event-access.service.js';
import { eventsDeltaSql } from './event-aggregates.sql.js';
import {
  cellText,
  columnLetter,
  type LedgerField,
  metricHeader,
  parseEventType,
  parseLedgerDay,
} from './ledger-layout.js';
import { formatMetricValue, type MetricDef, parseMetricValue } from './metric-values.js';

/** Rows one import may carry. */
export const MAX_IMPORT_ROWS = 5000;
/** Errors listed in one answer (the message gives the total). */
const MAX_REPORTED_ERRORS = 500;

type TextField = Exclude<LedgerField, 'photos'>;
const REQUIRED: TextField[] = ['unit', 'day', 'type', 'title'];
const FIELD_NAMES: Record<TextField, string> = {
  unit: 'organization',
  day: 'occurredOn',
  type: 'type',
  title: 'title',
  location: 'location',
  description: 'description',
  id: 'id',
};
const MAX_LENGTH: Partial<Record<TextField, number>> = { title: 200, location: 200, description: 4000 };

interface Layout {
  headerRow: number;
  text: Partial<Record<TextField, number>>;
  metrics: { column: number; def: MetricDef }[];
}

/** An event named in 编号 that exists in this campaign inside the caller's scope. */
type ExistingEvent = Omit<LedgerImportRow, 'row' | 'existing'>;

interface ParsedRow extends LedgerImportRow {
  location: string | null;
  description: string | null;
  metricIds: string[];
  metricValues: string[];
}

@Injectable()
export class LedgerImportService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EventAccessService) private readonly rules: EventAccessService,
    @Inject(CampaignAccessService) private readonly campaigns: CampaignAccessService,
  ) {}

  async import(
    actor: Actor,
    campaignId: string,
    file: UploadedFileData | undefined,
    dryRun: boolean,
  ): Promise<LedgerImportResult> {
    if (!file?.buffer?.length)
      throw InvalidInput.field('file', 'Attach the ledger (.xlsx) in the multipart field "file"');
    const campaign = await this.access.findCampaign(actor, campaignId, 'event:write');
    const sheet = await readFirstSheet(file.buffer, 'the ledger');
    if (campaign.status !== 'ACTIVE') {
      throw new TransitionNotAllowed(
        `Events can only be imported while the campaign is ACTIVE (it is ${campaign.status})`,
        { campaignStatus: campaign.status },
      );
    }
    const defs = await this.rules.metricDefinitions(actor.tenantId, campaign.id);
    const layout = findLayout(sheet, defs);
    const units = await this.unitsByName(actor, campaign.id);
    const existing = await this.existingEvents(actor, campaign.id, sheet, layout, defs);
    const period = {
      startsOn: campaign.startsOn.toISOString().slice(0, 10),
      endsOn: campaign.endsOn.toISOString().slice(0, 10),
    };
    const today = await this.campaigns.today(actor);

    const errors: LedgerRowError[] = [];
    const rows: ParsedRow[] = [];
    const skipped: LedgerImportRow[] = [];
    let lockErrors = 0;
    let dataRows = 0;
    for (let r = layout.headerRow + 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const texts = Object.fromEntries(
        Object.entries(layout.text).map(([f, col]) => [f, cellText(row.getCell(col).value)]),
      ) as Partial<Record<TextField, string>>;
      const blank =
        Object.values(texts).every((t) => !t) &&
        layout.metrics.every((m) => cellText(row.getCell(m.column).value) === '');
      if (blank) continue;
      if (texts.unit === LEDGER_TOTALS_LABEL) continue;
      if (++dataRows > MAX_IMPORT_ROWS) {
        throw InvalidInput.field('file', `A ledger import takes at most ${MAX_IMPORT_ROWS} rows; split the file`);
      }
      const rowErrors: LedgerRowError[] = [];
      const fail = (field: TextField | string, column: number, message: string) =>
        rowErrors.push({
          row: r,
          column: columnLetter(column),
          field: FIELD_NAMES[field as TextField] ?? field,
          message,
        });
      // 编号: an event already logged (an exported ledger coming back) is skipped, not created again.
      if (texts.id) {
        const known = isUuid(texts.id) ? existing.get(texts.id.toLowerCase()) : undefined;
        if (known) {
          skipped.push({ row: r, existing: true, ...known });
          continue;
        }
        fail(
          'id',
          layout.text.id!,
          `${LEDGER_HEADERS.id} ${texts.id} names no event of this campaign in your scope; clear it to log the row as a new event`,
        );
        errors.push(...rowErrors);
        continue;
      }

      for (const f of REQUIRED) if (!texts[f]) fail(f, layout.text[f]!, `${LEDGER_HEADERS[f]} is required`);
      for (const [f, max] of Object.entries(MAX_LENGTH) as [TextField, number][]) {
        if ((texts[f]?.length ?? 0) > max)
          fail(f, layout.text[f]!, `${LEDGER_HEADERS[f]} is longer than ${max} characters`);
      }
      let unit: { id: string; name: string; locked: boolean } | undefined;
      if (texts.unit) {
        const matches = units.get(texts.unit) ?? [];
        if (matches.length === 0)
          fail(
            'unit',
            layout.text.unit!,
            `${texts.unit} is not a participating unit of this campaign inside your scope`,
          );
        else if (matches.length > 1)
          fail('unit', layout.text.unit!, `Several participating units are named ${texts.unit}`);
        else unit = matches[0];
      }
      const dayCell = row.getCell(layout.text.day!).value;
      let day: string | null = null;
      if (texts.day) {
        day = parseLedgerDay(dayCell);
        if (!day) fail('day', layout.text.day!, `${texts.day} is not a date such as 2026-11-06`);
        else {
          const problem = dayProblem(day, period, today);
          if (problem === 'outside-period')
            fail(
              'day',
              layout.text.day!,
              `${day} lies outside the campaign period ${period.startsOn} to ${period.endsOn}`,
            );
          if (problem === 'future')
            fail('day', layout.text.day!, `${day} is after today (${today}): log an event once it has happened`);
        }
      }
      let type: EventType | null = null;
      if (texts.type) {
        type = parseEventType(texts.type);
        if (!type)
          fail(
            'type',
            layout.text.type!,
            `${texts.type} is not an event type (e.g. ${Object.values(EVENT_TYPE_LABELS).slice(0, 4).join('、')})`,
          );
      }
      const metricIds: string[] = [];
      const metricValues: string[] = [];
      const metrics: Record<string, string> = {};
      for (const m of layout.metrics) {
        const raw = row.getCell(m.column).value;
        if (cellText(raw) === '') continue;
        const plain = typeof raw === 'number' ? raw : cellText(raw);
        const parsed = parseMetricValue(plain, m.def.kind);
        if ('error' in parsed) fail(`metrics.${m.def.key}`, m.column, `${metricHeader(m.def)} ${parsed.error}`);
        else {
          metricIds.push(m.def.id);
          metricValues.push(parsed.value);
          metrics[m.def.key] = parsed.value;
        }
      }
      if (unit?.locked && rowErrors.length === 0) {
        lockErrors += 1;
        fail(
          'unit',
          layout.text.unit!,
          `The summary of ${unit.name} is approved: its events are read-only until it is returned`,
        );
      }
      if (rowErrors.length) {
        errors.push(...rowErrors);
        continue;
      }
      rows.push({
        row: r,
        id: null,
        existing: false,
        organizationId: unit!.id,
        organizationName: unit!.name,
        occurredOn: day!,
        type: type!,
        title: texts.title!,
        location: texts.location || null,
        description: texts.description || null,
        metrics,
        metricIds,
        metricValues,
      });
    }

    if (errors.length) {
      const rowsWithErrors = new Set(errors.map((e) => e.row)).size;
      const status = lockErrors === errors.length ? 422 : 400;
      throw new DomainError(
        status,
        status === 422 ? 'Unprocessable Entity' : 'Bad Request',
        `${rowsWithErrors} row(s) of the ledger cannot be imported (${errors.length} problem(s)); nothing was imported`,
        errors.slice(0, MAX_REPORTED_ERRORS),
      );
    }
    if (rows.length === 0 && skipped.length === 0)
      throw InvalidInput.field('file', 'The ledger has no event rows below its header row');
    if (!dryRun && rows.length) await this.write(actor, campaign.id, rows, file.originalname);
    return {
      dryRun,
      count: rows.length,
      skipped: skipped.length,
      rows: [
        ...rows.map(({ location: _l, description: _d, metricIds: _i, metricValues: _v, ...view }) => view),
        ...skipped,
      ].sort((a, b) => a.row - b.row),
    };
  }

  /** The events named in the 编号 column that exist in this campaign inside the caller's event:write scope. */
  private async existingEvents(
    actor: Actor,
    campaignId: string,
    sheet: ExcelJS.Worksheet,
    layout: Layout,
    defs: readonly MetricDef[],
  ): Promise<Map<string, ExistingEvent>> {
    const column = layout.text.id;
    if (!column) return new Map();
    const ids = new Set<string>();
    for (let r = layout.headerRow + 1; r <= sheet.rowCount; r++) {
      const text = cellText(sheet.getRow(r).getCell(column).value);
      if (isUuid(text)) ids.add(text.toLowerCase());
    }
    if (ids.size === 0) return new Map();
    const found = await this.prisma.$queryRaw<(Omit<ExistingEvent, 'metrics'> & { values: Record<string, string> })[]>`
      SELECT e.id, e.organization_id AS "organizationId", u.name AS "organizationName", e.occurred_on::text AS "occurredOn",
             e.type::text AS type, e.title,
             coalesce((SELECT json_object_agg(v.metric_definition_id, v.value::text) FROM event_metric_value v
                        WHERE v.tenant_id = e.tenant_id AND v.event_id = e.id), '{}'::json) AS values
        FROM publicity_event e
        JOIN organization u ON u.tenant_id = e.tenant_id AND u.id = e.organization_id
       WHERE e.tenant_id = ${actor.tenantId}::uuid AND e.campaign_id = ${campaignId}::uuid
         AND e.id = ANY(${[...ids]}::uuid[]) AND u.path LIKE ANY(${this.rules.scopePatterns(actor, 'event:write')}::text[])`;
    // The campaign's definitions (already loaded for the columns) turn stored values into the API's strings.
    const byId = new Map(defs.map((d) => [d.id, d]));
    return new Map(
      found.map(({ values, ...e }) => [
        e.id!,
        {
          ...e,
          metrics: Object.fromEntries(
            Object.entries(values).flatMap(([id, v]) => {
              const def = byId.get(id);
              return def ? [[def.key, formatMetricValue(v, def.kind)]] : [];
            }),
          ),
        },
      ]),
    );
  }

  /** Participating units inside the actor's event:write scope, by name, with whether their summary is approved. */
  private async unitsByName(
    actor: Actor,
    campaignId: string,
  ): Promise<Map<string, { id: string; name: string; locked: boolean }[]>> {
    const participants = await this.prisma.participant.findMany({
      where: {
        tenantId: actor.tenantId,
        campaignId,
        organization: this.access.organizationWhere(actor, 'event:write'),
      },
      select: { organization: { select: { id: true, name: true } } },
    });
    const approved = await this.prisma.$queryRaw<{ organization_id: string }[]>`
      SELECT organization_id FROM (
        SELECT DISTINCT ON (organization_id) organization_id, status
          FROM summary_report
         WHERE tenant_id = ${actor.tenantId}::uuid AND campaign_id = ${campaignId}::uuid AND scope = 'UNIT'
         ORDER BY organization_id, version DESC) latest
       WHERE status = 'APPROVED'`;
    const locked = new Set(approved.map((a) => a.organization_id));
    const byName = new Map<string, { id: string; name: string; locked: boolean }[]>();
    for (const { organization: o } of participants) {
      const name = o.name.trim();
      byName.set(name, [...(byName.get(name) ?? []), { id: o.id, name: o.name, locked: locked.has(o.id) }]);
    }
    return byName;
  }

  private async write(
    actor: Actor,
    campaignId: string,
    rows: ParsedRow[],
    fileName: string | undefined,
  ): Promise<void> {
    const now = new Date();
    for (const r of rows) r.id = randomUUID();
    const ids = rows.map((r) => r.id!);
    const metricEvent = rows.flatMap((r) => r.metricIds.map(() => r.id!));
    const ctx = requestContext.get();
    const changes = rows.map((r) =>
      JSON.stringify({
        campaignId,
        organizationId: r.organizationId,
        type: r.type,
        title: r.title,
        occurredOn: r.occurredOn,
        metrics: r.metrics,
        source: 'import',
        row: r.row,
      }),
    );
    await this.prisma.$transaction(
      async (tx) => {
        await this.rules.assertOpenWhereWriting(
          tx,
          actor.tenantId,
          campaignId,
          rows.map((r) => r.organizationId),
        );
        await tx.$executeRaw`
          INSERT INTO publicity_event (id, tenant_id, campaign_id, organization_id, type, title, occurred_on, location, description,
                                       author_id, created_at, updated_at)
          SELECT e.id, ${actor.tenantId}::uuid, ${campaignId}::uuid, e.org, e.type::"EventType", e.title, e.day, e.location, e.description,
                 ${actor.userId}::uuid, ${now}::timestamptz, ${now}::timestamptz
            FROM unnest(${ids}::uuid[], ${rows.map((r) => r.organizationId)}::uuid[], ${rows.map((r) => r.type)}::text[],
                        ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.occurredOn)}::date[],
                        ${rows.map((r) => r.location)}::text[], ${rows.map((r) => r.description)}::text[])
                 AS e(id, org, type, title, day, location, description)`;
        if (metricEvent.length) {
          await tx.$executeRaw`
            INSERT INTO event_metric_value (tenant_id, event_id, metric_definition_id, value)
            SELECT ${actor.tenantId}::uuid, v.event_id, v.metric_id, v.value
              FROM unnest(${metricEvent}::uuid[], ${rows.flatMap((r) => r.metricIds)}::uuid[], ${rows.flatMap((r) => r.metricValues)}::numeric[])
                   AS v(event_id, metric_id, value)`;
        }
        // the imported events join the maintained aggregates (decision 040)
        await tx.$executeRaw(eventsDeltaSql(actor.tenantId, ids, 1));
        await tx.$executeRaw`
          INSERT INTO audit_entry (tenant_id, actor_id, action, entity_type, entity_id, organization_id, ip, request_id, changes, created_at)
          SELECT ${actor.tenantId}::uuid, ${actor.userId}::uuid, 'event.create', 'PublicityEvent', a.id, a.organization_id,
                 ${ctx?.ip ?? null}, ${ctx?.requestId ?? null}, a.changes::jsonb, ${now}::timestamptz
            FROM unnest(${ids}::text[], ${rows.map((r) => r.organizationId)}::uuid[], ${changes}::text[])
                 AS a(id, organization_id, changes)`;
        // the import as a whole belongs to its unit, or to the importer's own unit when it spans several
        const units = [...new Set(rows.map((r) => r.organizationId))];
        await this.audit.record(
          {
            action: 'event.import',
            entityType: 'Campaign',
            entityId: campaignId,
            organizationId:
              units.length === 1
                ? units[0]
                : (actor.memberships.find((m) => roleGrants(m.role, 'event:write'))?.organizationId ?? null),
            changes: { count: rows.length, fileName: fileName ?? null },
          },
          tx,
        );
      },
      { timeout: 30_000 },
    );
  }
}

/** Finds the header row (the first of the top ten rows whose cells include 单位) and maps its columns. */
function findLayout(sheet: ExcelJS.Worksheet, defs: readonly MetricDef[]): Layout {
  const byHeader = new Map<string, TextField>(
    Object.entries(LEDGER_HEADERS)
      .filter(([f]) => f !== 'photos')
      .map(([f, h]) => [h, f as TextField]),
  );
  const metricByHeader = new Map<string, MetricDef>();
  for (const d of defs)
    for (const h of [metricHeader(d), `${d.label}（${d.unit}）`, d.label, d.key])
      if (!metricByHeader.has(h)) metricByHeader.set(h, d);
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const headers: { column: number; text: string }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell.value);
      if (text) headers.push({ column, text });
    });
    if (!headers.some((h) => h.text === LEDGER_HEADERS.unit)) continue;
    const layout: Layout = { headerRow: r, text: {}, metrics: [] };
    const problems: LedgerRowError[] = [];
    for (const { column, text } of headers) {
      const field = byHeader.get(text);
      const metric = metricByHeader.get(text);
      if (field) layout.text[field] = column;
      else if (metric) layout.metrics.push({ column, def: metric });
      else if (text !== LEDGER_HEADERS.photos) {
        const known = defs.map(metricHeader).join('、') || 'none';
        problems.push({
          row: r,
          column: columnLetter(column),
          field: 'file',
          message: `Unknown column ${text} (this campaign's metric columns: ${known})`,
        });
      }
    }
    for (const f of REQUIRED) {
      if (!layout.text[f])
        problems.push({ row: r, field: 'file', message: `The header row lacks the column ${LEDGER_HEADERS[f]}` });
    }
    if (problems.length)
      throw new InvalidInput('The ledger header row does not match the layout; nothing was imported', problems);
    return layout;
  }
  throw new InvalidInput('No header row found: the ledger needs a row with the columns 单位, 日期, 活动类型, 标题', [
    { field: 'file', message: 'No header row with 单位 in the first ten rows' },
  ]);
}
