// Query and response shapes of POST /organizations/import and POST /users/import.
import type { ImportResult, ImportRowError, ImportRowOutcome } from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

export class DryRunQueryDto {
  @ApiProperty({
    description:
      'Required, so that nothing is ever written by accident: true checks every row and writes nothing; ' +
      'false writes every row in one transaction, or nothing (422) when any row has an error',
  })
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be given as true or false' })
  dryRun: boolean;
}

export class ImportRowErrorResponse implements ImportRowError {
  @ApiProperty({ type: 'integer', description: 'Row number in the sheet (the header is row 1)' })
  row: number;

  @ApiProperty({ type: String, nullable: true, description: 'Column header (单位名称 …); null for the row as a whole' })
  column: string | null;

  @ApiProperty({ description: 'What is wrong, in Chinese' })
  message: string;
}

export class ImportRowOutcomeResponse implements ImportRowOutcome {
  @ApiProperty({ type: 'integer' })
  row: number;

  @ApiProperty({ description: '单位名称 or 姓名' })
  name: string;

  @ApiProperty({ enum: ['create', 'update', 'skip', 'error'] })
  outcome: ImportRowOutcome['outcome'];

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Created or existing row (null on a dry-run create)',
  })
  id: string | null;
}

export class ImportResultResponse implements ImportResult {
  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Data rows read (blank rows ignored)' })
  rows: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows that add a unit or a user' })
  created: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows that add a membership to an existing user' })
  updated: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows already there' })
  skipped: number;

  @ApiProperty({ type: () => ImportRowErrorResponse, isArray: true })
  errors: ImportRowErrorResponse[];

  @ApiProperty({ type: () => ImportRowOutcomeResponse, isArray: true, description: 'First 1,000 rows' })
  preview: ImportRowOutcomeResponse[];
}
