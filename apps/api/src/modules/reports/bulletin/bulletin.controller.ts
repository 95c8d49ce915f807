import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Requires } from '../../../core/access/requires.decorator.js';
import { CurrentActor } from '../../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../../core/context/request-context.js';
import { binaryContent } from '../../../core/http/dto/binary.response.js';
import { ApiErrors, SIGNED_IN } from '../../../core/http/dto/error.response.js';
import { IdPipe } from '../../../core/http/id.pipe.js';
import { attachment } from '../../../core/http/content-disposition.js';
import { CONTENT_TYPES, safeFileName } from '../summary-exports.service.js';
import { BulletinService } from './bulletin.service.js';
import { BulletinQueryDto } from './dto/bulletin.dto.js';
import { BulletinResponse } from './dto/bulletin.response.js';

const ERRORS = {
  ...SIGNED_IN,
  400: 'asOf is not a day, is before the month starts or after today (details name asOf)',
  404: 'The campaign is neither organized nor taken part in inside your scope',
};
const WHO =
  'For an ADMIN, ORGANIZER or VIEWER (not a REPORTER: 403) of an organization that organizes or takes part in the campaign; ' +
  'covers the participating units of your subtree as of the end of asOf (decision 038) and is signed by the organizer ' +
  'when your scope covers it, else by the top organization of your scope.';

@ApiTags('summaries')
@ApiBearerAuth()
@Controller('campaigns/:id')
export class BulletinController {
  constructor(@Inject(BulletinService) private readonly bulletins: BulletinService) {}

  @Get('bulletin')
  @Requires('bulletin:read')
  @ApiOperation({
    summary: '情况通报 (progress bulletin) as JSON: the document with every figure’s source, and its facts',
    description: WHO,
  })
  @ApiOkResponse({ type: BulletinResponse })
  @ApiErrors(ERRORS)
  get(@CurrentActor() a: Actor, @Param('id', IdPipe) id: string, @Query() q: BulletinQueryDto) {
    return this.bulletins.get(a, id, q.asOf);
  }

  @Get('bulletin.docx')
  @Requires('bulletin:read')
  @ApiProduces(CONTENT_TYPES.docx)
  @ApiOperation({ summary: '情况通报 as Word (GB/T 9704 layout)', description: WHO })
  @ApiOkResponse({ description: 'The .docx file', content: binaryContent(CONTENT_TYPES.docx) })
  @ApiErrors(ERRORS)
  docx(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Query() q: BulletinQueryDto,
    @Res() res: FastifyReply,
  ) {
    return this.download(a, id, q, 'docx', res);
  }

  @Get('bulletin.pdf')
  @Requires('bulletin:read')
  @ApiProduces(CONTENT_TYPES.pdf)
  @ApiOperation({ summary: '情况通报 as PDF', description: WHO })
  @ApiOkResponse({ description: 'The .pdf file', content: binaryContent(CONTENT_TYPES.pdf) })
  @ApiErrors(ERRORS)
  pdf(
    @CurrentActor() a: Actor,
    @Param('id', IdPipe) id: string,
    @Query() q: BulletinQueryDto,
    @Res() res: FastifyReply,
  ) {
    return this.download(a, id, q, 'pdf', res);
  }

  private async download(a: Actor, id: string, q: BulletinQueryDto, format: 'docx' | 'pdf', res: FastifyReply) {
    const view = await this.bulletins.get(a, id, q.asOf);
    const body = await this.bulletins.file(view, format);
    res.header('Content-Type', CONTENT_TYPES[format]);
    res.header(
      'Content-Disposition',
      attachment(`${safeFileName(view.document.title)}（截至${view.asOf}）.${format}`),
    );
    res.header('Cache-Control', 'private, no-cache');
    res.send(body);
  }
}
