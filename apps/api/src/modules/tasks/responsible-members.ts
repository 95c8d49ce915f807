import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service.js';
import { InvalidInput } from '../../core/errors/domain-errors.js';

/** A task's responsible person is a member of its unit's leading group for the same campaign. */
@Injectable()
export class ResponsibleMembers {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async assert(
    tenantId: string,
    campaignId: string,
    organizationId: string,
    memberId: string,
    field: string,
  ): Promise<void> {
    const member = await this.prisma.leadingGroupMember.findFirst({
      where: { id: memberId, tenantId, group: { campaignId, organizationId } },
      select: { id: true },
    });
    if (!member) throw InvalidInput.field(field, "Not a member of the unit's leading group for this campaign");
  }
}
