import type { MockState } from '../state/mock-state.js';
import { int64 } from '../wire/envelope.js';
import { plainCredentials, requestSchemas } from '../wire/request-schemas.js';
import type { SjroomEndpoint } from './sjroom-call.js';

/** `POST /api/open/int/sms/list`: the account's channels as a bare array. */
export function listEndpoint(
  state: MockState,
): SjroomEndpoint<{ account: string; password: string }> {
  return {
    endpoint: 'list',
    schema: requestSchemas.list,
    handler: ({ account }) =>
      state.channels
        .filter((channel) => account.channelIds.has(channel.id))
        .map((channel) => ({
          countryCode: channel.countryCode,
          countryOperator: channel.operator,
          customerPrice: Number(channel.price),
          goodsSupplySmsConfigId: int64(channel.id),
          nameEn: channel.nameEn,
          nameZh: channel.nameZh,
          status: channel.status,
        })),
    plain: plainCredentials,
  };
}
