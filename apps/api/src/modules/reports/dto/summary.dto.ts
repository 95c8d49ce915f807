import { REPORT_SCOPES, type ReportScope } from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const SCOPE_DEFAULT =
  'Default: UNIT for a participating unit, ROLLUP for an organization that does not take part (it has only a roll-up)';

export class GenerateSummaryDto {
  @ApiPropertyOptional({
    enum: REPORT_SCOPES,
    description: `UNIT: the unit itself; ROLLUP: the unit and its subtree. ${SCOPE_DEFAULT}`,
  })
  @IsOptional()
  @IsIn(REPORT_SCOPES, { message: `scope must be one of ${REPORT_SCOPES.join(', ')}` })
  scope?: ReportScope;
}

export class SummaryQueryDto {
  @ApiPropertyOptional({ enum: REPORT_SCOPES, description: SCOPE_DEFAULT })
  @IsOptional()
  @IsIn(REPORT_SCOPES, { message: `scope must be one of ${REPORT_SCOPES.join(', ')}` })
  scope?: ReportScope;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 2147483647,
    description: 'A specific version (default: the latest)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  version?: number;
}

export class SummaryGetQueryDto extends SummaryQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: a unit with no summary generated yet answers 200 with null instead of 404 (a normal state for a ' +
      'page that shows it); not with version',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'ifExists must be true or false' })
  ifExists?: boolean;
}

export class EditSummaryDto {
  @ApiPropertyOptional({ enum: REPORT_SCOPES, description: SCOPE_DEFAULT })
  @IsOptional()
  @IsIn(REPORT_SCOPES, { message: `scope must be one of ${REPORT_SCOPES.join(', ')}` })
  scope?: ReportScope;

  @ApiProperty({
    description:
      'Narrative paragraphs by key (e.g. "shortcomings", "opening.extra"): only paragraphs marked editable. ' +
      'An empty string clears one. Computed figures are regenerated, never typed over.',
    example: { shortcomings: '一是宣传覆盖面还不够广……下一步,我们将……' },
  })
  @IsObject()
  narrative: Record<string, string>;
}

export class ReturnSummaryDto {
  @ApiProperty({ example: '请补充典型案例和下一步打算。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment: string;
}

export class TransitionDto {
  @ApiPropertyOptional({ enum: REPORT_SCOPES, description: SCOPE_DEFAULT })
  @IsOptional()
  @IsIn(REPORT_SCOPES, { message: `scope must be one of ${REPORT_SCOPES.join(', ')}` })
  scope?: ReportScope;
}

export class ReturnWithScopeDto extends ReturnSummaryDto {
  @ApiPropertyOptional({ enum: REPORT_SCOPES, description: SCOPE_DEFAULT })
  @IsOptional()
  @IsIn(REPORT_SCOPES, { message: `scope must be one of ${REPORT_SCOPES.join(', ')}` })
  scope?: ReportScope;
}

export const NARRATIVE_MAX = 8000;
