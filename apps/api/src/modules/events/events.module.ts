import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../../core/idempotency/idempotency.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { EventAccessService } from './event-access.service.js';
import { EventCreateService } from './event-create.service.js';
import { EventsController } from './events.controller.js';
import { EventsService } from './events.service.js';
import { LedgerController } from './ledger.controller.js';
import { LedgerExportService } from './ledger-export.service.js';
import { LedgerImportService } from './ledger-import.service.js';
import { PhotosController } from './photos.controller.js';
import { PhotosService } from './photos.service.js';

/** Publicity events: logging (idempotent create), edits, photo evidence, and the ledger (台账) export/import. */
@Module({
  imports: [IdempotencyModule, CampaignsModule],
  controllers: [LedgerController, EventsController, PhotosController],
  providers: [
    EventAccessService,
    EventCreateService,
    EventsService,
    PhotosService,
    LedgerExportService,
    LedgerImportService,
  ],
  exports: [EventsService],
})
export class EventsModule {}
