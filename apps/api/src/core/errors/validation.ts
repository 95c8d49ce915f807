import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { assertStorableInput } from '../http/storable-input.js';
import { type FieldError, InvalidInput } from './domain-errors.js';

/** Flattens class-validator's tree into field-level details: { field: 'organization.kind', message }. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const err of errors) {
    const field = prefix ? `${prefix}.${err.property}` : err.property;
    for (const message of Object.values(err.constraints ?? {})) out.push({ field, message });
    if (err.children?.length) out.push(...flattenValidationErrors(err.children, field));
  }
  return out;
}

/** class-validator's errors as the API's 400: field-level details, or a body that is not an object at all. */
export function invalidInput(errors: ValidationError[]): InvalidInput {
  // class-validator's answer to a body that is not an object (a JSON array, a number): no field to name
  if (errors.some((e) => e.constraints?.unknownValue !== undefined))
    return new InvalidInput('The request body must be a JSON object');
  const details = flattenValidationErrors(errors);
  const fields = [...new Set(details.map((d) => d.field))];
  return new InvalidInput(`Invalid input: ${fields.join(', ')}`, details);
}

/** Nest's ValidationPipe, after a walk that refuses what could not be stored or validated (storable-input.ts). */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') assertStorableInput(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: invalidInput,
  });
}
