import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateChannels } from './channels.js';
import { COUNTRIES } from './countries.js';

describe('generated channels', () => {
  const channels = generateChannels({ seed: DEFAULT_SEED, bigIds: false });

  it('are the same for the same seed and differ for another', () => {
    expect(generateChannels({ seed: DEFAULT_SEED, bigIds: false })).toEqual(channels);
    expect(generateChannels({ seed: 1, bigIds: false })).not.toEqual(channels);
  });

  it('cover at least 30 countries with real calling codes and names', () => {
    const countries = new Set(channels.map((channel) => channel.countryCode));
    expect(countries.size).toBeGreaterThanOrEqual(30);
    expect(channels.find((c) => c.iso === 'PH')).toMatchObject({
      countryCode: '63',
      nameEn: 'Philippines',
      nameZh: '菲律宾',
    });
    expect(channels.find((c) => c.iso === 'GB')).toMatchObject({
      countryCode: '44',
      nameEn: 'United Kingdom',
    });
    expect(COUNTRIES.every((country) => /^\d{1,3}$/.test(country.callingCode))).toBe(true);
  });

  it('price between 0.0050 and 0.0800 with at most four decimals', () => {
    for (const channel of channels) {
      expect(channel.price).toMatch(/^0\.0\d{3}$/);
      expect(Number(channel.price)).toBeGreaterThanOrEqual(0.005);
      expect(Number(channel.price)).toBeLessThanOrEqual(0.08);
    }
  });

  it('include countries with two channels at different prices, and a few disabled ones', () => {
    const byCountry = new Map<string, typeof channels>();
    for (const channel of channels)
      byCountry.set(channel.countryCode, [...(byCountry.get(channel.countryCode) ?? []), channel]);
    const doubled = [...byCountry.values()].filter((list) => list.length === 2);
    expect(doubled.length).toBeGreaterThan(0);
    expect(doubled.some(([a, b]) => a?.price !== b?.price)).toBe(true);
    const disabled = channels.filter((channel) => channel.status === 0);
    expect(disabled.length).toBeGreaterThan(0);
    expect(disabled.length).toBeLessThan(channels.length / 4);
  });

  it('issue unique ids, above 2^53 when asked', () => {
    expect(new Set(channels.map((c) => c.id)).size).toBe(channels.length);
    const big = generateChannels({ seed: DEFAULT_SEED, bigIds: true });
    expect(big.every((c) => BigInt(c.id) > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
    // 19 digits, as the README promises, and still a signed int64.
    expect(big.every((c) => c.id.length === 19 && BigInt(c.id) < 2n ** 63n)).toBe(true);
  });
});
