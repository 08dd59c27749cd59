import type { FastifyInstance } from 'fastify';
import { formatAmount } from '../money/amount.js';
import type { MockState } from '../state/mock-state.js';
import { ok } from '../wire/envelope.js';
import { plainCredentials, requestSchemas } from '../wire/request-schemas.js';
import { registerSjroomRoute } from './sjroom-route.js';

/** `POST /api/open/int/sms/balance`: the balance as a four-decimal string in the envelope. */
export function registerBalanceRoute(app: FastifyInstance, state: MockState): void {
  registerSjroomRoute(
    app,
    state,
    'balance',
    requestSchemas.balance,
    ({ account }) => ok(formatAmount(account.balance)),
    plainCredentials,
  );
}
