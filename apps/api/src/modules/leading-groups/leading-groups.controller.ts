import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { PutLeadingGroupDto } from './dto/leading-group.dto.js';
import { LeadingGroupResponse } from './dto/leading-group.response.js';
import { LeadingGroupsService } from './leading-groups.service.js';

@ApiTags('leading-groups')
@ApiBearerAuth()
@Controller('campaigns/:id/organizations/:orgId/leading-group')
export class LeadingGroupsController {
  constructor(@Inject(LeadingGroupsService) private readonly groups: LeadingGroupsService) {}

  @Get()
  @Requires('group:read')
  @ApiOperation({ summary: "A unit's leading group for the campaign (set: false while none is recorded)" })
  @ApiOkResponse({ type: LeadingGroupResponse, description: 'LeadingGroupView' })
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Param('orgId', IdPipe) orgId: string) {
    return this.groups.get(actor, id, orgId);
  }

  @Put()
  // which of the two writes is decided on the row: the unit's reporters, and for the organizing office the organizers
  @Requires('group:write', 'campaign:write')
  @ApiOperation({
    summary: 'Replace the whole roster in one transaction: exactly one LEADER (组长)',
    description:
      "A unit's reporters record its group; the organizers record the organizing office's own group (the one its roll-up names). Others: 403.",
  })
  @ApiOkResponse({ type: LeadingGroupResponse, description: 'LeadingGroupView as stored' })
  put(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Param('orgId', IdPipe) orgId: string,
    @Body() dto: PutLeadingGroupDto,
  ) {
    return this.groups.put(actor, id, orgId, dto);
  }
}
