// 情况通报 (progress bulletin): the participating units of the caller's subtree as of one day, written by
// libs/report-writer (writeBulletin) and printed by the same Word and PDF renderers as the summaries.
// Who: ADMIN, ORGANIZER or VIEWER (bulletin:read) of an organization that organizes or takes part in the
// campaign (else 404); the bulletin covers their subtree(s) and is signed by the campaign's organizer when
// their scope covers it, else by the top organization of their scope.
import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OrganizationKind } from '@campaign-month/contracts';
import {
  type BulletinFacts,
  renderDocx,
  renderPdf,
  type SummaryDocument,
  writeBulletin,
} from '@campaign-month/report-writer';
import pLimit from 'p-limit';
import { AccessService } from '../../../core/access/access.service.js';
import { APP_CONFIG, type AppConfig } from '../../../core/config/config.js';
import type { Actor } from '../../../core/context/request-context.js';
import { PrismaService } from '../../../core/database/prisma.service.js';
import { InvalidInput, NotFound } from '../../../core/errors/domain-errors.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../../core/storage/object-storage.js';
import { dateToDay, todayIn } from '../../../core/time/calendar.js';
import { CONTENT_TYPES } from '../summary-exports.service.js';
import { bulletinUnits } from './bulletin-facts.js';

export interface BulletinView {
  /** The day the figures stand at. */
  asOf: string;
  document: SummaryDocument;
  facts: BulletinFacts;
}

@Injectable()
export class BulletinService {
  private readonly logger = new Logger('Bulletin');
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limit = pLimit(config.renderConcurrency);
  }

  async get(actor: Actor, campaignId: string, asOf?: string): Promise<BulletinView> {
    const campaign = await this.prisma.campaign.findFirst({
      where: this.access.campaignWhere(actor, campaignId, 'bulletin:read'),
      include: { organizer: { select: { id: true, name: true, kind: true, path: true } } },
    });
    if (!campaign) throw new NotFound('Campaign');
    const tenant = await this.prisma.tenant.findFirstOrThrow({ where: { id: actor.tenantId } });
    const today = todayIn(tenant.timeZone);
    const startsOn = dateToDay(campaign.startsOn);
    const day = asOf ?? today;
    if (day < startsOn)
      throw InvalidInput.field('asOf', `asOf (${day}) must not be before the month starts (${startsOn})`);
    if (day > today) throw InvalidInput.field('asOf', `asOf (${day}) must not be after today (${today})`);

    const scopePaths = this.access.scopePaths(actor, 'bulletin:read');
    const units = await bulletinUnits(this.prisma, {
      tenantId: actor.tenantId,
      campaignId,
      scopePatterns: scopePaths.map((p) => `${p}%`),
      asOf: day,
      timeZone: tenant.timeZone,
    });
    const issuer = await this.issuer(actor, scopePaths, campaign.organizer);
    const metrics = await this.prisma.metricDefinition.findMany({
      where: { tenantId: actor.tenantId, campaignId },
      orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }],
    });
    const facts: BulletinFacts = {
      kind: 'BULLETIN',
      campaign: {
        id: campaign.id,
        title: campaign.title,
        purpose: campaign.purpose,
        directiveTitle: campaign.directiveTitle,
        directiveNumber: campaign.directiveNumber,
        startsOn,
        endsOn: dateToDay(campaign.endsOn),
        reportDueOn: dateToDay(campaign.reportDueOn),
        organizerName: campaign.organizer.name,
      },
      issuer,
      asOf: day,
      metrics: metrics.map((m) => ({ key: m.key, label: m.label, unit: m.unit, kind: m.kind })),
      units,
    };
    return { asOf: day, document: writeBulletin(facts), facts };
  }

  /** The organizer when the caller's scope covers it, else the topmost organization of the caller's scope. */
  private async issuer(
    actor: Actor,
    scopePaths: string[],
    organizer: { id: string; name: string; kind: string; path: string },
  ): Promise<BulletinFacts['issuer']> {
    if (scopePaths.some((p) => organizer.path.startsWith(p)))
      return { id: organizer.id, name: organizer.name, kind: organizer.kind as OrganizationKind };
    const top = await this.prisma.organization.findFirst({
      where: { tenantId: actor.tenantId, path: { in: scopePaths } },
      orderBy: [{ depth: 'asc' }, { path: 'asc' }],
      select: { id: true, name: true, kind: true },
    });
    return { id: top!.id, name: top!.name, kind: top!.kind as OrganizationKind };
  }

  /**
   * The file of a bulletin, rendered once per distinct document (a digest of its JSON: the same day and scope
   * with the same rows print the same) and kept in storage like the summaries' exports.
   */
  async file(view: BulletinView, format: 'docx' | 'pdf'): Promise<Buffer> {
    const digest = createHash('sha256').update(JSON.stringify(view.document)).digest('hex').slice(0, 24);
    const key = `bulletins/${view.document.campaignId}/${view.asOf}-${digest}.${format}`;
    const cached = await this.storage.getBuffer(key);
    if (cached) return cached;
    return this.limit(async () => {
      const started = Date.now();
      const body = format === 'docx' ? await renderDocx(view.document) : await renderPdf(view.document);
      await this.storage.put(key, body, CONTENT_TYPES[format]);
      this.logger.log({
        msg: 'rendered bulletin',
        format,
        asOf: view.asOf,
        bytes: body.length,
        ms: Date.now() - started,
      });
      return body;
    });
  }
}
