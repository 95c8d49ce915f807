import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './core/auth/auth.module.js';
import type { AppConfig } from './core/config/config.js';
import { ConfigModule } from './core/config/config.module.js';
import { CoreModule } from './core/core.module.js';
import { DatabaseModule } from './core/database/database.module.js';
import { StorageModule } from './core/storage/storage.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { CampaignsModule } from './modules/campaigns/campaigns.module.js';
import { EventsModule } from './modules/events/events.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { LeadingGroupsModule } from './modules/leading-groups/leading-groups.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { TasksModule } from './modules/tasks/tasks.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { UsersModule } from './modules/users/users.module.js';

/** Feature modules, one line each; every route is authenticated unless marked @Public(). */
export const FEATURE_MODULES = [
  HealthModule,
  AuthModule,
  UsersModule,
  OrganizationsModule,
  CampaignsModule,
  LeadingGroupsModule,
  TasksModule,
  EventsModule,
  ReportsModule,
  AuditModule,
];

@Module({})
export class AppModule {
  /** The whole application for a resolved configuration (database URL known). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, CoreModule, StorageModule, ...FEATURE_MODULES],
    };
  }
}
