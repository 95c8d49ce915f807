import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { PhotoView } from '@campaign-month/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../../core/audit/audit.service.js';
import type { Actor } from '../../core/context/request-context.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { InvalidInput, NotFound, TransitionNotAllowed } from '../../core/errors/domain-errors.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../core/storage/object-storage.js';
import { dayOfInstant } from '../../core/time/calendar.js';
import type { UploadedFileData } from '../../core/uploads/file-upload.interceptor.js';
import { EventAccessService } from './event-access.service.js';
import { photoSelect, toPhotoView } from './event-view.js';
import { EventsService } from './events.service.js';
import { stripControlCharacters } from './ledger-layout.js';
import { processPhoto, THUMBNAIL_TYPE } from './photo-processing.js';

/** Photos an event may carry. */
export const MAX_PHOTOS_PER_EVENT = 30;
/** Photos a unit may choose for its summary's appendix (入选总结), per campaign. */
export const MAX_SUMMARY_PHOTOS = 9;

@Injectable()
export class PhotosService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(EventAccessService) private readonly rules: EventAccessService,
    @Inject(EventsService) private readonly events: EventsService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /**
   * Adds a photo to an event. The same bytes uploaded again to the same event (a retry from a phone)
   * answer the photo already stored, with created: false, instead of a duplicate.
   */
  async upload(
    actor: Actor,
    eventId: string,
    file: UploadedFileData | undefined,
  ): Promise<{ photo: PhotoView; created: boolean }> {
    if (!file?.buffer?.length) throw InvalidInput.field('file', 'Attach the photo in the multipart field "file"');
    const target = await this.rules.forWrite(actor, eventId);
    this.rules.assertOpen(target);
    const photo = await processPhoto(file.buffer, target.timeZone);
    const existing = await this.prisma.eventPhoto.findFirst({
      where: { tenantId: actor.tenantId, eventId, sha256: photo.sha256 },
      select: photoSelect,
    });
    if (existing) return { photo: toPhotoView(existing), created: false };
    const count = await this.prisma.eventPhoto.count({ where: { tenantId: actor.tenantId, eventId } });
    if (count >= MAX_PHOTOS_PER_EVENT)
      throw new TransitionNotAllowed(`An event carries at most ${MAX_PHOTOS_PER_EVENT} photos`);

    const id = randomUUID();
    const base = `${actor.tenantId}/photos/${eventId}/${id}`;
    const storageKey = `${base}.${photo.ext}`;
    const thumbnailKey = `${base}.thumb.webp`;
    const capturedOutsideEventDay =
      photo.capturedAt !== null && dayOfInstant(photo.capturedAt, target.timeZone) !== target.occurredOn;
    await this.storage.put(storageKey, file.buffer, photo.contentType);
    await this.storage.put(thumbnailKey, photo.thumbnail, THUMBNAIL_TYPE);
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        await this.rules.assertOpenWhereWriting(tx, actor.tenantId, target.campaignId, [target.organizationId]);
        const created = await tx.eventPhoto.create({
          data: {
            id,
            tenantId: actor.tenantId,
            eventId,
            storageKey,
            thumbnailKey,
            contentType: photo.contentType,
            sizeBytes: file.buffer.length,
            width: photo.width,
            height: photo.height,
            sha256: photo.sha256,
            originalName: cleanName(file.originalname),
            capturedAt: photo.capturedAt,
            capturedOutsideEventDay,
            uploadedById: actor.userId,
          },
          select: photoSelect,
        });
        await this.audit.record(
          {
            action: 'photo.create',
            entityType: 'EventPhoto',
            entityId: id,
            organizationId: target.organizationId,
            changes: {
              eventId,
              contentType: photo.contentType,
              sizeBytes: file.buffer.length,
              sha256: photo.sha256,
              capturedOutsideEventDay,
            },
          },
          tx,
        );
        return created;
      });
      return { photo: toPhotoView(row), created: true };
    } catch (error) {
      await this.events.deleteObjects([storageKey, thumbnailKey]);
      throw error;
    }
  }

  /** The image (or its thumbnail) of a photo whose event the actor may read. */
  async open(
    actor: Actor,
    photoId: string,
    size: 'original' | 'thumb',
  ): Promise<{ stream: Readable; contentType: string; sha256: string; length?: number }> {
    const photo = await this.prisma.eventPhoto.findFirst({
      where: { tenantId: actor.tenantId, id: photoId, event: this.rules.readableWhere(actor) },
      select: { storageKey: true, thumbnailKey: true, contentType: true, sizeBytes: true, sha256: true },
    });
    if (!photo) throw new NotFound('Photo');
    const thumb = size === 'thumb' && photo.thumbnailKey !== null;
    const stream = await this.storage.get(thumb ? photo.thumbnailKey! : photo.storageKey);
    if (!stream) throw new NotFound('Photo file');
    return thumb
      ? { stream, contentType: THUMBNAIL_TYPE, sha256: `${photo.sha256}-thumb` }
      : { stream, contentType: photo.contentType, sha256: photo.sha256, length: photo.sizeBytes };
  }

  /**
   * 入选总结: marks a photo for (or removes it from) the appendix 附件：活动图片 of its unit's summary. The same
   * rules as every event write (scope 404, ACTIVE campaign and a summary not approved 422, checked again in the
   * writing transaction); at most MAX_SUMMARY_PHOTOS per unit and campaign (422), counted under a lock per unit
   * and campaign so that two selections at once cannot both be the ninth.
   */
  async select(actor: Actor, photoId: string, inSummary: boolean): Promise<PhotoView> {
    const photo = await this.prisma.eventPhoto.findFirst({
      where: { tenantId: actor.tenantId, id: photoId },
      select: { id: true, eventId: true, inSummary: true },
    });
    if (!photo) throw new NotFound('Photo');
    const target = await this.rules.forWrite(actor, photo.eventId).catch((e) => {
      throw e instanceof NotFound ? new NotFound('Photo') : e;
    });
    this.rules.assertOpen(target);
    const row = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`summary-photos:${target.campaignId}:${target.organizationId}`}))`;
      await this.rules.assertOpenWhereWriting(tx, actor.tenantId, target.campaignId, [target.organizationId]);
      if (inSummary) {
        const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM event_photo p JOIN publicity_event e ON e.tenant_id = p.tenant_id AND e.id = p.event_id
           WHERE p.tenant_id = ${actor.tenantId}::uuid AND e.campaign_id = ${target.campaignId}::uuid
             AND e.organization_id = ${target.organizationId}::uuid AND p.in_summary AND p.id <> ${photo.id}::uuid`;
        if (n >= MAX_SUMMARY_PHOTOS)
          throw new TransitionNotAllowed(
            `A unit chooses at most ${MAX_SUMMARY_PHOTOS} photos for its summary; remove one first`,
            { selected: n, max: MAX_SUMMARY_PHOTOS },
          );
      }
      const updated = await tx.eventPhoto.update({
        where: { tenantId_id: { tenantId: actor.tenantId, id: photo.id } },
        data: { inSummary, selectedAt: inSummary ? (photo.inSummary ? undefined : new Date()) : null },
        select: photoSelect,
      });
      if (photo.inSummary !== inSummary)
        await this.audit.record(
          {
            action: inSummary ? 'photo.select' : 'photo.unselect',
            entityType: 'EventPhoto',
            entityId: photo.id,
            organizationId: target.organizationId,
            changes: { eventId: photo.eventId, inSummary },
          },
          tx,
        );
      return updated;
    });
    return toPhotoView(row);
  }

  async remove(actor: Actor, photoId: string): Promise<void> {
    const photo = await this.prisma.eventPhoto.findFirst({
      where: { tenantId: actor.tenantId, id: photoId },
      select: { id: true, eventId: true, storageKey: true, thumbnailKey: true, sha256: true },
    });
    if (!photo) throw new NotFound('Photo');
    const target = await this.rules.forWrite(actor, photo.eventId).catch((e) => {
      throw e instanceof NotFound ? new NotFound('Photo') : e;
    });
    this.rules.assertOpen(target);
    await this.prisma.$transaction(async (tx) => {
      await this.rules.assertOpenWhereWriting(tx, actor.tenantId, target.campaignId, [target.organizationId]);
      await tx.eventPhoto.delete({ where: { tenantId_id: { tenantId: actor.tenantId, id: photo.id } } });
      await this.audit.record(
        {
          action: 'photo.delete',
          entityType: 'EventPhoto',
          entityId: photo.id,
          organizationId: target.organizationId,
          changes: { eventId: photo.eventId, sha256: photo.sha256 },
        },
        tx,
      );
    });
    await this.events.deleteObjects([photo.storageKey, photo.thumbnailKey]);
  }
}

/** A client's file name, kept for display: no path, no control characters, at most 255 characters. */
function cleanName(name: string | undefined): string | null {
  if (!name) return null;
  const base = stripControlCharacters(name).split(/[\\/]/).pop()!.trim();
  return base ? base.slice(0, 255) : null;
}
