import type { PhotoView } from '@campaign-month/contracts';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Requires } from '../../core/access/requires.decorator.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { Actor } from '../../core/context/request-context.js';
import { IdPipe } from '../../core/http/id.pipe.js';
import { SingleFileUpload, type UploadedFileData } from '../../core/uploads/file-upload.interceptor.js';
import { binaryContent } from '../../core/http/dto/binary.response.js';
import { PhotoResponse } from './dto/event.response.js';
import { FILE_UPLOAD_BODY, PhotoQueryDto } from './dto/photo.dto.js';
import { PhotosService } from './photos.service.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller()
export class PhotosController {
  constructor(@Inject(PhotosService) private readonly photos: PhotosService) {}

  @Post('events/:id/photos')
  @Requires('event:write')
  @UseInterceptors(SingleFileUpload('file', 'maxPhotoBytes'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_UPLOAD_BODY('A JPEG, PNG or WebP photo'))
  @ApiOperation({
    summary: 'Add a photo to an event',
    description:
      'The type is judged by the bytes: anything but JPEG, PNG or WebP is 415 (whatever its name). Over UPLOAD_MAX_PHOTO_BYTES: 413. ' +
      'A thumbnail is made; the EXIF capture time is kept and capturedOutsideEventDay flags a photo taken on another day (a hint). ' +
      'The same bytes uploaded again to the same event answer 200 with the photo already stored.',
  })
  @ApiCreatedResponse({ type: PhotoResponse, description: 'PhotoView (200 when the same photo was already there)' })
  @ApiOkResponse({ type: PhotoResponse, description: 'PhotoView: the same bytes were already stored for this event' })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<PhotoView> {
    const { photo, created } = await this.photos.upload(actor, id, file);
    res.status(created ? 201 : 200);
    return photo;
  }

  @Get('photos/:id')
  @Requires('event:read')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ summary: 'The photo (size=thumb: its WebP thumbnail), for readers of its event' })
  @ApiOkResponse({ description: 'The image bytes', content: binaryContent('image/jpeg', 'image/png', 'image/webp') })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Query() q: PhotoQueryDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.photos.open(actor, id, q.size ?? 'original');
    res.header('Cache-Control', 'private, max-age=86400, immutable');
    res.header('ETag', `"${file.sha256}"`);
    return new StreamableFile(file.stream, { type: file.contentType, length: file.length, disposition: 'inline' });
  }

  @Delete('photos/:id')
  @HttpCode(204)
  @Requires('event:write')
  @ApiOperation({ summary: 'Remove a photo from its event' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<void> {
    await this.photos.remove(actor, id);
  }
}
