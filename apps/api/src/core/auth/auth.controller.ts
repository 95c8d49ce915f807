import { Body, Controller, Get, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import type { Actor } from '../context/request-context.js';
import { ApiErrors } from '../http/dto/error.response.js';
import { AuthService } from './auth.service.js';
import { CurrentActor } from './current-actor.decorator.js';
import { LoginDto, RefreshDto, RegisterTenantDto } from './dto/auth.dto.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { MeResponse, RegisterTenantResponse, TokenPairResponse } from './dto/auth.response.js';
import { LogoutDto } from './dto/logout.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { PasswordChangeService } from './password-change.service.js';
import { Public } from './public.decorator.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(PasswordChangeService) private readonly passwords: PasswordChangeService,
  ) {}

  @Public()
  @Post('auth/register-tenant')
  @ApiOperation({
    summary:
      'Sign up: a tenant, its root organization and its first user (ADMIN, who can also run months); returns tokens. Throttled per address (429)',
  })
  @ApiCreatedResponse({
    type: RegisterTenantResponse,
    description: 'The tenant, its root organization, its ADMIN and a token pair',
  })
  register(@Body() dto: RegisterTenantDto, @Req() req: Request) {
    return this.auth.registerTenant(dto, req.ip ?? null);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Log in with a 手机号 or an e-mail (`login`; `email` still accepted) and password (throttled per log-in and per address: 429 with Retry-After)',
  })
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairResponse, description: 'A token pair' })
  login(@Req() req: Request & { user: { id: string; tenantId: string; sessionVersion: number } }) {
    return this.auth.startSession(req.user);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token; a reused token revokes its whole family' })
  @ApiOkResponse({ type: TokenPairResponse, description: 'A new token pair; the old refresh token stops working' })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the given refresh token family' })
  @ApiNoContentResponse()
  async logout(@CurrentActor() actor: Actor, @Body() dto: LogoutDto) {
    await this.auth.logout(actor, dto.refreshToken);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The current user, tenant, memberships and permissions' })
  @ApiOkResponse({ type: MeResponse, description: 'MeView' })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @Post('me/password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change your password: every session of yours ends at once (access and refresh tokens); the answer is a fresh pair for this one',
  })
  @ApiOkResponse({ type: TokenPairResponse, description: 'A new token pair; the tokens used before stop working' })
  @ApiErrors({
    401: 'No valid access token',
    400: 'currentPassword is wrong, or newPassword too short or the same (details name the field)',
    409: 'The password was changed by another request at the same time',
    429: 'Too many attempts for your log-in (counted with the log-in form); see Retry-After',
  })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    return this.passwords.change(actor, dto);
  }
}
