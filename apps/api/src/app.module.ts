import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './core/config/config.js';
import { ConfigModule } from './core/config/config.module.js';
import { DatabaseModule } from './core/database/database.module.js';
import { HealthModule } from './modules/health/health.module.js';

@Module({})
export class AppModule {
  /** The whole application for a resolved configuration (database URL known). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, HealthModule],
    };
  }
}
