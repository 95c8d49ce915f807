import { ORGANIZATION_KINDS, type OrganizationKind } from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
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

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 64,
    description: '单位编码: unique in the tenant (409 when taken)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  code?: string | null;
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

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 64,
    description: '单位编码: unique in the tenant (409 when taken); empty string or null clears it',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  code?: string | null;

  @ApiPropertyOptional({
    description: 'false restores an archived organization (its parent must be active); true archives it',
  })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class MoveOrganizationDto {
  @ApiProperty({ format: 'uuid', description: 'The new parent (inside your organization:write scope, not archived)' })
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId: string;
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

  @ApiPropertyOptional({ description: 'Part of the name or of the 单位编码' })
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
