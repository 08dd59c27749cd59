import { ValidationError } from '../errors/validation-error.js';
import type { ChannelIndex, ChannelPreferences } from './channel-index.js';

/**
 * Refuses channel preferences that could only be ignored: a key that is neither an ISO
 * country (`PH`) nor a calling code (`63`), a channel the account does not have, or a
 * channel of another destination (it would never be chosen for that key). A preferred
 * channel that is disabled is allowed: routing falls back to the cheapest enabled one.
 */
export function checkPreferences(
  preferences: unknown,
  index: ChannelIndex,
  callingCodeOf: (iso: string) => string | undefined,
): asserts preferences is ChannelPreferences {
  if (typeof preferences !== 'object' || preferences === null || Array.isArray(preferences))
    throw new ValidationError(
      'channelPreferences',
      'channelPreferences must be an object of destination → channel id, e.g. { PH: 10001 }',
    );
  const codeOf = (key: string) =>
    /^[A-Za-z]{2}$/.test(key)
      ? callingCodeOf(key)
      : /^\+?\d{1,4}$/.test(key)
        ? key.replace('+', '')
        : undefined;
  for (const [key, id] of Object.entries(preferences)) {
    const field = `channelPreferences.${key}`;
    const destination = codeOf(key);
    if (destination === undefined)
      throw new ValidationError(
        field,
        `${field}: ${key} is not an ISO country (PH) or a calling code (63)`,
      );
    const channel = index.byId(id as string);
    if (!channel)
      throw new ValidationError(
        field,
        `${field}: channel ${String(id)} is not one of the account's channels`,
      );
    const served = codeOf(channel.countryCode.trim());
    if (served !== destination)
      throw new ValidationError(
        field,
        `${field}: channel ${String(id)} serves +${served ?? channel.countryCode} (${channel.nameEn}), not ${key}`,
      );
  }
}
