import type { AuditEntryView } from '@campaign-month/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '../../../core/http/dto/page.response.js';

export class AuditActorResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class AuditOrganizationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class AuditEntryResponse implements AuditEntryView {
  @ApiProperty({ example: '1024', description: 'Increasing with time (a string: the number may exceed 2^53)' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({
    type: () => AuditActorResponse,
    nullable: true,
    description: 'null: the system or an anonymous caller',
  })
  actor: AuditActorResponse | null;

  @ApiProperty({ example: 'user.invite' })
  action: string;

  @ApiProperty({ example: 'User' })
  entityType: string;

  @ApiProperty({ type: String, nullable: true })
  entityId: string | null;

  @ApiProperty({
    type: () => AuditOrganizationResponse,
    nullable: true,
    description: 'The unit the change belongs to; null: tenant-wide (log-ins, sign-up)',
  })
  organization: AuditOrganizationResponse | null;

  @ApiProperty({ type: String, nullable: true })
  ip: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'What changed, as the action records it (before/after, counts …)',
  })
  changes: unknown;
}

export const AuditEntryPageResponse = PageResponse(AuditEntryResponse);
