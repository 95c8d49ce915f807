import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LocalStrategy } from './local.strategy.js';
import { PasswordChangeService } from './password-change.service.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [JwtModule.register({})],
  controllers: [AuthController],
  providers: [AuthService, TokensService, LocalStrategy, PasswordChangeService],
  exports: [TokensService],
})
export class AuthModule {}
