// Response bodies of the user routes, as the OpenAPI document describes them. A user's shape is the one
// GET /me extends, so it lives with the auth responses in core.
import { UserResponse } from '../../../core/auth/dto/auth.response.js';
import { PageResponse } from '../../../core/http/dto/page.response.js';

export { UserResponse };
export const UserPageResponse = PageResponse(UserResponse);
