import { Global, Module } from '@nestjs/common';
import { NotificationWriter } from './notification-writer.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/** The bell (GET /notifications …) and the writer every module uses to notify a unit. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationWriter],
  exports: [NotificationWriter],
})
export class NotificationsModule {}
