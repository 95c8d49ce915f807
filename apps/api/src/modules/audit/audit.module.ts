import { Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller.js';
import { AuditLogService } from './audit-log.service.js';

/** GET /audit. Writing entries is core (core/audit/audit.service.ts); this module reads them. */
@Module({ controllers: [AuditLogController], providers: [AuditLogService] })
export class AuditModule {}
