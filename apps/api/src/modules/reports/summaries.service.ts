// The 活动总结 workflow: generate a draft version from the current facts, edit its narrative (If-Match),
// submit (REPORTER of the unit), approve or return (ORGANIZER of an ancestor). Each change writes a new
// immutable version row, so renders can be cached per version.
import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import type { ReportScope, ReportStatus } from '@campaign-month/contracts';
import {
  allParagraphs,
  NARRATIVE_KEYS,
  paragraphsToWrite,
  printedContent,
  type SummaryDocument,
  type SummaryFacts,
  signedOn,
  writeSummary,
} from '@campaign-month/report-writer';
import { AccessService } from '../../core/access/access.service.js';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { isUniqueViolation } from '../../core/database/prisma-errors.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { Conflict, Forbidden, InvalidInput, NotFound, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { todayIn } from '../../core/time/calendar.js';
import type { Prisma, SummaryReport } from '../../generated/prisma/client.js';
import { NARRATIVE_MAX } from './dto/summary.dto.js';
import { SummaryFactsService } from './facts/summary-facts.service.js';

export interface SummaryView {
  id: string;
  campaignId: string;
  organizationId: string;
  scope: ReportScope;
  version: number;
  status: ReportStatus;
  title: string;
  reviewerComment: string | null;
  /** Written again from the rows as they are now, this version would print something else (see outdated()). */
  outdated: boolean;
  narrative: Record<string, string>;
  document: SummaryDocument;
  facts: SummaryFacts;
  /** Editable paragraphs still showing a prompt instead of the unit's text. */
  needsInput: string[];
  submittedAt: string | null;
  reviewedAt: string | null;
  createdAt: string;
}

