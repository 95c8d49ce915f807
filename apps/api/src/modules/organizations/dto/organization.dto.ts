import { ORGANIZATION_KINDS, type OrganizationKind } from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../core/http/dto/page-query.dto.js';
import { trim } from '../../../core/http/dto/transforms.js';

const KIND_MESSAGE = `kind must be one of ${ORGANIZATION_KINDS.join(', ')}`;

export class CreateOrganizationDto {
  @ApiProperty({ description: 'The parent organization (inside your scope)' })
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId: string;

  @ApiProperty({ example: '城关镇中心小学' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS, { message: KIND_MESSAGE })
  kind: OrganizationKind;
}

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ description: 'Move the organization (and its subtree) under another parent' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS, { message: KIND_MESSAGE })
  kind?: OrganizationKind;
}

export class ListOrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS, { message: KIND_MESSAGE })
  kind?: OrganizationKind;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Include archived organizations', default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeArchived?: boolean;
}

export class TreeQueryDto {
  @ApiPropertyOptional({ type: 'integer', description: 'Levels below the organization to include', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(50)
  depth?: number;
}
