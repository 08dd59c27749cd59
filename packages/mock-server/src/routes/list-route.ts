import type { FastifyInstance } from 'fastify';
import type { MockState } from '../state/mock-state.js';
import { int64 } from '../wire/envelope.js';
import { plainCredentials, requestSchemas } from '../wire/request-schemas.js';
import { registerSjroomRoute } from './sjroom-route.js';

/** `POST /api/open/int/sms/list`: the account's channels as a bare array. */
export function registerListRoute(app: FastifyInstance, state: MockState): void {
  registerSjroomRoute(
    app,
    state,
    'list',
    requestSchemas.list,
    ({ account }) =>
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
    plainCredentials,
  );
}
