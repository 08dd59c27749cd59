import type { Channel } from '../transport/channel.js';

/** The channels a `FakeTransport` has unless told otherwise: real calling codes, exact prices. */
export const DEFAULT_FAKE_CHANNELS: readonly Channel[] = [
  {
    id: 1,
    countryCode: '63',
    operator: 'Globe',
    price: '0.0300',
    nameEn: 'Philippines',
    nameZh: '菲律宾',
    enabled: true,
  },
  {
    id: 2,
    countryCode: '63',
    operator: 'Smart',
    price: '0.0250',
    nameEn: 'Philippines',
    nameZh: '菲律宾',
    enabled: true,
  },
  {
    id: 3,
    countryCode: '44',
    operator: 'EE',
    price: '0.0400',
    nameEn: 'United Kingdom',
    nameZh: '英国',
    enabled: true,
  },
  {
    id: 4,
    countryCode: '1',
    operator: 'AT&T',
    price: '0.0100',
    nameEn: 'United States',
    nameZh: '美国',
    enabled: true,
  },
  {
    id: 5,
    countryCode: '86',
    operator: 'China Mobile',
    price: '0.0500',
    nameEn: 'China',
    nameZh: '中国',
    enabled: false,
  },
  {
    id: 6,
    countryCode: '65',
    operator: 'Singtel',
    price: '0.0350',
    nameEn: 'Singapore',
    nameZh: '新加坡',
    enabled: true,
  },
];
