import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { ApiErrors, SIGNED_IN } from '../../core/http/dto/error.response.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { InvitationLinkResponse } from './dto/invitation.response.js';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto.js';
import { UserPageResponse, UserResponse } from './dto/user.response.js';
import { InvitationsService } from './invitations.service.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(InvitationsService) private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @Requires('user:read')
  @ApiOperation({
    summary: 'Users holding a membership inside your scope, filtered by text, unit (or subtree), role, active, pending',
  })
  @ApiOkResponse({ type: UserPageResponse, description: '{ items: UserView[], total, page, pageSize }' })
  @ApiErrors({ ...SIGNED_IN, 400: 'A bad filter (details name it)', 404: 'organizationId is outside your scope' })
  list(@CurrentActor() actor: Actor, @Query() q: ListUsersQueryDto) {
    return this.users.list(actor, q);
  }

  @Post()
  @Requires('user:write')
  @ApiOperation({
    summary:
      'Create a user (an e-mail, a 手机号 or both) with memberships inside your scope; without a password it logs in after accepting an invitation',
  })
  @ApiCreatedResponse({ type: UserResponse, description: 'UserView' })
  @ApiErrors({
    ...SIGNED_IN,
    400: 'Bad input: no e-mail nor 手机号, a bad 手机号, a short password (details name the field)',
    404: 'A membership names a unit outside your scope',
    409: 'The e-mail or 手机号 belongs to another account (details.field)',
    422: 'A role above your own',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Get(':id')
  @Requires('user:read')
  @ApiOperation({ summary: 'One user with a membership inside your scope' })
  @ApiOkResponse({ type: UserResponse, description: 'UserView' })
  @ApiErrors({ ...SIGNED_IN, 404: 'No such user in your scope' })
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @Requires('user:write')
  @ApiOperation({
    summary:
      'Rename, change e-mail or 手机号, reset password, change memberships, or deactivate (tokens stop working at once)',
  })
  @ApiOkResponse({ type: UserResponse, description: 'UserView' })
  @ApiErrors({
    ...SIGNED_IN,
    400: 'Bad input (details name the field)',
    404: 'Not a user you may change: some membership outside your scope, or a role above yours',
    409: 'The e-mail or 手机号 belongs to another account (details.field)',
    422: 'Deactivating yourself, or granting a role above your own',
  })
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Post(':id/invitation')
  @Requires('user:write')
  @ApiOperation({
    summary:
      'A one-time link (7 days) to set a password; revokes earlier links. For a user who has a password it is a reset: the user is signed out everywhere at once',
  })
  @ApiCreatedResponse({ type: InvitationLinkResponse, description: 'InvitationLink: { url, token, expiresAt }' })
  @ApiErrors({
    ...SIGNED_IN,
    404: 'Not a user you may change: some membership outside your scope, or a role above yours',
    422: 'The user is deactivated',
  })
  invite(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.invitations.issue(actor, id);
  }
}
