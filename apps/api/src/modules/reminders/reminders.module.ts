import { Module } from '@nestjs/common';
import { ChaseService } from './chase.service.js';
import { DigestService } from './digest.service.js';
import { ReminderChecksService } from './reminder-checks.service.js';
import { ReminderRulesService } from './reminder-rules.service.js';
import { RemindersController } from './reminders.controller.js';

/** 督办: reminder rules, their scheduled checks, the daily digest, and 催办. */
@Module({
  controllers: [RemindersController],
  providers: [ReminderRulesService, ChaseService, ReminderChecksService, DigestService],
})
export class RemindersModule {}