function toSummaryView(r: SummaryReport, outdated: boolean): SummaryView {
  const document = r.sections as unknown as SummaryDocument;
  return {
    outdated,
    id: r.id,
    campaignId: r.campaignId,
    organizationId: r.organizationId,
    scope: r.scope,
    version: r.version,
    status: r.status,
    title: r.title,
    reviewerComment: r.reviewerComment,
    narrative: r.narrative as Record<string, string>,
    document,
    facts: r.facts as unknown as SummaryFacts,
    needsInput: paragraphsToWrite(document),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

interface Target {
  campaignId: string;
  organizationId: string;
  scope: ReportScope;
}

/** A target as a request names it: without a scope, a participant's own summary, else the roll-up. */
export interface TargetRequest {
  campaignId: string;
  organizationId: string;
  scope?: ReportScope;
}

@Injectable()
export class SummariesService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SummaryFactsService) private readonly facts: SummaryFactsService,
  ) {}

  /**
   * The campaign and unit must be visible to the actor (else 404). Without a scope a participant's summary is
   * its own (UNIT) and an organization that does not take part has only a roll-up (ROLLUP).
   */
  private async locate(actor: Actor, req: TargetRequest): Promise<{ org: { path: string; name: string }; t: Target }> {
    await this.access.findCampaign(actor, req.campaignId, 'report:read');
    const org = await this.prisma.organization.findFirst({
      where: { AND: [{ id: req.organizationId }, this.access.organizationWhere(actor, 'report:read')] },
      select: { path: true, name: true },
    });
    if (!org) throw new NotFound('Organization');
    if (req.scope === 'ROLLUP') return { org, t: { ...req, scope: 'ROLLUP' } };
    const participant = await this.prisma.participant.findFirst({
      where: { tenantId: actor.tenantId, campaignId: req.campaignId, organizationId: req.organizationId },
      select: { id: true },
    });
    if (participant) return { org, t: { ...req, scope: 'UNIT' } };
    if (req.scope === 'UNIT') throw new NotFound('Participant');
    return { org, t: { ...req, scope: 'ROLLUP' } };
  }

  /** A unit's summary is written by its reporters; a roll-up also by the organizers above it. */
  private mayWrite(actor: Actor, t: Target, path: string): boolean {
    return (
      this.access.covers(actor, 'report:write', path) ||
      (t.scope === 'ROLLUP' && this.access.covers(actor, 'report:review', path))
    );
  }

  private latest(actor: Actor, t: Target, db: Prisma.TransactionClient | PrismaService = this.prisma) {
    return db.summaryReport.findFirst({
      where: { tenantId: actor.tenantId, campaignId: t.campaignId, organizationId: t.organizationId, scope: t.scope },
      orderBy: { version: 'desc' },
    });
  }

  async get(actor: Actor, req: TargetRequest, version?: number): Promise<SummaryView> {
    const { t } = await this.locate(actor, req);
    return this.view(actor, t, await this.findRow(actor, t, version));
  }

  /** Row form for the exporters (a version, else the latest; 404 outside the scope). */
  async getRow(actor: Actor, req: TargetRequest, version?: number): Promise<SummaryReport> {
    const { t } = await this.locate(actor, req);
    return this.findRow(actor, t, version);
  }

  private async findRow(actor: Actor, t: Target, version?: number): Promise<SummaryReport> {
    const row = version
      ? await this.prisma.summaryReport.findFirst({
          where: {
            tenantId: actor.tenantId,
            campaignId: t.campaignId,
            organizationId: t.organizationId,
            scope: t.scope,
            version,
          },
        })
      : await this.latest(actor, t);
    if (!row) throw new NotFound('Summary');
    return row;
  }

  private async view(actor: Actor, t: Target, row: SummaryReport): Promise<SummaryView> {
    return toSummaryView(row, await this.outdated(actor, t, row));
  }

  /**
   * Would the version, written again from the rows as they are now, print anything else (a figure, a fact, a
   * name, a chart)? The totals are compared first (one statement); when they agree, the facts are computed
   * again and both documents written with the version's narrative by the same writer, so that only the rows
   * can differ. The day it is signed is not compared: the workflow sets it.
   */
  private async outdated(actor: Actor, t: Target, row: SummaryReport): Promise<boolean> {
    const stored = row.facts as unknown as Partial<SummaryFacts>;
    if (typeof stored.eventCount !== 'number' || !stored.metricTotals || !stored.kind) return false;
    const target = { tenantId: actor.tenantId, ...t };
    const totals = await this.facts.currentTotals(target);
    if (totals.eventCount !== stored.eventCount || !isDeepStrictEqual(totals.metricTotals, stored.metricTotals))
      return true;
    const now = await this.facts.compute(target);
    const narrative = row.narrative as Record<string, string>;
    const then = stored as SummaryFacts;
    return !isDeepStrictEqual(
      printedContent(writeSummary(now, narrative), now),
      printedContent(writeSummary(then, narrative), then),
    );
  }

  /** The campaign's title, for the zip's file name (404 outside the scope). */
  async campaignTitle(actor: Actor, campaignId: string): Promise<string> {
    return (await this.access.findCampaign(actor, campaignId, 'report:read')).title;
  }

  /** A new DRAFT version from the current facts; the unit's narrative carries over. */
  async generate(actor: Actor, req: TargetRequest): Promise<SummaryView> {
    const { org, t } = await this.locate(actor, req);
    if (!this.mayWrite(actor, t, org.path)) throw new Forbidden('Your role may not generate this summary');
    const previous = await this.latest(actor, t);
    if (previous && (previous.status === 'SUBMITTED' || previous.status === 'APPROVED')) {
      throw new TransitionNotAllowed(`The summary is ${previous.status}; it can be regenerated after it is returned`, {
        status: previous.status,
      });
    }
    const facts = await this.facts.compute({ tenantId: actor.tenantId, ...t });
    const narrative = (previous?.narrative as Record<string, string> | undefined) ?? {};
    const row = await this.insertVersion(
      actor,
      t,
      (previous?.version ?? 0) + 1,
      facts,
      narrative,
      'summary.generate',
      previous?.reviewerComment ?? null,
    );
    // its figures were summed a moment ago: summing them again to compare (a whole subtree's, for a roll-up)
    // would say the same
    return toSummaryView(row, false);
  }

  /** Edits the narrative of the latest version, which must be the one the client read (If-Match). */
  async edit(
    actor: Actor,
    req: TargetRequest,
    ifMatch: string | undefined,
    narrative: Record<string, string>,
  ): Promise<SummaryView> {
    const { org, t } = await this.locate(actor, req);
    if (!this.mayWrite(actor, t, org.path)) throw new Forbidden('Your role may not edit this summary');
    const expected = parseIfMatch(ifMatch);
    const current = await this.latest(actor, t);
    if (!current) throw new NotFound('Summary');
    if (current.version !== expected) {
      throw new Conflict(`The summary has changed (version ${current.version}); reload it and edit again`, {
        currentVersion: current.version,
      });
    }
    if (current.status === 'SUBMITTED' || current.status === 'APPROVED') {
      throw new TransitionNotAllowed(`The summary is ${current.status} and cannot be edited`, {
        status: current.status,
      });
    }
    const document = current.sections as unknown as SummaryDocument;
    // The unit may write any narrative paragraph (even one the draft shows no prompt for); computed ones never.
    const editable = new Set<string>([
      ...NARRATIVE_KEYS,
      ...allParagraphs(document)
        .filter((p) => p.editable)
        .map((p) => p.key),
    ]);
    const merged: Record<string, string> = { ...(current.narrative as Record<string, string>) };
    for (const [key, text] of Object.entries(narrative)) {
      if (!editable.has(key)) throw InvalidInput.field(`narrative.${key}`, `"${key}" is not an editable paragraph`);
      if (typeof text !== 'string') throw InvalidInput.field(`narrative.${key}`, 'must be text');
      if (text.length > NARRATIVE_MAX)
        throw InvalidInput.field(`narrative.${key}`, `must be at most ${NARRATIVE_MAX} characters`);
      if (text.trim() === '') delete merged[key];
      else merged[key] = text.trim();
    }
    const row = await this.insertVersion(
      actor,
      t,
      current.version + 1,
      current.facts as unknown as SummaryFacts,
      merged,
      'summary.edit',
      current.reviewerComment,
    );
    return this.view(actor, t, row);
  }

  private async insertVersion(
    actor: Actor,
    t: Target,
    version: number,
    facts: SummaryFacts,
    narrative: Record<string, string>,
    action: string,
    // a returned summary's comment stays with the versions made to answer it, until the unit submits again
    reviewerComment: string | null,
  ): Promise<SummaryReport> {
    const document = writeSummary(facts, narrative);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const row = await tx.summaryReport.create({
          data: {
            tenantId: actor.tenantId,
            campaignId: t.campaignId,
            organizationId: t.organizationId,
            scope: t.scope,
            version,
            status: 'DRAFT',
            title: document.title,
            facts: facts as unknown as Prisma.InputJsonValue,
            sections: document as unknown as Prisma.InputJsonValue,
            narrative,
            reviewerComment,
            generatedById: actor.userId,
          },
        });
        await this.audit.record(
          {
            action,
            entityType: 'SummaryReport',
            entityId: row.id,
            organizationId: t.organizationId,
            changes: { ...t, version },
          },
          tx,
        );
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('Another change to this summary was saved first; reload it');
      throw error;
    }
  }

  async submit(actor: Actor, req: TargetRequest): Promise<SummaryView> {
    const { org, t } = await this.locate(actor, req);
    if (!this.access.covers(actor, 'report:write', org.path))
      throw new Forbidden('Only the unit’s reporter submits its summary');
    const written = (current: SummaryReport) => {
      const open = paragraphsToWrite(current.sections as unknown as SummaryDocument);
      if (open.length)
        throw new TransitionNotAllowed(
          `The summary still has paragraphs to write before it is submitted: ${open.join(', ')}`,
          { paragraphs: open },
        );
    };
    const tenant = await this.prisma.tenant.findFirstOrThrow({ where: { id: actor.tenantId } });
    const day = todayIn(tenant.timeZone);
    // handed in today: the document is signed today (a draft showed the day it was generated)
    const signed = (current: SummaryReport): Prisma.SummaryReportUpdateManyMutationInput => ({
      sections: signedOn(current.sections as unknown as SummaryDocument, day) as unknown as Prisma.InputJsonValue,
      facts: { ...(current.facts as object), signatureDate: day } as Prisma.InputJsonValue,
    });
    return this.transition(
      actor,
      t,
      ['DRAFT', 'RETURNED'],
      'SUBMITTED',
      { submittedById: actor.userId, submittedAt: new Date(), reviewerComment: null },
      written,
      signed,
    );
  }

  async approve(actor: Actor, req: TargetRequest): Promise<SummaryView> {
    const { org, t } = await this.locate(actor, req);
    if (!this.access.covers(actor, 'report:review', org.path, true))
      throw new Forbidden('Summaries are approved by an organizer of a superior unit');
    return this.transition(actor, t, ['SUBMITTED'], 'APPROVED', { reviewedById: actor.userId, reviewedAt: new Date() });
  }

  async return(actor: Actor, req: TargetRequest, comment: string): Promise<SummaryView> {
    const { org, t } = await this.locate(actor, req);
    if (!this.access.covers(actor, 'report:review', org.path, true))
      throw new Forbidden('Summaries are returned by an organizer of a superior unit');
    return this.transition(actor, t, ['SUBMITTED', 'APPROVED'], 'RETURNED', {
      reviewedById: actor.userId,
      reviewedAt: new Date(),
      reviewerComment: comment,
    });
  }

  private async transition(
    actor: Actor,
    t: Target,
    from: ReportStatus[],
    to: ReportStatus,
    data: Prisma.SummaryReportUpdateInput,
    /** A rule of this transition on the version it moves (throws to refuse), checked in the same transaction. */
    check?: (current: SummaryReport) => void,
    /** Further changes to the version it moves, computed from it in the same transaction. */
    amend?: (current: SummaryReport) => Prisma.SummaryReportUpdateManyMutationInput,
  ): Promise<SummaryView> {
    const row = await this.prisma.$transaction(async (tx) => {
      const current = await this.latest(actor, t, tx);
      if (!current) throw new NotFound('Summary');
      check?.(current);
      // Conditional update: a concurrent transition on the same version loses with 409 instead of both winning.
      const updated = await tx.summaryReport.updateMany({
        where: { id: current.id, status: { in: from } },
        data: { ...data, ...amend?.(current), status: to } as Prisma.SummaryReportUpdateManyMutationInput,
      });
      if (updated.count !== 1) {
        throw new TransitionNotAllowed(`A ${current.status} summary cannot become ${to}`, {
          status: current.status,
          allowedFrom: from,
        });
      }
      await this.audit.record(
        {
          action: `summary.${to.toLowerCase()}`,
          entityType: 'SummaryReport',
          entityId: current.id,
          organizationId: current.organizationId,
          changes: {
            from: current.status,
            to,
            version: current.version,
            ...(to === 'RETURNED' ? { comment: data.reviewerComment as string } : {}),
          },
        },
        tx,
      );
      return tx.summaryReport.findUniqueOrThrow({ where: { id: current.id } });
    });
    return this.view(actor, t, row);
  }
}

function parseIfMatch(header: string | undefined): number {
  if (!header) throw InvalidInput.field('If-Match', 'The If-Match header must carry the version you edited');
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw InvalidInput.field('If-Match', 'If-Match must be a version number, e.g. "3"');
  return Number(m[1]);
}
