import type { EventDetailView, EventView, Page } from '@campaign-month/contracts';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Requires } from '../../core/access/requires.decorator.js';
import { ActorLoadedByRoute, CurrentPrincipal, type Principal } from '../../core/auth/actor-in-route.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import {
  AcceptsIdempotencyKey,
  applyIdempotentResult,
  IdempotencyKey,
} from '../../core/idempotency/idempotency-key.js';
import { CreateEventDto, ListEventsQueryDto, UpdateEventDto } from './dto/event.dto.js';
import { EventDetailResponse, EventPageResponse, EventResponse } from './dto/event.response.js';
import { EventCreateService } from './event-create.service.js';
import { EventsService } from './events.service.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class EventsController {
  constructor(
    @Inject(EventsService) private readonly events: EventsService,
    @Inject(EventCreateService) private readonly creator: EventCreateService,
  ) {}

  @Get('campaigns/:id/events')
  @Requires('event:read')
  @ApiOperation({
    summary:
      "A campaign's events in your scope: filter by unit, subtree, type, days and task; sort by occurredOn or createdAt",
  })
  @ApiOkResponse({
    type: EventPageResponse,
    description: '{ items: EventView[], total, page, pageSize }; metric values are decimal strings',
  })
  list(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Query() q: ListEventsQueryDto,
  ): Promise<Page<EventView>> {
    return this.events.list(actor, id, q);
  }

  @Post('campaigns/:id/events')
  @ActorLoadedByRoute('event:write')
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary: 'Log an event of a participating unit in your scope',
    description:
      '404: campaign or unit outside your scope. 422: campaign not ACTIVE, or the unit’s summary is approved. ' +
      '400: day outside the campaign period or after today (an event is logged once it has happened), unit not taking part, task of another unit, metric keys not defined for the campaign (metrics.<key>). ' +
      '409: Idempotency-Key reused with a different body, or the campaign’s period or metrics kept changing while the event was being logged (send it again). ' +
      '401/403 (account not active, or no role that logs events) come from the same statement as the checks, so on this route a malformed body is answered 400 first.',
  })
  @ApiCreatedResponse({
    type: EventResponse,
    description: 'EventView; the same answer (Idempotent-Replayed: true) for a retry with the same Idempotency-Key',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', IdPipe) id: string,
    @Body() dto: CreateEventDto,
    @IdempotencyKey() key: string | null,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<EventView> {
    return applyIdempotentResult(res, await this.creator.create(principal, id, dto, key));
  }

  @Get('events/:id')
  @Requires('event:read')
  @ApiOperation({ summary: 'An event with its metric values and photos' })
  @ApiOkResponse({ type: EventDetailResponse, description: 'EventDetailView' })
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<EventDetailView> {
    return this.events.get(actor, id);
  }

  @Patch('events/:id')
  @Requires('event:write')
  @ApiOperation({ summary: 'Edit an event; metrics, when sent, replace all its values (one transaction)' })
  @ApiOkResponse({ type: EventDetailResponse, description: 'EventDetailView' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateEventDto,
  ): Promise<EventDetailView> {
    return this.events.update(actor, id, dto);
  }

  @Delete('events/:id')
  @HttpCode(204)
  @Requires('event:write')
  @ApiOperation({ summary: 'Delete an event with its values and photos' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<void> {
    await this.events.remove(actor, id);
  }
}
