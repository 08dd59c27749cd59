import { ValidationError } from '../errors/validation-error.js';

/** Returns the text of a message, or throws a `ValidationError` naming `text`. */
export function checkText(text: unknown): string {
  if (typeof text !== 'string' || text.length === 0) {
    throw new ValidationError('text', 'text must be a non-empty string');
  }
  if (text.trim() === '') throw new ValidationError('text', 'text must not be only whitespace');
  return text;
}
