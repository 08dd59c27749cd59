import type { Channel } from '@intl-sms/core';
import type { CountryCode } from 'libphonenumber-js/min';
import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js/min';

/**
 * Whether a channel serves `country`: an ISO code (`PH`), a calling code (`63`, `+63`)
 * or an English or Chinese country name, case-insensitive.
 */
export function channelMatchesCountry(channel: Channel, country: string): boolean {
  const wanted = country.trim();
  const digits = wanted.replace(/^\+/, '');
  if (/^\d+$/.test(digits)) return channel.countryCode === digits;
  if (/^[a-z]{2}$/i.test(wanted)) {
    const iso = wanted.toUpperCase();
    if (channel.countryCode.toUpperCase() === iso) return true;
    return (
      isSupportedCountry(iso) && channel.countryCode === getCountryCallingCode(iso as CountryCode)
    );
  }
  const name = wanted.toLowerCase();
  return channel.nameEn.toLowerCase() === name || channel.nameZh === wanted;
}
