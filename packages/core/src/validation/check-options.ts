import { ValidationError } from '../errors/validation-error.js';

/**
 * Option checks shared by the packages built on core: an option is either honoured or
 * refused with a `ValidationError` naming it, never silently ignored.
 */

/**
 * Refuses an options object that is not an object, or that has a key outside `known`,
 * with a `ValidationError` naming the key (`path` prefixes nested keys: `limiter.maxx`).
 * A misspelt option must not pass silently and leave its default in force. `undefined`
 * passes (every options argument here is optional); `field` names the argument itself.
 */
export function checkKnownKeys(
  value: unknown,
  known: readonly string[],
  field: string,
  path = '',
): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ValidationError(field, `${field} must be an object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = known.find((candidate) => distance(candidate, key) <= 2);
    const hint = near ? ` (did you mean ${near}?)` : '';
    throw new ValidationError(
      `${path}${key}`,
      `${field} has no option ${path}${key}${hint}; known: ${known.join(', ')}`,
    );
  }
}

/** Refuses `value` unless it is absent or one of `allowed`. */
export function checkOneOf(field: string, value: unknown, allowed: readonly unknown[]): void {
  if (value === undefined || allowed.includes(value)) return;
  const list = allowed.map((a) => JSON.stringify(a)).join(' or ');
  throw new ValidationError(field, `${field} must be ${list}, got ${describe(value)}`);
}

/** Refuses `value` unless it is absent or of the `typeof` `type`. */
export function checkType(field: string, value: unknown, type: 'function' | 'string'): void {
  if (value === undefined || typeof value === type) return;
  throw new ValidationError(field, `${field} must be a ${type}, got ${describe(value)}`);
}

/**
 * Refuses a `defaultCountry` that is not a string; absent (`undefined`, or `null` as
 * numbers have always read it) is no default country.
 */
export function checkDefaultCountry(value: unknown): void {
  if (value !== null) checkType('defaultCountry', value, 'string');
}

/** Refuses `value` unless it is absent or an integer ≥ 0 (a duration or offset that may be zero). */
export function checkNonNegative(field: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new ValidationError(field, `${field} must be an integer ≥ 0, got ${describe(value)}`);
}

/** The longest timer runtimes honour (2^31 − 1 ms, about 24.8 days): a longer one fires at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * What is wrong with a duration in milliseconds — not an integer from `min` to
 * {@link MAX_TIMER_MS} — or `undefined` when it is fine or absent.
 */
export function durationProblem(value: unknown, min = 1): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= MAX_TIMER_MS)
    return undefined;
  return `must be an integer number of milliseconds from ${min} to ${MAX_TIMER_MS}, got ${describe(value)}`;
}

/**
 * The value for an error message. Strings only when short and plain: a value passed in
 * the wrong place may be a Redis URL with a password, which must not reach a log.
 */
export function describe(value: unknown): string {
  if (typeof value === 'string')
    return value.length <= 40 && !/[:@/]/.test(value) ? JSON.stringify(value) : 'a string';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/** Levenshtein distance, for the "did you mean" hint; option names are short. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        substitution,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
