import { Body, Controller, Get, HttpCode, Inject, Param, ParseArrayPipe, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { ChannelsService } from './channels.service.js';
import { invalidInput } from '../../core/errors/validation.js';
import { ChannelInputDto, ChannelListResponse, JobStartedResponse } from './dto/channel.dto.js';

const channelList = new ParseArrayPipe({
  items: ChannelInputDto,
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => invalidInput(errors as never),
});

@ApiTags('notification-channels')
@ApiBearerAuth()
@Controller('organizations/:id/notification-channels')
export class ChannelsController {
  constructor(@Inject(ChannelsService) private readonly channels: ChannelsService) {}

  @Get()
  @Requires('organization:write')
  @ApiOperation({ summary: "The organization's channels (secrets masked) with each one's last failure; its admins" })
  @ApiOkResponse({ type: ChannelListResponse })
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.channels.list(actor, id);
  }

  @Put()
  @Requires('organization:write')
  @ApiOperation({
    summary:
      "Replace the organization's channels (企业微信/钉钉 robots, webhook, e-mail); internal URLs are refused (400)",
  })
  @ApiBody({
    type: ChannelInputDto,
    isArray: true,
    description: "The organization's channels (at most 10), replacing its own",
  })
  @ApiOkResponse({ type: ChannelListResponse })
  replace(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Body(channelList) channels: ChannelInputDto[],
  ) {
    return this.channels.replace(actor, id, channels);
  }

  @Post('test')
  @HttpCode(202)
  @Requires('organization:write')
  @ApiOperation({ summary: 'Send a test message through every enabled channel, in the background (GET /jobs/{jobId})' })
  @ApiAcceptedResponse({ type: JobStartedResponse })
  test(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string) {
    return this.channels.test(actor, id);
  }
}
