import * as z from 'zod';
import { COUNTRIES } from '../state/countries.js';

const CALLING_CODES = new Set(COUNTRIES.map((country) => country.callingCode));
const ISO_CODES = new Set(COUNTRIES.map((country) => country.iso));

/**
 * `country`: a calling code (`63`, `"+63"`) or an ISO 3166 alpha-2 code (`"PH"`, `"ph"`)
 * of one of the mock's countries. Normalised to the calling code's digits or the
 * upper-case ISO code; an unknown country is refused, since a rule for it could never match.
 */
export const countryField = z
  .union([z.string().max(10), z.int().min(0).max(9999)], {
    error: 'must be a calling code like "63" or an ISO code like "PH"',
  })
  .transform((value, context) => {
    const text = String(value).trim();
    const digits = /^\+?(\d{1,4})$/.exec(text)?.[1];
    if (digits !== undefined && CALLING_CODES.has(digits)) return digits;
    const iso = text.toUpperCase();
    if (/^[A-Z]{2}$/.test(iso) && ISO_CODES.has(iso)) return iso;
    context.addIssue({
      code: 'custom',
      message: `unknown country ${JSON.stringify(text)}: use a calling code like "63" or an ISO code like "PH" of the mock's countries`,
    });
    return z.NEVER;
  });

const CHANNEL_ID = 'must be a channel id: a non-negative integer or its digits';

/**
 * `channelId`: a channel id, as a JSON integer or its digits (ids above 2^53 as digits, or
 * as a bare integer in a body the mock parses). Normalised to its decimal digits.
 */
export const channelIdField = z
  .union([z.string().regex(/^\d{1,19}$/, CHANNEL_ID), z.int().min(0)], { error: CHANNEL_ID })
  .transform((value) => BigInt(value).toString());

/**
 * `phone`: one number in international form; `+` and spaces are ignored, the rest must
 * be 6–15 digits (what a submit accepts). Normalised to its digits.
 */
export const phoneField = z
  .union([z.string().max(40), z.int().min(0)], {
    error: 'must be a phone number of 6-15 digits',
  })
  .transform((value, context) => {
    const digits = String(value).replace(/[+\s]/g, '');
    if (/^\d{6,15}$/.test(digits)) return digits;
    context.addIssue({
      code: 'custom',
      message: 'must be a phone number of 6-15 digits (a + and spaces are ignored)',
    });
    return z.NEVER;
  });

/**
 * `stateCode`: a business code as a string (`"500"`, `"COM00101"`) or a JSON integer
 * (`500`), normalised to the string the envelope carries.
 */
export const stateCodeField = z
  .union([z.string().min(1).max(20), z.int().min(0).max(999_999_999)], {
    error: 'must be a string like "500" or an integer',
  })
  .transform(String);
