import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@campaign-month/contracts';

export const REQUIRES = 'campaignMonth:requires';

/**
 * The permission a route needs (or, listed several, any one of them: a route whose writers differ by row,
 * such as a group recorded by its unit's reporters or by the month's organizers). The guard checks the
 * actor holds it somewhere (else 403, before the body is looked at); services check the rows.
 */
export const Requires = (...permissions: [Permission, ...Permission[]]) => SetMetadata(REQUIRES, permissions);
