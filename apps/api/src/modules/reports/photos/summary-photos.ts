// The photos a summary's files carry (附件：活动图片), read when a file is rendered: the unit's chosen ones
// (入选总结; a roll-up: the first chosen of each unit of the subtree), else the first photo of each example event
// the text quotes. Two small queries; the choice itself is report-writer's pickAppendixPhotos.
import type { PhotoFact, SummaryDocument } from '@campaign-month/report-writer';
import { exampleEventIds, MAX_APPENDIX_PHOTOS, pickAppendixPhotos } from '@campaign-month/report-writer';
import type { PrismaService } from '../../../core/database/prisma.service.js';
import { dateToDay } from '../../../core/time/calendar.js';
import { Prisma } from '../../../generated/prisma/client.js';

export interface StoredPhoto extends PhotoFact {
  storageKey: string;
  sha256: string;
}

interface Row {
  id: string;
  event_id: string;
  storage_key: string;
  sha256: string;
  title: string;
  occurred_on: Date;
  location: string | null;
  unit_id: string;
  unit_name: string;
}

const toPhoto = (r: Row): StoredPhoto => ({
  id: r.id,
  eventId: r.event_id,
  eventTitle: r.title,
  occurredOn: dateToDay(r.occurred_on),
  location: r.location,
  unitId: r.unit_id,
  unitName: r.unit_name,
  storageKey: r.storage_key,
  sha256: r.sha256,
});

const COLUMNS = Prisma.sql`p.id, p.event_id, p.storage_key, p.sha256, e.title, e.occurred_on, e.location,
                           e.organization_id AS unit_id, o.name AS unit_name`;
const FROM = Prisma.sql`event_photo p
  JOIN publicity_event e ON e.tenant_id = p.tenant_id AND e.id = p.event_id
  JOIN organization o ON o.tenant_id = e.tenant_id AND o.id = e.organization_id`;

export async function summaryPhotos(
  prisma: PrismaService,
  report: { tenantId: string; campaignId: string; organizationId: string; scope: 'UNIT' | 'ROLLUP' },
  doc: SummaryDocument,
): Promise<StoredPhoto[]> {
  const { tenantId, campaignId, organizationId } = report;
  const chosen =
    report.scope === 'UNIT'
      ? await prisma.$queryRaw<Row[]>`
          SELECT ${COLUMNS} FROM ${FROM}
           WHERE p.tenant_id = ${tenantId}::uuid AND e.campaign_id = ${campaignId}::uuid
             AND e.organization_id = ${organizationId}::uuid AND p.in_summary
           ORDER BY e.occurred_on, p.selected_at, p.id
           LIMIT ${MAX_APPENDIX_PHOTOS}`
      : await prisma.$queryRaw<Row[]>`
          SELECT x.id, x.event_id, x.storage_key, x.sha256, x.title, x.occurred_on, x.location, x.unit_id, x.unit_name
            FROM (SELECT DISTINCT ON (e.organization_id) ${COLUMNS}, p.selected_at AS chosen_at
                    FROM ${FROM}
                   WHERE p.tenant_id = ${tenantId}::uuid AND e.campaign_id = ${campaignId}::uuid AND p.in_summary
                     AND o.path LIKE (SELECT u.path || '%' FROM organization u
                                       WHERE u.tenant_id = ${tenantId}::uuid AND u.id = ${organizationId}::uuid)
                   ORDER BY e.organization_id, e.occurred_on, p.selected_at, p.id) x
           ORDER BY x.occurred_on, x.chosen_at, x.id
           LIMIT ${MAX_APPENDIX_PHOTOS}`;
  if (chosen.length > 0) return pickAppendixPhotos(chosen.map(toPhoto), [], report.scope) as StoredPhoto[];
  const examples = exampleEventIds(doc);
  if (examples.length === 0) return [];
  const first = await prisma.$queryRaw<Row[]>`
    SELECT DISTINCT ON (p.event_id) ${COLUMNS} FROM ${FROM}
     WHERE p.tenant_id = ${tenantId}::uuid AND e.campaign_id = ${campaignId}::uuid AND p.event_id = ANY(${examples}::uuid[])
     ORDER BY p.event_id, p.created_at, p.id`;
  const byEvent = new Map(first.map((r) => [r.event_id, toPhoto(r)]));
  const inOrder = examples.map((id) => byEvent.get(id)).filter((p): p is StoredPhoto => p !== undefined);
  return pickAppendixPhotos([], inOrder, report.scope) as StoredPhoto[];
}
