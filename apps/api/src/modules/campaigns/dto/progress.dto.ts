import type { TrafficLight } from '@campaign-month/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../core/http/dto/page-query.dto.js';

export const LIGHTS = ['GREEN', 'YELLOW', 'RED'] as const satisfies readonly TrafficLight[];
export const PROGRESS_SORTS = ['tree', 'light'] as const;
export type ProgressSort = (typeof PROGRESS_SORTS)[number];

export class ProgressQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LIGHTS })
  @IsOptional()
  @IsIn(LIGHTS, { message: `light must be one of ${LIGHTS.join(', ')}` })
  light?: TrafficLight;

  @ApiPropertyOptional({ description: 'Only units in this subtree (inside your scope)' })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({ description: 'Part of the unit name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: PROGRESS_SORTS,
    default: 'tree',
    description: 'tree: by depth and name; light: red first',
  })
  @IsOptional()
  @IsIn(PROGRESS_SORTS, { message: `sort must be one of ${PROGRESS_SORTS.join(', ')}` })
  sort?: ProgressSort;
}

export class StatsQueryDto {
  @ApiPropertyOptional({ description: 'Only this subtree (inside your scope); default: your whole scope' })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    default: 50,
    description: 'How many units byUnit lists (most events first)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  unitLimit = 50;
}
