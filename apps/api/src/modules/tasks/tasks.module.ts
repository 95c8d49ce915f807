import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { ResponsibleMembers } from './responsible-members.js';
import { TaskCascadeService } from './task-cascade.service.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({
  imports: [CampaignsModule],
  controllers: [TasksController],
  providers: [TasksService, TaskCascadeService, ResponsibleMembers],
})
export class TasksModule {}
