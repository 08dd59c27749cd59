import { describe, expect, it } from 'vitest';
import type { Channel } from '../transport/channel.js';
import { ChannelIndex, describeDestination } from './channel-index.js';

const channel = (id: number, countryCode: string, price: string, enabled = true): Channel => ({
  id,
  countryCode,
  operator: `op${id}`,
  price,
  nameEn: `Country ${countryCode}`,
  nameZh: '',
  enabled,
});

const index = new ChannelIndex([
  channel(1, '63', '0.0300'),
  channel(2, '63', '0.0250'),
  channel(3, '63', '0.0100', false),
  channel(4, '44', '0.0400'),
  channel(5, 'SG', '0.0350'),
  channel(6, '1', '0.0100'),
]);

describe('ChannelIndex', () => {
  it('routes to the cheapest enabled channel of the calling code', () => {
    expect(index.route({ callingCode: '63', country: 'PH' })?.id).toBe(2);
    expect(index.candidates({ callingCode: '63', country: 'PH' }).map((c) => c.id)).toEqual([2, 1]);
  });

  it('matches channels that report ISO codes', () => {
    expect(index.route({ callingCode: '65', country: 'SG' })?.id).toBe(5);
  });

  it('routes every country of a shared calling code by the code', () => {
    expect(index.route({ callingCode: '1', country: 'CA' })?.id).toBe(6);
  });

  it('prefers the configured channel by ISO or calling code, if enabled', () => {
    expect(index.route({ callingCode: '63', country: 'PH' }, { PH: 1 })?.id).toBe(1);
    expect(index.route({ callingCode: '63', country: 'PH' }, { '63': '1' })?.id).toBe(1);
    expect(index.route({ callingCode: '63', country: 'PH' }, { PH: 3 })?.id).toBe(2);
  });

  it('has no route for a country without an enabled channel, and lists those with one', () => {
    expect(index.route({ callingCode: '86', country: 'CN' })).toBeUndefined();
    expect(index.availableDestinations()).toEqual([
      '+1 Country 1',
      '+44 Country 44',
      '+63 Country 63',
      'SG Country SG',
    ]);
    expect(describeDestination({ callingCode: '86', country: 'CN' })).toBe('+86 (CN)');
  });
});
