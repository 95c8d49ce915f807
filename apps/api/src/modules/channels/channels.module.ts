import { Module } from '@nestjs/common';
import { ChannelSender } from './channel-sender.service.js';
import { ChannelsController } from './channels.controller.js';
import { ChannelsService } from './channels.service.js';
import { DeliveryService } from './delivery.service.js';

/** Where messages go besides the bell: robots, webhooks, e-mail; and the delivery job that sends them. */
@Module({
  controllers: [ChannelsController],
  providers: [ChannelsService, ChannelSender, DeliveryService],
})
export class ChannelsModule {}
