// Response body of the leading-group routes, as the OpenAPI document describes it.
import {
  LEADING_GROUP_ROLES,
  type LeadingGroupMemberView,
  type LeadingGroupRole,
  type LeadingGroupView,
} from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class LeadingGroupMemberResponse implements LeadingGroupMemberView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '张伟' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: '校长' })
  title: string | null;

  @ApiProperty({ enum: LEADING_GROUP_ROLES })
  role: LeadingGroupRole;

  @ApiProperty({ type: String, nullable: true })
  department: string | null;

  @ApiProperty({ type: String, nullable: true, example: '全面负责' })
  duty: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;

  @ApiProperty({ type: 'integer' })
  sortOrder: number;
}

export class LeadingGroupResponse implements LeadingGroupView {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ description: 'false: nothing recorded yet (members is empty)' })
  set: boolean;

  @ApiProperty({ type: () => LeadingGroupMemberResponse, isArray: true })
  members: LeadingGroupMemberResponse[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}
