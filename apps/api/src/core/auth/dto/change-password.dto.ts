import type { ChangePasswordRequest } from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MIN } from './auth.dto.js';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: 200, description: 'Different from the current one' })
  @IsString({ message: `newPassword must be at least ${PASSWORD_MIN} characters` })
  @MinLength(PASSWORD_MIN, { message: `newPassword must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(200)
  newPassword: string;
}
