import { Module } from '@nestjs/common';
import { SummaryFactsService } from './facts/summary-facts.service.js';
import { ReportsController } from './reports.controller.js';
import { SummariesService } from './summaries.service.js';
import { SummaryExportsService } from './summary-exports.service.js';

@Module({
  controllers: [ReportsController],
  providers: [SummaryFactsService, SummariesService, SummaryExportsService],
  exports: [SummariesService],
})
export class ReportsModule {}
