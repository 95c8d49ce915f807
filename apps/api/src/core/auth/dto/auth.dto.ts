import { ORGANIZATION_KINDS, type OrganizationKind, type RegisterTenantRequest } from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { isEmail } from 'class-validator';
import { PHONE_PATTERN, parseLogin, phoneTransform } from '../login-id.js';

@ValidatorConstraint({ name: 'isLoginId' })
class IsLoginIdConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const id = parseLogin(value);
    return id.kind === 'email' ? isEmail(id.value) : PHONE_PATTERN.test(id.value);
  }
  defaultMessage(): string {
    return 'login must be a 手机号 or an e-mail address';
  }
}
import { trim, lower } from '../../http/dto/transforms.js';

export const PASSWORD_MIN = 10;

/** Log-in with a 手机号 or an e-mail in `login`; `email` is still accepted in its place (one of the two). */
export class LoginDto {
  @ApiPropertyOptional({ example: '13800138000', description: 'A 手机号 or an e-mail' })
  @ValidateIf((o: LoginDto) => o.email === undefined || o.login !== undefined)
  @IsString({ message: 'login must be a 手机号 or an e-mail address' })
  @MaxLength(254)
  @Validate(IsLoginIdConstraint)
  login?: string;

  @ApiPropertyOptional({ example: 'admin@demo.example', description: 'Accepted in place of login' })
  @IsOptional()
  @Transform(lower)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

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

  @ApiPropertyOptional({ example: 'admin@bureau.example', description: 'An e-mail, a 手机号 or both' })
  @ValidateIf((o: NewAdminDto) => o.email !== undefined || o.phone === undefined)
  @Transform(lower)
  @IsEmail({}, { message: 'email must be a valid e-mail address (or give a 手机号)' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @Transform(phoneTransform)
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mobile number' })
  phone?: string;

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
