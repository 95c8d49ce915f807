// GET /campaigns/:id/events.xlsx: the events in scope, streamed with exceljs's WorkbookWriter straight
// into the response, read from the database in keyset-paginated batches (memory stays flat).

import { EVENT_TYPE_LABELS, type EventType, LEDGER_TOTALS_LABEL, type MetricKind } from '@campaign-month/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/context/request-context.js';
import { sendStream } from '../../core/http/send-stream.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import type { EventFilterQueryDto } from './dto/event.dto.js';
import { EventAccessService } from './event-access.service.js';
import { EventsService } from './events.service.js';
import {
  attachmentDisposition,
  LEDGER_SHEET_NAME,
  ledgerColumns,
  ledgerFileName,
  XLSX_CONTENT_TYPE,
} from './ledger-layout.js';
import { centsToNumber, formatMetricValue, toCents } from './metric-values.js';

const BATCH = 2000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

@Injectable()
export class LedgerExportService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(EventsService) private readonly events: EventsService,
    @Inject(EventAccessService) private readonly rules: EventAccessService,
  ) {}

  async export(actor: Actor, campaignId: string, q: EventFilterQueryDto, reply: FastifyReply): Promise<void> {
    // Every check happens before the first byte: errors still get the API's JSON error shape.
    const { campaign, unit, where } = await this.events.campaignEventsWhere(actor, campaignId, q);
    const defs = await this.rules.metricDefinitions(actor.tenantId, campaign.id);
    const columns = ledgerColumns(defs);
    const fileName = ledgerFileName(campaign.title, unit?.name);

    reply
      .status(200)
      .header('Content-Type', XLSX_CONTENT_TYPE)
      .header('Content-Disposition', attachmentDisposition(fileName, `campaign-${campaign.id.slice(0, 8)}-events.xlsx`))
      .header('Cache-Control', 'no-store');
    await sendStream(reply, (out) => this.write(out, campaign, columns, defs, where));
  }

  private async write(
    out: Writable,
    campaign: { title: string },
    columns: ReturnType<typeof ledgerColumns>,
    defs: Awaited<ReturnType<EventAccessService['metricDefinitions']>>,
    where: Awaited<ReturnType<EventsService['campaignEventsWhere']>>['where'],
  ): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Campaign Month';
    const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = columns.map((c) => ({ width: c.width }));

    const titleRow = sheet.addRow([`${campaign.title}${LEDGER_SHEET_NAME}`]);
    titleRow.font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, columns.length);
    titleRow.commit();
    const headerRow = sheet.addRow(columns.map((c) => c.header));
    headerRow.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    headerRow.commit();

    const dataStyles = this.columnStyles(columns);
    const totals = new Map<string, bigint>(defs.map((d) => [d.id, 0n]));
    let photoTotal = 0;
    let count = 0;
    let cursor: string | undefined;
    for (;;) {
      const batch = await this.prisma.publicityEvent.findMany({
        where,
        select: {
          id: true,
          occurredOn: true,
          type: true,
          title: true,
          location: true,
          description: true,
          organization: { select: { name: true } },
          metricValues: { select: { metricDefinitionId: true, value: true } },
          _count: { select: { photos: true } },
        },
        orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        take: BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      for (const e of batch) {
        const values = new Map(e.metricValues.map((v) => [v.metricDefinitionId, v.value.toFixed(2)]));
        const row = sheet.addRow(
          columns.map((c) => {
            switch (c.field) {
              case 'unit':
                return e.organization.name;
              case 'day':
                return e.occurredOn; // a DATE at UTC midnight: Excel shows that day
              case 'type':
                return EVENT_TYPE_LABELS[e.type as EventType];
              case 'title':
                return e.title;
              case 'location':
                return e.location ?? '';
              case 'description':
                return e.description ?? '';
              case 'photos':
                return e._count.photos;
              case 'id':
                return e.id;
              default: {
                const stored = values.get(c.metric!.id);
                if (stored === undefined) return null;
                const value = formatMetricValue(stored, c.metric!.kind as MetricKind);
                totals.set(c.metric!.id, totals.get(c.metric!.id)! + toCents(value));
                return Number(value);
              }
            }
          }),
        );
        this.styleRow(row, dataStyles);
        row.commit();
        photoTotal += e._count.photos;
        count += 1;
      }
      if (batch.length < BATCH) break;
      cursor = batch[batch.length - 1]!.id;
    }

    const totalRow = sheet.addRow(
      columns.map((c) => {
        if (c.field === 'unit') return LEDGER_TOTALS_LABEL;
        if (c.field === 'title') return `共${count}次活动`;
        if (c.field === 'photos') return photoTotal;
        if (c.field === 'metric') return centsToNumber(totals.get(c.metric!.id)!);
        return null;
      }),
    );
    this.styleRow(totalRow, this.columnStyles(columns, true));
    totalRow.commit();
    sheet.commit();
    await workbook.commit();
  }

  /**
   * One style object per column, shared by every cell of it: exceljs serializes a cell's style to find its
   * id unless it has seen that very object before, so per-cell objects would cost more than the data.
   */
  private columnStyles(columns: ReturnType<typeof ledgerColumns>, bold = false): Partial<ExcelJS.Style>[] {
    return columns.map((c) => ({
      border: BORDER,
      ...(bold ? { font: { bold: true } } : {}),
      ...(c.field === 'day' ? { numFmt: 'yyyy-mm-dd' } : {}),
      ...(c.field === 'description' || c.field === 'title'
        ? { alignment: { wrapText: true, vertical: 'top' as const } }
        : {}),
      ...(c.field === 'metric' ? { numFmt: c.metric!.kind === 'MONEY' ? '#,##0.00' : '#,##0' } : {}),
    }));
  }

  private styleRow(row: ExcelJS.Row, styles: Partial<ExcelJS.Style>[]): void {
    for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i]!;
  }
}
