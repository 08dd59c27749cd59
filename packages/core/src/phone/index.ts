import { checkDefaultCountry, checkKnownKeys, checkOneOf } from '../validation/check-options.js';
import { loadPhoneNormalizer, type PhoneCheck, type PhoneOptions } from './normalize-phone.js';

/**
 * Normalises one phone number to its wire form (`639171234567`) and E.164, or says why
 * it cannot be sent to. Loads the phone metadata on first use.
 */
export async function normalizePhone(input: string, options?: PhoneOptions): Promise<PhoneCheck> {
  checkKnownKeys(options, ['defaultCountry', 'validation'], 'normalizePhone options');
  checkOneOf('validation', options?.validation, ['valid', 'possible']);
  checkDefaultCountry(options?.defaultCountry);
  return (await loadPhoneNormalizer())(input, options);
}
