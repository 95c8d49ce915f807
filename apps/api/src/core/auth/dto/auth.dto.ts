import { ORGANIZATION_KINDS, type OrganizationKind, type RegisterTenantRequest } from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { trim, lower } from '../../http/dto/transforms.js';

export const PASSWORD_MIN = 10;

export class EmailPasswordDto {
  @ApiProperty({ example: 'admin@demo.example' })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class LoginDto extends EmailPasswordDto {}

export class NewOrganizationDto {
  @ApiProperty({ example: '某市公安局' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS, { message: `kind must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind: OrganizationKind;
}

export class NewAdminDto {
  @ApiProperty({ example: '张伟' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'admin@bureau.example' })
  @Transform(lower)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: 200 })
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(200)
  password: string;
}

export class RegisterTenantDto implements RegisterTenantRequest {
  @ApiProperty({ example: '某市反诈中心' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  tenantName: string;

  @ApiProperty({ type: NewOrganizationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NewOrganizationDto)
  organization: NewOrganizationDto;

  @ApiProperty({ type: NewAdminDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NewAdminDto)
  admin: NewAdminDto;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}
