import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { ApiErrors, SIGNED_IN } from '../../core/http/dto/error.response.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditEntryPageResponse } from './dto/audit-entry.response.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditLogController {
  constructor(@Inject(AuditLogService) private readonly auditLog: AuditLogService) {}

  @Get()
  @Requires('audit:read')
  @ApiOperation({
    summary:
      '操作日志: who changed what in your subtree, newest first; tenant-wide entries (log-ins, sign-up) for admins of the root only',
  })
  @ApiOkResponse({ type: AuditEntryPageResponse, description: '{ items: AuditEntryView[], total, page, pageSize }' })
  @ApiErrors({ ...SIGNED_IN, 400: 'A bad filter (details name it)', 404: 'organizationId is outside your scope' })
  list(@CurrentActor() actor: Actor, @Query() q: AuditQueryDto) {
    return this.auditLog.list(actor, q);
  }
}
