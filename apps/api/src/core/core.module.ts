import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessService } from './access/access.service.js';
import { PermissionGuard } from './access/permission.guard.js';
import { ActorLoader } from './auth/actor-loader.js';
import { JwtAuthGuard } from './auth/jwt-auth.guard.js';
import { AccessTokenVerifier } from './auth/access-token-verifier.js';
import { AuditService } from './audit/audit.service.js';
import { RateLimitService } from './rate-limit/rate-limit.service.js';
import { JWT_SIGNING_SECRET, resolveSigningSecret } from './auth/signing-secret.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { PrismaService } from './database/prisma.service.js';

/** Cross-cutting services every module may inject: access checks, audit, rate limits, authentication. */
@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [
    AccessService,
    AuditService,
    ActorLoader,
    AccessTokenVerifier,
    RateLimitService,
    {
      provide: JWT_SIGNING_SECRET,
      inject: [APP_CONFIG, PrismaService],
      useFactory: (config: AppConfig, prisma: PrismaService) => resolveSigningSecret(config, prisma),
    },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [AccessService, AuditService, ActorLoader, RateLimitService, JWT_SIGNING_SECRET],
})
export class CoreModule {}
