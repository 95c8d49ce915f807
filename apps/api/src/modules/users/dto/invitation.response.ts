// Response bodies of the invitation routes, as the OpenAPI document describes them.
import type { InvitationLink, InvitationView } from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class InvitationLinkResponse implements InvitationLink {
  @ApiProperty({
    example: 'https://xcyx.example.cn/invite/3q2-7wXk…',
    description: 'The link to hand to the user: PUBLIC_URL/invite/{token}',
  })
  url: string;

  @ApiProperty({ description: 'The token alone (43 characters, base64url); it is shown once and stored hashed' })
  token: string;

  @ApiProperty({ format: 'date-time', description: 'Seven days from now' })
  expiresAt: string;
}

export class InvitationViewResponse implements InvitationView {
  @ApiProperty({ example: '李老师' })
  userName: string;

  @ApiProperty({ example: '138****8000', description: 'The log-in the user will type, partly masked' })
  login: string;

  @ApiProperty({ example: '临湖区教育局' })
  tenantName: string;

  @ApiProperty({ type: [String], example: ['实验小学'] })
  organizationNames: string[];

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}
