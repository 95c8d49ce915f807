import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { TokenPairResponse } from '../../core/auth/dto/auth.response.js';
import { Public } from '../../core/auth/public.decorator.js';
import { ApiErrors } from '../../core/http/dto/error.response.js';
import { AcceptInvitationDto } from './dto/invitation.dto.js';
import { InvitationViewResponse } from './dto/invitation.response.js';
import { InvitationAcceptService } from './invitation-accept.service.js';

const LINK_ERRORS = {
  404: 'The link is unknown, was used or replaced by a newer one, or its user is deactivated',
  422: 'The link has expired (details.reason = "expired"): ask for a new one',
  429: 'Too many link attempts from this address (INVITATION_MAX_PER_ADDRESS per window); see Retry-After',
};

/** The invitation link as its holder sees it: no token needed besides the one in the path. */
@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(@Inject(InvitationAcceptService) private readonly invitations: InvitationAcceptService) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'Whose invitation link this is: name, masked log-in, tenant and units (public, throttled)' })
  @ApiParam({ name: 'token', description: 'The 43-character token of the link' })
  @ApiOkResponse({ type: InvitationViewResponse, description: 'InvitationView' })
  @ApiErrors(LINK_ERRORS)
  view(@Param('token') token: string, @Req() req: Request) {
    return this.invitations.view(token, req.ip ?? null);
  }

  @Public()
  @Post(':token/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Set the password with a link (single use) and sign in: every other session of the user ends (public, throttled)',
  })
  @ApiParam({ name: 'token', description: 'The 43-character token of the link' })
  @ApiOkResponse({ type: TokenPairResponse, description: 'A token pair for the user' })
  @ApiErrors({ 400: 'password shorter than 10 characters (details name the field)', ...LINK_ERRORS })
  accept(@Param('token') token: string, @Body() dto: AcceptInvitationDto, @Req() req: Request) {
    return this.invitations.accept(token, dto.password, req.ip ?? null);
  }
}
