import { Module } from '@nestjs/common';
import { AuthModule } from '../../core/auth/auth.module.js';
import { InvitationAcceptService } from './invitation-accept.service.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { UserImportController } from './user-import.controller.js';
import { UserImportService } from './user-import.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule],
  controllers: [UserImportController, UsersController, InvitationsController],
  providers: [UsersService, UserImportService, InvitationsService, InvitationAcceptService],
})
export class UsersModule {}
