import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto.js';
import { UserPageResponse, UserResponse } from './dto/user.response.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @Requires('user:read')
  @ApiOperation({ summary: 'Users holding a membership inside your scope' })
  @ApiOkResponse({ type: UserPageResponse, description: '{ items: UserView[], total, page, pageSize }' })
  list(@CurrentActor() actor: Actor, @Query() q: ListUsersQueryDto) {
    return this.users.list(actor, q);
  }

  @Post()
  @Requires('user:write')
  @ApiOperation({ summary: 'Create a user with an initial password and memberships inside your scope' })
  @ApiCreatedResponse({ type: UserResponse, description: 'UserView' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @Requires('user:write')
  @ApiOperation({ summary: 'Rename, reset password, change memberships, or deactivate (tokens stop working at once)' })
  @ApiOkResponse({ type: UserResponse, description: 'UserView' })
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }
}
