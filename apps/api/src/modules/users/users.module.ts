import { Module } from '@nestjs/common';
import { UserImportController } from './user-import.controller.js';
import { UserImportService } from './user-import.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({ controllers: [UserImportController, UsersController], providers: [UsersService, UserImportService] })
export class UsersModule {}
