import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { PageQueryDto } from '../../core/http/dto/page-query.dto.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { CampaignProgressService } from './campaign-progress.service.js';
import { CampaignStatsService } from './campaign-stats.service.js';
import { CampaignsService } from './campaigns.service.js';
import { CreateCampaignDto, ListCampaignsQueryDto, UpdateCampaignDto } from './dto/campaign.dto.js';
import { CampaignPageResponse, CampaignResponse, CampaignTemplatePageResponse } from './dto/campaign.response.js';
import { ProgressQueryDto, StatsQueryDto } from './dto/progress.dto.js';
import { CampaignStatsResponse, ProgressPageResponse } from './dto/progress.response.js';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller()
export class CampaignsController {
  constructor(
    @Inject(CampaignsService) private readonly campaigns: CampaignsService,
    @Inject(CampaignProgressService) private readonly progressService: CampaignProgressService,
    @Inject(CampaignStatsService) private readonly statsService: CampaignStatsService,
  ) {}

  @Get('campaign-templates')
  @Requires('campaign:read')
  @ApiOperation({
    summary: 'The campaign months to start from: metrics, event types, leading-group shape, suggested tasks',
  })
  @ApiOkResponse({
    type: CampaignTemplatePageResponse,
    description: '{ items: CampaignTemplateView[], total, page, pageSize }',
  })
  templates(@Query() q: PageQueryDto) {
    return this.campaigns.templates(q);
  }

  @Get('campaigns')
  @Requires('campaign:read')
  @ApiOperation({ summary: 'Campaigns organized in your scope or with a participating unit in it' })
  @ApiOkResponse({ type: CampaignPageResponse, description: '{ items: CampaignView[], total, page, pageSize }' })
  list(@CurrentActor() actor: Actor, @Query() q: ListCampaignsQueryDto) {
    return this.campaigns.list(actor, q);
  }

  @Post('campaigns')
  @Requires('campaign:write')
  @ApiOperation({ summary: 'Create a DRAFT campaign, from a template or blank, optionally with its participants' })
  @ApiCreatedResponse({ type: CampaignResponse, description: 'CampaignView' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCampaignDto) {
    return this.campaigns.create(actor, dto);
  }

  @Get('campaigns/:id')
  @Requires('campaign:read')
  @ApiOkResponse({ type: CampaignResponse, description: 'CampaignView' })
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.campaigns.get(actor, id);
  }

  @Patch('campaigns/:id')
  @Requires('campaign:write')
  @ApiOperation({ summary: 'Edit a DRAFT or ACTIVE campaign (a CLOSED one answers 422)' })
  @ApiOkResponse({ type: CampaignResponse, description: 'CampaignView' })
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: UpdateCampaignDto) {
    return this.campaigns.update(actor, id, dto);
  }

  @Post('campaigns/:id/launch')
  @HttpCode(200)
  @Requires('campaign:write')
  @ApiOperation({ summary: 'DRAFT → ACTIVE (any other state answers 422)' })
  @ApiOkResponse({ type: CampaignResponse, description: 'CampaignView, now ACTIVE' })
  launch(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.campaigns.transition(actor, id, 'launch');
  }

  @Post('campaigns/:id/close')
  @HttpCode(200)
  @Requires('campaign:write')
  @ApiOperation({ summary: 'ACTIVE → CLOSED (any other state answers 422)' })
  @ApiOkResponse({ type: CampaignResponse, description: 'CampaignView, now CLOSED' })
  close(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.campaigns.transition(actor, id, 'close');
  }

  @Get('campaigns/:id/progress')
  @Requires('campaign:read')
  @ApiOperation({
    summary: 'Per participating unit in your scope: leading group, tasks, events, summary, traffic light',
  })
  @ApiOkResponse({
    type: ProgressPageResponse,
    description: 'ProgressPage: units with their lights, and the count of each light',
  })
  progress(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Query() q: ProgressQueryDto) {
    return this.progressService.progress(actor, id, q);
  }

  @Get('campaigns/:id/stats')
  @Requires('campaign:read')
  @ApiOperation({ summary: 'Events by type, by day, by unit and metric sums over your subtree' })
  @ApiOkResponse({ type: CampaignStatsResponse, description: 'CampaignStats' })
  stats(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Query() q: StatsQueryDto) {
    return this.statsService.stats(actor, id, q);
  }
}
