import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { LeadingGroupsController } from './leading-groups.controller.js';
import { LeadingGroupsService } from './leading-groups.service.js';

@Module({ imports: [CampaignsModule], controllers: [LeadingGroupsController], providers: [LeadingGroupsService] })
export class LeadingGroupsModule {}
