import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@campaign-month/contracts';

export const REQUIRES = 'campaignMonth:requires';

/** The permission a route needs; the guard checks the actor holds it somewhere, services check the rows. */
export const Requires = (permission: Permission) => SetMetadata(REQUIRES, permission);
