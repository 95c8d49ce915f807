import { type CreateUserRequest, ROLES, type Role, type UpdateUserRequest } from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PHONE_PATTERN, phoneTransform } from '../../../core/auth/login-id.js';
import { PASSWORD_MIN } from '../../../core/auth/dto/auth.dto.js';
import { PageQueryDto } from '../../../core/http/dto/page-query.dto.js';
import { trim, lower } from '../../../core/http/dto/transforms.js';

export class MembershipInputDto {
  @ApiProperty()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}

/** The boolean query flags (?subtree=true): only the words true and false. */
const queryBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateUserDto implements CreateUserRequest {
  @ApiPropertyOptional({
    example: 'reporter@school.example',
    maxLength: 254,
    description: 'An e-mail, a 手机号 or both',
  })
  @ValidateIf((o: CreateUserDto) => o.email !== undefined || o.phone === undefined)
  @Transform(lower)
  // IsEmail refuses more than 254 characters itself: one message when neither e-mail nor 手机号 is given
  @IsEmail({}, { message: 'email must be a valid e-mail address (or give a 手机号)' })
  email?: string;

  @ApiPropertyOptional({ example: '13800138000', description: '手机号; +86, spaces and dashes are dropped' })
  @IsOptional()
  @Transform(phoneTransform)
  @IsString({ message: 'phone must be an 11-digit mobile number' })
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mobile number' })
  phone?: string;

  @ApiProperty({ example: '李老师' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    minLength: PASSWORD_MIN,
    description:
      'For API clients only: an initial password. Usually left out: the user sets one through an invitation link (POST /users/{id}/invitation)',
  })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(200)
  password?: string;

  @ApiProperty({ type: [MembershipInputDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MembershipInputDto)
  memberships: MembershipInputDto[];
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes the e-mail (the 手机号 stays)' })
  @ValidateIf((o: UpdateUserDto) => o.email !== undefined && o.email !== null)
  @Transform(lower)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes the 手机号 (the e-mail stays)' })
  @ValidateIf((o: UpdateUserDto) => o.phone !== undefined && o.phone !== null)
  @Transform(phoneTransform)
  @IsString({ message: 'phone must be an 11-digit mobile number' })
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mobile number' })
  phone?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the user: its tokens stop working at once' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ type: [MembershipInputDto], description: 'Replaces the memberships inside your scope' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MembershipInputDto)
  memberships?: MembershipInputDto[];
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name, e-mail or 手机号' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Users with a membership at this unit (with subtree=true: at it or below it); outside your scope: 404',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'With organizationId: include the units below it' })
  @IsOptional()
  @Transform(queryBool)
  @IsBoolean({ message: 'subtree must be true or false' })
  subtree?: boolean;

  @ApiPropertyOptional({
    enum: ROLES,
    description: 'Users holding this role in a membership inside your scope (at organizationId when given)',
  })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ type: Boolean, description: 'true: active users only; false: deactivated ones only' })
  @IsOptional()
  @Transform(queryBool)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'true: users without a password yet (待激活); false: with one' })
  @IsOptional()
  @Transform(queryBool)
  @IsBoolean({ message: 'pending must be true or false' })
  pending?: boolean;
}
