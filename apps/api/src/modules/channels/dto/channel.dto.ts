import { CHANNEL_KINDS, type ChannelInput, type ChannelKind, type ChannelView } from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { lower, trim } from '../../../core/http/dto/transforms.js';

export class ChannelInputDto implements ChannelInput {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "An existing channel's id: keeps its secret when secret is left out",
  })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @ApiProperty({ enum: CHANNEL_KINDS })
  @IsIn(CHANNEL_KINDS, { message: `kind must be one of ${CHANNEL_KINDS.join(', ')}` })
  kind: ChannelKind;

  @ApiPropertyOptional({
    maxLength: 1000,
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
    description: 'WECOM, DINGTALK, WEBHOOK: the robot or endpoint URL (no internal addresses)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  url?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'DINGTALK: the 加签 secret (SEC…); WEBHOOK: signs the body' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'EMAIL: the addresses' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => lower({ value: v })) : value))
  @IsEmail({}, { each: true, message: 'to must be e-mail addresses' })
  @MaxLength(254, { each: true })
  to?: string[];

  @ApiProperty()
  @IsBoolean()
  enabled: boolean;
}

export class ChannelFailureResponse {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'HTTP or SMTP status; null when none came back' })
  status: number | null;

  @ApiProperty()
  message: string;
}

export class ChannelResponse implements ChannelView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CHANNEL_KINDS })
  kind: ChannelKind;

  @ApiProperty({ type: String, nullable: true })
  url: string | null;

  @ApiProperty({ type: String, nullable: true, example: '••••3f9a', description: 'Never the secret itself' })
  secretMasked: string | null;

  @ApiProperty({ type: [String] })
  to: string[];

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSuccessAt: string | null;

  @ApiProperty({ type: () => ChannelFailureResponse, nullable: true, description: 'The last failed send' })
  lastFailure: ChannelFailureResponse | null;
}

export class ChannelListResponse {
  @ApiProperty({ type: () => ChannelResponse, isArray: true })
  items: ChannelResponse[];
}

export class JobStartedResponse {
  @ApiProperty({ format: 'uuid', description: 'Follow it with GET /jobs/{jobId}' })
  jobId: string;
}
