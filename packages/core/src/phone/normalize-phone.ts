import type { CountryCode, PhoneNumber } from 'libphonenumber-js/min';
import { fastInternational } from './phone-plans.js';
import { MAX_WIRE_DIGITS } from './wire-number-value.js';

/** A recipient number, normalised. */
export interface NormalizedPhone {
  /** The number as the caller wrote it. */
  readonly input: string;
  /** The wire form the sjroom API takes: digits only, country code first (`639171234567`). */
  readonly phone: string;
  /** E.164 (`+639171234567`). */
  readonly e164: string;
  /** ISO 3166-1 alpha-2 country, when the numbering plan tells (not always for shared codes). */
  readonly country: string | undefined;
  /** The calling code's digits (`63`). */
  readonly callingCode: string;
}

/** The outcome of normalising one number. */
export type PhoneCheck =
  | { readonly ok: true; readonly value: NormalizedPhone }
  | { readonly ok: false; readonly input: string; readonly reason: string };

/** How numbers are read and checked. */
export interface PhoneOptions {
  /** ISO country for numbers written nationally (`0917 123 4567` with `PH`). */
  readonly defaultCountry?: string | undefined;
  /**
   * `valid` (default): the number must fit its country's numbering plan, by leading
   * digits and length. `possible`: only its length is checked — for ranges newer than
   * the metadata, or test ranges such as the UK's 07700 900xxx.
   */
  readonly validation?: 'valid' | 'possible' | undefined;
}

type Parser = typeof import('libphonenumber-js/min');
let parserModule: Promise<Parser> | undefined;

/**
 * Loads the phone-number metadata on first use (libphonenumber-js `min` metadata: the
 * smallest set, enough to validate country, leading digits and length), so importing
 * `@intl-sms/core` stays cheap.
 */
export async function loadPhoneNormalizer(
  /** False only to compare with the full parse (the fast path's test). */
  fastPath = true,
): Promise<(input: unknown, options?: PhoneOptions) => PhoneCheck> {
  parserModule ??= import('libphonenumber-js/min');
  const parser = await parserModule;
  return (input, options) => normalizeWith(parser, input, options ?? {}, fastPath);
}

/**
 * Loads the phone metadata and returns the calling code of an ISO country (`PH` → `63`),
 * or undefined for a code the metadata does not know.
 */
export async function loadCallingCodes(): Promise<(iso: string) => string | undefined> {
  parserModule ??= import('libphonenumber-js/min');
  const parser = await parserModule;
  return (iso) => {
    const code = iso.toUpperCase() as CountryCode;
    return parser.isSupportedCountry(code) ? parser.getCountryCallingCode(code) : undefined;
  };
}

const TOO_LONG_FOR_E164 = `too long: E.164 numbers have at most ${MAX_WIRE_DIGITS} digits`;

const SEPARATORS = /[\s\-().\u00a0/]/g;
const PLAIN_NUMBER = /^\+?\d+$/;
const REASONS: Record<string, string> = {
  INVALID_COUNTRY: 'unknown country calling code',
  NOT_A_NUMBER: 'not a phone number',
  TOO_SHORT: 'too short',
  TOO_LONG: 'too long',
  INVALID_LENGTH: 'wrong length for its country',
};

/** The last `defaultCountry` found known: a send gives the same one for every number. */
let lastKnownCountry: string | undefined;

/** Whether the metadata knows `defaultCountry` (any case), as the full path checks it. */
function knownCountry(parser: Parser, defaultCountry: string): boolean {
  if (defaultCountry === lastKnownCountry) return true;
  if (!parser.isSupportedCountry(defaultCountry.toUpperCase() as CountryCode)) return false;
  lastKnownCountry = defaultCountry;
  return true;
}

function normalizeWith(
  parser: Parser,
  input: unknown,
  options: PhoneOptions,
  fastPath: boolean,
): PhoneCheck {
  if (typeof input !== 'string') return { ok: false, input: String(input), reason: 'not a string' };
  // The common case first: `+` and digits, checked for validity, decided by the plans
  // (a plan's pattern takes digits only, so other text after `+` falls through below).
  if (fastPath && options.validation !== 'possible' && input.charCodeAt(0) === 0x2b) {
    const { defaultCountry } = options;
    // `null` is no default country, as on the full path below.
    if (
      defaultCountry === undefined ||
      defaultCountry === null ||
      knownCountry(parser, defaultCountry)
    ) {
      const fast = fastInternational(parser.Metadata, input.slice(1), input);
      if (fast) return { ok: true, value: fast };
    }
  }
  // Most numbers come without separators: no copy then.
  const plain = PLAIN_NUMBER.test(input);
  const compact = plain ? input : input.replace(SEPARATORS, '');
  if (compact === '') return { ok: false, input, reason: 'empty' };
  if (!plain && !PLAIN_NUMBER.test(compact))
    return { ok: false, input, reason: 'contains characters other than digits' };
  const international = compact.startsWith('+')
    ? compact
    : compact.startsWith('00')
      ? `+${compact.slice(2)}`
      : undefined;
  const country = options.defaultCountry?.toUpperCase() as CountryCode | undefined;
  if (country !== undefined && !parser.isSupportedCountry(country)) {
    return {
      ok: false,
      input,
      reason: `defaultCountry ${options.defaultCountry} is not a known country`,
    };
  }
  // Written internationally and checked for validity: most numbers are decided by the
  // build-time plans without a full parse (same answers; see `fastInternational`).
  if (fastPath && options.validation !== 'possible') {
    const digits = international
      ? international.slice(1)
      : country === undefined && !compact.startsWith('0')
        ? compact
        : undefined;
    const fast =
      digits === undefined ? undefined : fastInternational(parser.Metadata, digits, input);
    if (fast) return { ok: true, value: fast };
  }
  const attempts: (() => PhoneNumber)[] = [];
  if (international) attempts.push(() => parser.parsePhoneNumberWithError(international));
  else {
    if (country) attempts.push(() => parser.parsePhoneNumberWithError(compact, country));
    if (!compact.startsWith('0'))
      attempts.push(() => parser.parsePhoneNumberWithError(`+${compact}`));
  }
  if (attempts.length === 0)
    return { ok: false, input, reason: 'national number: give defaultCountry or a + prefix' };
  let reason = 'not a valid number';
  for (const attempt of attempts) {
    let number: PhoneNumber;
    try {
      number = attempt();
    } catch (error) {
      reason = REASONS[(error as Error).message] ?? 'not a phone number';
      continue;
    }
    const acceptable = options.validation === 'possible' ? number.isPossible() : number.isValid();
    // libphonenumber takes some national numbers of up to 17 digits; E.164, and so every
    // provider, stops at 15 digits in all. Such a reading is refused as it stands, not
    // traded for another reading (the digits as a number of another country).
    if (acceptable && number.number.length > MAX_WIRE_DIGITS + 1)
      return { ok: false, input, reason: TOO_LONG_FOR_E164 };
    if (acceptable) {
      return {
        ok: true,
        value: {
          input,
          phone: number.number.slice(1),
          e164: number.number,
          country: number.country,
          callingCode: number.countryCallingCode,
        },
      };
    }
    const length = parser.validatePhoneNumberLength(number.number);
    reason =
      length === undefined
        ? 'not a valid number for its country'
        : (REASONS[length] ?? 'wrong length for its country');
  }
  return { ok: false, input, reason };
}
