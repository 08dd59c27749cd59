import { faker as baseFaker } from '@faker-js/faker/locale/base';
import { formatAmount, tenThousandths } from '../money/amount.js';
import { COUNTRIES } from './countries.js';

/** A channel of the mock service. Prices are decimal strings: four decimals as generated, up to eight when set through `PUT /__mock/channels/:id`. */
export interface MockChannel {
  /** `goodsSupplySmsConfigId`, as digits (int64 ids above 2^53 stay exact). */
  readonly id: string;
  readonly countryCode: string;
  readonly iso: string;
  readonly operator: string;
  readonly price: string;
  readonly nameEn: string;
  readonly nameZh: string;
  readonly status: 0 | 1;
}

/** The seed used when none is given, so every machine sees the same channels. */
export const DEFAULT_SEED = 20261126;

/** Options of {@link generateChannels}. */
export interface ChannelGeneration {
  readonly seed: number;
  /** Issue 19-digit ids above 2^53 (like snowflake ids) instead of small ones. */
  readonly bigIds: boolean;
}

/**
 * Generates the mock's channel catalogue from a seed: one channel per country, a
 * second, dearer one for about a third of them, a few disabled. Deterministic.
 */
export function generateChannels({ seed, bigIds }: ChannelGeneration): MockChannel[] {
  const faker = baseFaker;
  faker.seed(seed);
  const channels: MockChannel[] = [];
  let serial = 0;
  const nextId = () => {
    serial++;
    if (!bigIds) return String(10_000 + serial);
    // 19 digits, beyond 2^53 and below 2^63 (a signed int64), as snowflake ids are.
    return (1_234_567_890_123_456_789n + BigInt(serial) * 1_000_003n).toString();
  };
  for (const country of COUNTRIES) {
    const operators = faker.helpers.shuffle([...country.operators]);
    const routes = faker.number.float() < 0.35 && operators.length > 1 ? 2 : 1;
    for (let route = 0; route < routes; route++) {
      const price = faker.number.int({ min: 50, max: 800 });
      channels.push({
        id: nextId(),
        countryCode: country.callingCode,
        iso: country.iso,
        operator: operators[route] ?? country.operators[0] ?? 'Default',
        price: formatAmount(tenThousandths(price)),
        nameEn: country.nameEn,
        nameZh: country.nameZh,
        status: faker.number.float() < 0.08 ? 0 : 1,
      });
    }
  }
  ensureEnabledRoute(channels);
  return channels;
}

/** The demo relies on the Philippines and the UK; keep one enabled channel for each. */
function ensureEnabledRoute(channels: MockChannel[]): void {
  for (const code of ['63', '44']) {
    const index = channels.findIndex((channel) => channel.countryCode === code);
    const channel = channels[index];
    if (channel && !channels.some((c) => c.countryCode === code && c.status === 1)) {
      channels[index] = { ...channel, status: 1 };
    }
  }
}
