import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { PageQueryDto } from '../../core/http/dto/page-query.dto.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { ChaseService } from './chase.service.js';
import { ChaseDto, ChasePageResponse, ChaseResultResponse, ReminderRulesDto } from './dto/reminders.dto.js';
import { ReminderRulesService } from './reminder-rules.service.js';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('campaigns/:id')
export class RemindersController {
  constructor(
    @Inject(ChaseService) private readonly chases: ChaseService,
    @Inject(ReminderRulesService) private readonly rules: ReminderRulesService,
  ) {}

  @Post('reminders')
  @HttpCode(200)
  @Requires('campaign:write')
  @ApiOperation({
    summary:
      '催办: chase units of the campaign (organizers). Reaches their reporters at once; one per unit per clock hour, the rest skipped',
  })
  @ApiOkResponse({ type: ChaseResultResponse, description: '{ units, recipients, skipped }' })
  chase(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: ChaseDto) {
    return this.chases.chase(actor, id, dto);
  }

  @Get('organizations/:orgId/reminders')
  @Requires('campaign:read')
  @ApiOperation({ summary: 'Who chased the unit in this campaign, and when (newest first)' })
  @ApiOkResponse({ type: ChasePageResponse, description: '{ items: ChaseView[], total, page, pageSize }' })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Query() q: PageQueryDto,
  ) {
    return this.chases.list(actor, id, orgId, q);
  }

  @Get('reminder-rules')
  @Requires('campaign:write')
  @ApiOperation({ summary: "The campaign's reminder rules (its template's defaults until changed); organizers" })
  @ApiOkResponse({ type: ReminderRulesDto })
  getRules(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.rules.get(actor, id);
  }

  @Put('reminder-rules')
  @Requires('campaign:write')
  @ApiOperation({ summary: "Change the campaign's reminder rules (every field; null turns a rule off); organizers" })
  @ApiOkResponse({ type: ReminderRulesDto })
  putRules(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: ReminderRulesDto) {
    return this.rules.put(actor, id, dto);
  }
}
