import { Body, Controller, Delete, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { AddParticipantsDto, ListParticipantsQueryDto } from './dto/campaign.dto.js';
import {
  AddParticipantsResultResponse,
  ParticipantPageResponse,
  RemoveParticipantResultResponse,
} from './dto/campaign.response.js';
import { ParticipantsService } from './participants.service.js';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns/:id/participants')
export class ParticipantsController {
  constructor(@Inject(ParticipantsService) private readonly participants: ParticipantsService) {}

  @Get()
  @Requires('campaign:read')
  @ApiOperation({ summary: 'Participating units in your scope' })
  @ApiOkResponse({ type: ParticipantPageResponse, description: '{ items: ParticipantView[], total, page, pageSize }' })
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Query() q: ListParticipantsQueryDto) {
    return this.participants.list(actor, id, q);
  }

  @Post()
  @Requires('participant:write')
  @ApiOperation({
    summary: 'Add units one by one (organizationIds) or a whole subtree (subtreeOf, optionally kinds) in one call',
  })
  @ApiCreatedResponse({
    type: AddParticipantsResultResponse,
    description: 'How many were added, and the total afterwards',
  })
  add(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: AddParticipantsDto) {
    return this.participants.add(actor, id, dto);
  }

  @Delete(':orgId')
  @Requires('participant:write')
  @ApiOperation({
    summary: 'Take a unit out (with its tasks and leading group); 409 once it logged events or a summary',
  })
  @ApiOkResponse({ type: RemoveParticipantResultResponse, description: 'What was removed with the unit' })
  remove(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Param('orgId', IdPipe) orgId: string) {
    return this.participants.remove(actor, id, orgId);
  }
}
