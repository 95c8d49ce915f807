// Word, PDF and Markdown files of a summary version: rendered once per version and format, kept in
// storage, served from there afterwards. Renders are bounded per process (RENDER_CONCURRENCY) so that a
// burst of downloads cannot exhaust memory; identical concurrent requests share one render.
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ZipArchive } from 'archiver';
import pLimit from 'p-limit';
import {
  chartSvgs,
  renderCharts,
  renderDocx,
  renderMarkdown,
  renderPdf,
  type SummaryDocument,
  type SummaryFacts,
} from '@campaign-month/report-writer';
import { AccessService } from '../../core/access/access.service.js';
import { APP_CONFIG, type AppConfig } from '../../core/config/config.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../core/storage/object-storage.js';
import type { SummaryReport } from '../../generated/prisma/client.js';

export const EXPORT_FORMATS = ['docx', 'pdf', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
};

/** attachment; filename="summary.docx"; filename*=UTF-8''<Chinese name> (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 150);
}

@Injectable()
export class SummaryExportsService {
  private readonly logger = new Logger('SummaryExports');
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly inFlight = new Map<string, Promise<Buffer>>();

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limit = pLimit(config.renderConcurrency);
  }

  fileName(report: Pick<SummaryReport, 'title' | 'version'>, format: ExportFormat): string {
    return `${safeFileName(report.title)}.${format}`;
  }

  /**
   * The file of one version, from storage when it was rendered before. The key carries a digest of what is
   * rendered: a version changed in place (submitting signs it on the day it is handed in) is rendered again.
   */
  async file(report: SummaryReport, format: ExportFormat): Promise<Buffer> {
    const key = `summaries/${report.tenantId}/${report.id}-${renderedDigest(report)}.${format}`;
    const cached = await this.storage.getBuffer(key);
    if (cached) return cached;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.limit(async () => {
        const started = Date.now();
        const body = await render(report, format);
        await this.storage.put(key, body, CONTENT_TYPES[format]);
        this.logger.log({
          msg: 'rendered summary',
          reportId: report.id,
          version: report.version,
          format,
          bytes: body.length,
          ms: Date.now() - started,
        });
        return body;
      });
      this.inFlight.set(key, pending);
      pending.finally(() => this.inFlight.delete(key)).catch(() => {});
    }
    return pending;
  }

  /** Streams a zip of the latest UNIT summary of every participating unit in the actor's scope. */
  async zip(actor: Actor, campaignId: string, format: ExportFormat, out: Writable): Promise<number> {
    const orgs = this.access.organizationWhere(actor, 'report:read');
    const units = await this.prisma.organization.findMany({
      where: { AND: [orgs, { participants: { some: { campaignId, tenantId: actor.tenantId } } }] },
      select: { id: true },
    });
    const ids = units.map((u) => u.id);
    const latest = ids.length
      ? await this.prisma.$queryRaw<{ id: string }[]>`
          SELECT DISTINCT ON (organization_id) id FROM summary_report
           WHERE tenant_id = ${actor.tenantId}::uuid AND campaign_id = ${campaignId}::uuid AND scope = 'UNIT'
             AND organization_id = ANY(${ids}::uuid[])
           ORDER BY organization_id, version DESC`
      : [];
    const archive = new ZipArchive({ zlib: { level: 6 } });
    archive.pipe(out);
    const names = new Set<string>();
    // One report at a time: memory stays bounded however many units the subtree has.
    for (const { id } of latest) {
      const report = await this.prisma.summaryReport.findFirstOrThrow({ where: { id } });
      let name = this.fileName(report, format);
      for (let i = 2; names.has(name); i++) name = name.replace(/(\.\w+)$/, `-${i}$1`);
      names.add(name);
      archive.append(await this.file(report, format), { name });
    }
    await archive.finalize();
    return latest.length;
  }
}

/** A short digest of the document and the facts its charts are drawn from. */
function renderedDigest(report: SummaryReport): string {
  return createHash('sha256')
    .update(JSON.stringify(report.sections))
    .update('\0')
    .update(JSON.stringify(report.facts))
    .digest('hex')
    .slice(0, 16);
}

async function render(report: SummaryReport, format: ExportFormat): Promise<Buffer> {
  const doc = report.sections as unknown as SummaryDocument;
  const facts = report.facts as unknown as SummaryFacts;
  if (format === 'md') return Buffer.from(renderMarkdown(doc), 'utf8');
  if (format === 'docx') return renderDocx(doc, { charts: await renderCharts(facts) });
  return renderPdf(doc, { charts: chartSvgs(facts) });
}
