// Response bodies of the auth routes and GET /me, as the OpenAPI document describes them. Each class
// implements its contracts type, so the compiler keeps the document and the answers in step.
import {
  type MembershipView,
  type MeView,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  ROLES,
  type Role,
  type TokenPair,
  type UserView,
} from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class TokenPairResponse implements TokenPair {
  @ApiProperty({ description: 'Bearer JWT for the Authorization header' })
  accessToken: string;

  @ApiProperty({ description: 'Opaque; rotate it with POST /auth/refresh' })
  refreshToken: string;

  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires', example: 900 })
  expiresIn: number;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';
}

export class RegisteredTenantResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class RegisteredOrganizationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind: OrganizationKind;
}

export class RegisteredUserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  email: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;

  @ApiProperty()
  name: string;
}

/** POST /auth/register-tenant: what was created, and a token pair for its first ADMIN. */
export class RegisterTenantResponse extends TokenPairResponse {
  @ApiProperty({ type: () => RegisteredTenantResponse })
  tenant: RegisteredTenantResponse;

  @ApiProperty({ type: () => RegisteredOrganizationResponse })
  organization: RegisteredOrganizationResponse;

  @ApiProperty({ type: () => RegisteredUserResponse })
  user: RegisteredUserResponse;
}

export class MembershipResponse implements MembershipView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty()
  organizationName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;
}

export class UserResponse implements UserView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'E-mail (lower-case); a user has an e-mail, a 手机号 or both',
  })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: '13800138000', description: '手机号 (11 digits)' })
  phone: string | null;

  @ApiProperty()
  name: string;

  @ApiProperty()
  isActive: boolean;

  @ApiProperty({ description: 'False until the user has set a password through an invitation link (待激活)' })
  hasPassword: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastLoginAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: () => MembershipResponse, isArray: true })
  memberships: MembershipResponse[];
}

export class TenantResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone: string;
}

export class MeResponse extends UserResponse implements MeView {
  @ApiProperty({ type: () => TenantResponse })
  tenant: TenantResponse;

  @ApiProperty({ type: [String], description: 'Permissions granted by any of your memberships' })
  permissions: string[];
}
