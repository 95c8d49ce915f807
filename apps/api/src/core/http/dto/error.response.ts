// The error body every route answers with, { statusCode, error, message, details? }, and a decorator that
// lists a route's error statuses in the OpenAPI document with what each one means there.
import type { ApiError } from '@campaign-month/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorResponse {
  @ApiProperty({ example: 'password' })
  field: string;

  @ApiProperty({ example: 'password must be at least 10 characters' })
  message: string;
}

export class ErrorResponse implements ApiError {
  @ApiProperty({ type: 'integer', example: 404 })
  statusCode: number;

  @ApiProperty({ example: 'Not Found' })
  error: string;

  @ApiProperty({ example: 'Invitation not found' })
  message: string;

  @ApiPropertyOptional({
    description: 'For 400: [{ field, message }] naming each wrong field; for some 409/422: facts about the state',
    oneOf: [{ type: 'array', items: { $ref: getSchemaPath('FieldErrorResponse') } }, { type: 'object' }],
  })
  details?: FieldErrorResponse[] | Record<string, unknown>;
}

/** The answers of every route behind @Requires: no valid token, or a role without the permission anywhere. */
export const SIGNED_IN = {
  401: 'No valid access token',
  403: 'Your role does not hold the permission in any membership',
} as const;

/** Documents error statuses of a route: `@ApiErrors({ 404: 'Unknown, used or revoked link' })`. */
export function ApiErrors(statuses: Record<number, string>) {
  return applyDecorators(
    ApiExtraModels(FieldErrorResponse),
    ...Object.entries(statuses).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, type: ErrorResponse }),
    ),
  );
}
