import { ValidationError } from '@intl-sms/core';

/** Throws a `ValidationError` naming `field` unless `value` is a positive integer (or absent and optional). */
export function positive(field: string, value: unknown, required = false): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new ValidationError(field, `${field} must be a positive integer, got ${String(value)}`);
}
