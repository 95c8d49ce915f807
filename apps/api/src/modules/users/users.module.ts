import { Module } from '@nestjs/common';
import { AuthModule } from '../../core/auth/auth.module.js';
import { InvitationAcceptService } from './invitation-accept.service.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule],
  controllers: [UsersController, InvitationsController],
  providers: [UsersService, InvitationsService, InvitationAcceptService],
})
export class UsersModule {}
