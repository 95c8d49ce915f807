// Errors the services throw. The one filter (http-exception.filter.ts) maps them to the API's shape
// { statusCode, error, message, details? } — services never build HTTP responses themselves.

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly details?: FieldError[] | Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the input is wrong; details name the fields. */
export class InvalidInput extends DomainError {
  constructor(message: string, details?: FieldError[]) {
    super(400, 'Bad Request', message, details);
  }
  static field(field: string, message: string): InvalidInput {
    return new InvalidInput(message, [{ field, message }]);
  }
}

/** 404: missing, or outside the caller's scope (ids never leak through a 403). */
export class NotFound extends DomainError {
  constructor(entity: string) {
    super(404, 'Not Found', `${entity} not found`);
  }
}

/** 409: a conflict with the current state (duplicate, stale version). */
export class Conflict extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(409, 'Conflict', message, details);
  }
}

/** 422: a state change that is not allowed from the current state. */
export class TransitionNotAllowed extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(422, 'Unprocessable Entity', message, details);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = 'Authentication required') {
    super(401, 'Unauthorized', message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'Not allowed') {
    super(403, 'Forbidden', message);
  }
}

export class TooManyRequests extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'Too Many Requests', message);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(message: string) {
    super(413, 'Payload Too Large', message);
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(message: string) {
    super(415, 'Unsupported Media Type', message);
  }
}
