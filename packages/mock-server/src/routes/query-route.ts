import { type BatchReceipt, batchReceipt } from '../state/batch.js';
import type { MockState } from '../state/mock-state.js';
import { EnvelopeError } from '../wire/envelope.js';
import { stringifyReceipt } from '../wire/receipt-text.js';
import { plainQuery, requestSchemas } from '../wire/request-schemas.js';
import type { SjroomEndpoint } from './sjroom-call.js';

type QueryInput = { account: string; password: string; batchNo: string };

/**
 * `POST /api/open/int/sms/query`: the receipts of a batch so far, as a bare object.
 * Another account's batch is unknown (`404`), as it would be on the real service.
 */
export function queryEndpoint(state: MockState): SjroomEndpoint<QueryInput> {
  return {
    endpoint: 'query',
    schema: requestSchemas.query,
    handler: ({ input, account }) => {
      const { batchNo } = input;
      const batch = state.batches.get(batchNo);
      if (!batch || batch.account !== account.account) {
        throw new EnvelopeError('404', `[batchNo:unknown batch ${batchNo.slice(0, 40)}]`);
      }
      return batchReceipt(batch, state.clock.now());
    },
    plain: plainQuery,
    serialize: (receipt) => stringifyReceipt(receipt as BatchReceipt),
  };
}
