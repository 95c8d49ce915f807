// Calendar days travel as 'YYYY-MM-DD' (tenant's time zone). Shared by every DTO that takes one:
// the shape is checked with a regex and the day must exist (no 2026-02-30).
import { registerDecorator, type ValidationOptions } from 'class-validator';

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = SHAPE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** class-validator: the property is a real calendar day 'YYYY-MM-DD'. */
export function IsCalendarDay(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a calendar day YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isCalendarDay(value) },
    });
}
