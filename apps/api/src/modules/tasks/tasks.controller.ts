import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { CreateTaskDto, ListTasksQueryDto, UpdateTaskDto } from './dto/task.dto.js';
import { TaskPageResponse, TaskResponse } from './dto/task.response.js';
import { TaskCascadeService } from './task-cascade.service.js';
import { TasksService } from './tasks.service.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TasksController {
  constructor(
    @Inject(TasksService) private readonly tasks: TasksService,
    @Inject(TaskCascadeService) private readonly cascade: TaskCascadeService,
  ) {}

  @Get('campaigns/:id/tasks')
  @Requires('task:read')
  @ApiOperation({
    summary:
      "Tasks of the units in your scope, filtered by unit, status, overdue or parent; parents show their children's progress",
  })
  @ApiOkResponse({ type: TaskPageResponse, description: '{ items: TaskView[], total, page, pageSize }' })
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Query() q: ListTasksQueryDto) {
    return this.tasks.list(actor, id, q);
  }

  @Post('campaigns/:id/tasks')
  @Requires('task:create')
  @ApiOperation({
    summary:
      'A task for one unit, or cascaded: one child task per participating child unit (CHILDREN) or participant below (PARTICIPANTS)',
  })
  @ApiCreatedResponse({
    type: TaskResponse,
    description: 'TaskView (with cascade: the parent task, children counted in children)',
  })
  create(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: CreateTaskDto) {
    return this.cascade.create(actor, id, dto);
  }

  @Patch('tasks/:id')
  @Requires('task:update')
  @ApiOperation({
    summary: 'Status and responsible member (the unit); title, description, due day and cancelling (organizers)',
  })
  @ApiOkResponse({ type: TaskResponse, description: 'TaskView' })
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: UpdateTaskDto) {
    return this.tasks.update(actor, id, dto);
  }
}
