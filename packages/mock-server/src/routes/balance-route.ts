import type { FastifyInstance } from 'fastify';
import { formatAmount } from '../money/amount.js';
import type { MockState } from '../state/mock-state.js';
import { ok } from '../wire/envelope.js';
import { plainCredentials, requestSchemas } from '../wire/request-schemas.js';
import type { SjroomEndpoint } from './sjroom-call.js';
import { registerSjroomRoute } from './sjroom-route.js';

/** `balance`: the balance as a four-decimal string in the envelope. */
export function balanceEndpoint(): SjroomEndpoint<{ account: string; password: string }> {
  return {
    endpoint: 'balance',
    schema: requestSchemas.balance,
    handler: ({ account }) => ok(formatAmount(account.balance)),
    plain: plainCredentials,
  };
}

/** `POST /api/open/int/sms/balance`. */
export function registerBalanceRoute(app: FastifyInstance, state: MockState): void {
  registerSjroomRoute(app, state, balanceEndpoint());
}
