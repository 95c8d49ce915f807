import { Module } from '@nestjs/common';
import { BulletinController } from './bulletin/bulletin.controller.js';
import { BulletinService } from './bulletin/bulletin.service.js';
import { SummaryFactsService } from './facts/summary-facts.service.js';
import { ReportsController } from './reports.controller.js';
import { SummariesService } from './summaries.service.js';
import { SummaryExportsService } from './summary-exports.service.js';

@Module({
  controllers: [ReportsController, BulletinController],
  providers: [BulletinService, SummaryFactsService, SummariesService, SummaryExportsService],
  exports: [SummariesService],
})
export class ReportsModule {}
