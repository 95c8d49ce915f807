import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDay } from '../../../../core/http/calendar-day.validator.js';

export class BulletinQueryDto {
  @ApiPropertyOptional({
    example: '2026-11-21',
    description:
      'The day the figures stand at (YYYY-MM-DD), default today in the tenant’s time zone; before the month starts or after today: 400',
  })
  @IsOptional()
  @IsCalendarDay({ message: 'asOf must be a calendar day YYYY-MM-DD' })
  asOf?: string;
}
