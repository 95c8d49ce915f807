import {
  LEADING_GROUP_ROLES,
  type LeadingGroupMemberInput,
  type LeadingGroupRole,
  type PutLeadingGroupRequest,
} from '@campaign-month/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../../core/http/dto/transforms.js';

export const MAX_MEMBERS = 100;

export class LeadingGroupMemberDto implements LeadingGroupMemberInput {
  @ApiPropertyOptional({ description: 'An existing member to keep (tasks assigned to it stay assigned)' })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @ApiProperty({ example: '张华' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '校长' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  title?: string | null;

  @ApiProperty({ enum: LEADING_GROUP_ROLES, description: 'LEADER 组长 (exactly one), DEPUTY 副组长, MEMBER 成员' })
  @IsIn(LEADING_GROUP_ROLES, { message: `role must be one of ${LEADING_GROUP_ROLES.join(', ')}` })
  role: LeadingGroupRole;

  @ApiPropertyOptional({ type: String, nullable: true, example: '政教处' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  department?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '负责国旗下宣讲和主题班会' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  duty?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0571-88001234' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^$|^[0-9+\-() ]{3,30}$/, { message: 'phone may hold digits, spaces, + - ( ) only (3 to 30)' })
  phone?: string | null;
}

export class PutLeadingGroupDto implements PutLeadingGroupRequest {
  @ApiProperty({ type: [LeadingGroupMemberDto], description: 'The whole roster, in order' })
  @IsArray()
  @ArrayMaxSize(MAX_MEMBERS)
  @ValidateNested({ each: true })
  @Type(() => LeadingGroupMemberDto)
  members: LeadingGroupMemberDto[];
}
