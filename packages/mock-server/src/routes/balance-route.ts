import { formatAmount } from '../money/amount.js';
import { ok } from '../wire/envelope.js';
import { plainCredentials, requestSchemas } from '../wire/request-schemas.js';
import type { SjroomEndpoint } from './sjroom-call.js';

/** `POST /api/open/int/sms/balance`: the balance as a four-decimal string in the envelope. */
export function balanceEndpoint(): SjroomEndpoint<{ account: string; password: string }> {
  return {
    endpoint: 'balance',
    schema: requestSchemas.balance,
    handler: ({ account }) => ok(formatAmount(account.balance)),
    plain: plainCredentials,
  };
}
