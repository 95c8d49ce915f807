import { Module } from '@nestjs/common';
import { OrganizationImportService } from './organization-import.service.js';
import { OrganizationMoveService } from './organization-move.service.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationsService, OrganizationMoveService, OrganizationImportService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
