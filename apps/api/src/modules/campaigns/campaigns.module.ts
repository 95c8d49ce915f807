import { Module } from '@nestjs/common';
import { CampaignAccessService } from './campaign-access.service.js';
import { CampaignProgressService } from './campaign-progress.service.js';
import { CampaignStatsService } from './campaign-stats.service.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsService } from './campaigns.service.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsService } from './participants.service.js';

@Module({
  controllers: [CampaignsController, ParticipantsController],
  providers: [
    CampaignsService,
    CampaignAccessService,
    ParticipantsService,
    CampaignProgressService,
    CampaignStatsService,
  ],
  exports: [CampaignAccessService],
})
export class CampaignsModule {}
