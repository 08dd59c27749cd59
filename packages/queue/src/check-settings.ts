import { ValidationError } from '@intl-sms/core';
import { checkKnownKeys, checkType } from './check-options.js';
import { checkConnection } from './redis-connection.js';

/** Settings every queue and worker takes (`QueueSettings` and `onError`). */
const SHARED_KEYS = ['connection', 'name', 'prefix', 'transport', 'sjroomSettings', 'onError'];

/**
 * Refuses bad settings of `createSmsQueue` / `createSmsWorker` (`factory`) with a
 * `ValidationError` naming the field, before any connection is opened: unknown keys
 * (besides the shared ones and `ownKeys`), a missing `connection`, a bad `name` or
 * `prefix`, and both `transport` and `sjroomSettings` (one would be ignored).
 */
export function checkSharedSettings(
  settings: unknown,
  ownKeys: readonly string[],
  factory: string,
): void {
  checkKnownKeys(settings ?? {}, [...SHARED_KEYS, ...ownKeys], `${factory} settings`);
  const s = (settings ?? {}) as Record<string, unknown>;
  checkConnection(s.connection);
  for (const field of ['name', 'prefix'] as const) {
    const value = s[field];
    if (value === undefined) continue;
    // BullMQ splits keys on ':'; an empty name or prefix would share keys with others.
    if (typeof value !== 'string' || value === '' || value.includes(':'))
      throw new ValidationError(field, `${field} must be a non-empty string without ":"`);
  }
  // The queue adds braces to the name on a Redis Cluster; braces of its own would move
  // its keys to another hash slot than the prefix's.
  if (typeof s.name === 'string' && /[{}]/.test(s.name))
    throw new ValidationError(
      'name',
      'name must not contain "{" or "}" (give a hash tag in prefix)',
    );
  if (s.transport !== undefined && s.sjroomSettings !== undefined)
    throw new ValidationError(
      'sjroomSettings',
      'give transport or sjroomSettings, not both: sjroomSettings would be ignored',
    );
  if (s.transport !== undefined && typeof (s.transport as { send?: unknown })?.send !== 'function')
    throw new ValidationError('transport', 'transport must be an SmsTransport (with send())');
  const sjroom = s.sjroomSettings;
  if (sjroom !== undefined && (typeof sjroom !== 'object' || sjroom === null))
    throw new ValidationError('sjroomSettings', 'sjroomSettings must be an object');
  checkType('onError', s.onError, 'function');
}
