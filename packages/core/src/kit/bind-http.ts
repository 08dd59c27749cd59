import type { CallOptions } from '../transport/call-options.js';
import type { SentPayload } from './failure.js';
import type { HttpClient } from './http-client.js';
import type { OperationSpec } from './operation.js';
import type { ProviderCall } from './provider-definition.js';

/**
 * The context of one operation: the HTTP layer bound to it (so the provider cannot pick
 * the retry rules of its calls) and the caller's options.
 */
export function bindOperation(
  http: HttpClient,
  operation: OperationSpec,
  options: CallOptions,
  sent?: SentPayload,
): ProviderCall {
  return {
    options,
    http: { call: (request) => http.run(request, operation, sent, options) },
  };
}
