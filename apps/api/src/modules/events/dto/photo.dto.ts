import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class PhotoQueryDto {
  @ApiPropertyOptional({
    enum: ['original', 'thumb'],
    default: 'original',
    description: 'thumb: a small WebP for lists',
  })
  @IsOptional()
  @IsIn(['original', 'thumb'], { message: 'size must be original or thumb' })
  size?: 'original' | 'thumb';
}

/** OpenAPI body of a multipart upload with one file field. */
export const FILE_UPLOAD_BODY = (description: string) => ({
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description } },
  },
});

export class SelectPhotoDto {
  @ApiProperty({
    description:
      '入选总结: true puts the photo in the appendix 附件：活动图片 of its unit’s summary (at most nine), false takes it out',
  })
  @IsBoolean({ message: 'inSummary must be true or false' })
  inSummary: boolean;
}
