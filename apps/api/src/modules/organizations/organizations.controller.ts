import type { ImportResult } from '@campaign-month/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { DryRunQueryDto } from '../../core/spreadsheet/import.dto.js';
import {
  answerImport,
  ImportSheetRoute,
  ImportTemplateRoute,
  sendTemplate,
} from '../../core/spreadsheet/import-route.js';
import { type UploadedFileData } from '../../core/uploads/file-upload.interceptor.js';
import {
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  MoveOrganizationDto,
  TreeQueryDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import {
  OrganizationPageResponse,
  OrganizationRemovedResponse,
  OrganizationResponse,
  OrganizationTreeNodeResponse,
} from './dto/organization.response.js';
import { OrganizationImportService } from './organization-import.service.js';
import { ORGANIZATION_TEMPLATE, ORGANIZATION_TEMPLATE_FILE } from './organization-import.template.js';
import { OrganizationMoveService } from './organization-move.service.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    @Inject(OrganizationsService) private readonly orgs: OrganizationsService,
    @Inject(OrganizationMoveService) private readonly mover: OrganizationMoveService,
    @Inject(OrganizationImportService) private readonly importer: OrganizationImportService,
  ) {}

  @ImportTemplateRoute(
    'organization:write',
    'The organization sheet template (单位导入模板.xlsx)',
    'Sheet 1: the header row 单位名称, 上级单位, 单位类型, 单位编码 and two example rows; sheet 2 (说明): each column and the accepted 单位类型.',
  )
  async template(@Res() res: FastifyReply): Promise<void> {
    await sendTemplate(res, ORGANIZATION_TEMPLATE, ORGANIZATION_TEMPLATE_FILE, 'organization-import-template.xlsx');
  }

  @ImportSheetRoute(
    'organization:write',
    'organization',
    'Import units from the organization sheet: all rows or none',
    'Columns 单位名称 (required), 上级单位 (name or 单位编码 of a unit in your scope or of another row; empty: your own unit), 单位类型, 单位编码.',
  )
  async import(
    @CurrentActor() actor: Actor,
    @Query() q: DryRunQueryDto,
    @UploadedFile() file: UploadedFileData | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ImportResult> {
    return answerImport(res, await this.importer.import(actor, file, q.dryRun));
  }

  @Post(':id/move')
  @HttpCode(200)
  @Requires('organization:write')
  @ApiOperation({
    summary: 'Move an organization with its whole subtree under another parent',
    description:
      'Both ends inside your organization:write scope (else 404). 422: the root, under itself or a descendant, an archived parent. 409: a unit of the same name under the new parent.',
  })
  @ApiOkResponse({ type: OrganizationResponse, description: 'OrganizationView after the move' })
  move(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: MoveOrganizationDto) {
    return this.mover.move(actor, id, dto.parentId);
  }

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
  @ApiOperation({
    summary: 'Rename, change kind or 单位编码, move (parentId, as POST /move), archive or restore (archived)',
    description:
      '409: the name is taken under the parent, or the 单位编码 in the tenant. 422: a cycle, the root moved, restoring under an archived parent.',
  })
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
