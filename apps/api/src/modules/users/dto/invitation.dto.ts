import type { AcceptInvitationRequest } from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MIN } from '../../../core/auth/dto/auth.dto.js';

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: 200, description: 'The password the user chooses' })
  @IsString({ message: `password must be at least ${PASSWORD_MIN} characters` })
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(200)
  password: string;
}
