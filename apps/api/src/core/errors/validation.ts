import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const fields = [...new Set(details.map((d) => d.field))];
      return new InvalidInput(`Invalid input: ${fields.join(', ')}`, details);
    },
  });
}
