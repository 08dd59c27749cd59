import type { Channel } from '../../transport/channel.js';
import type { SjroomChannel } from './sjroom-api.js';

/** Maps a channel from the sjroom wire format to the provider-agnostic {@link Channel}. */
export function toChannel(channel: SjroomChannel): Channel {
  return {
    id: channel.goodsSupplySmsConfigId,
    countryCode: channel.countryCode,
    operator: channel.countryOperator,
    price: channel.customerPrice,
    nameEn: channel.nameEn,
    nameZh: channel.nameZh,
    enabled: channel.status === 1,
  };
}
