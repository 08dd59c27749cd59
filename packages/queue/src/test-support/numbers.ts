/** Mobile prefixes of five countries with enabled channels on the mock's demo account. */
export const COUNTRY_PREFIXES = {
  PH: '+63917',
  GB: '+447400',
  IN: '+9198',
  DE: '+49151',
  BR: '+55119',
} as const;

/**
 * `count` distinct numbers after `prefix`, padded to `digits` digits. Endings 0001–0003
 * are the mock's magic numbers (failed receipt, no receipt, refused submit), so they are
 * skipped unless asked for.
 */
export function numbers(prefix: string, count: number, digits: number, start = 0): string[] {
  const out: string[] = [];
  for (let i = start; out.length < count; i++) {
    const suffix = String(i).padStart(digits, '0');
    if (/000[123]$/.test(suffix)) continue;
    out.push(prefix + suffix);
  }
  return out;
}

/** `perCountry` numbers in each of the five countries, interleaved as a real list would be. */
export function fiveCountries(perCountry: number): string[] {
  const lists = [
    numbers(COUNTRY_PREFIXES.PH, perCountry, 7),
    numbers(COUNTRY_PREFIXES.GB, perCountry, 6),
    numbers(COUNTRY_PREFIXES.IN, perCountry, 8),
    numbers(COUNTRY_PREFIXES.DE, perCountry, 8),
    numbers(COUNTRY_PREFIXES.BR, perCountry, 8),
  ];
  const out: string[] = [];
  for (let i = 0; i < perCountry; i++) for (const list of lists) out.push(list[i] as string);
  return out;
}
