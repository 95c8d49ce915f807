import { Body, Controller, Delete, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../core/access/requires.decorator.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import {
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  TreeQueryDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import {
  OrganizationPageResponse,
  OrganizationRemovedResponse,
  OrganizationResponse,
  OrganizationTreeNodeResponse,
} from './dto/organization.response.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(@Inject(OrganizationsService) private readonly orgs: OrganizationsService) {}

  @Get()
  @Requires('organization:read')
  @ApiOperation({ summary: 'Organizations in your scope, filtered by parent, kind and name' })
  @ApiOkResponse({
    type: OrganizationPageResponse,
    description: '{ items: OrganizationView[], total, page, pageSize }',
  })
  list(@CurrentActor() actor: Actor, @Query() q: ListOrganizationsQueryDto) {
    return this.orgs.list(actor, q);
  }

  @Post()
  @Requires('organization:write')
  @ApiOperation({ summary: 'Create an organization under a parent in your scope' })
  @ApiCreatedResponse({ type: OrganizationResponse, description: 'OrganizationView' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganizationDto) {
    return this.orgs.create(actor, dto);
  }

  @Get(':id')
  @Requires('organization:read')
  @ApiOkResponse({ type: OrganizationResponse, description: 'OrganizationView' })
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.orgs.get(actor, id);
  }

  @Patch(':id')
  @Requires('organization:write')
  @ApiOperation({ summary: 'Rename, change kind, or move under another parent (cycles refused with 422)' })
  @ApiOkResponse({ type: OrganizationResponse, description: 'OrganizationView' })
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: UpdateOrganizationDto) {
    return this.orgs.update(actor, id, dto);
  }

  @Delete(':id')
  @Requires('organization:write')
  @ApiOperation({ summary: 'Delete an unused leaf; archive one that other rows refer to' })
  @ApiOkResponse({ type: OrganizationRemovedResponse, description: 'Whether it was deleted or archived' })
  remove(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.orgs.remove(actor, id);
  }

  @Get(':id/tree')
  @Requires('organization:read')
  @ApiOperation({ summary: 'The subtree under an organization (one query)' })
  @ApiOkResponse({ type: OrganizationTreeNodeResponse, description: 'The organization with its children, nested' })
  tree(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Query() q: TreeQueryDto) {
    return this.orgs.tree(actor, id, q.depth);
  }
}
