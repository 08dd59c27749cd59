import { formatAmount } from '../money/amount.js';
import { type Envelope, ok, stringifyOkText } from '../wire/envelope.js';
import { plainCredentials, requestSchemas } from '../wire/request-schemas.js';
import type { SjroomEndpoint } from './sjroom-call.js';

/** `POST /api/open/int/sms/balance`: the balance as a four-decimal string in the envelope. */
export function balanceEndpoint(): SjroomEndpoint<{ account: string; password: string }> {
  // A polling client asks for the same balance again and again: the last one formatted
  // is kept (formatting a bigint divides and pads on every call otherwise).
  let lastUnits: bigint | undefined;
  let lastText = '';
  const shown = (units: bigint) => {
    if (units !== lastUnits) {
      lastText = formatAmount(units);
      lastUnits = units;
    }
    return lastText;
  };
  return {
    endpoint: 'balance',
    schema: requestSchemas.balance,
    handler: ({ account }) => ok(shown(account.balance)),
    plain: plainCredentials,
    serialize: (envelope) => stringifyOkText((envelope as Envelope).data as string),
  };
}
