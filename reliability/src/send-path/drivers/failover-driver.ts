import { createFailoverTransport } from '@intl-sms/core';
import type { Books } from '../books.js';
import type { Harness } from '../harness.js';
import type { Scenario } from '../scenario.js';
import { sendOnce } from './send-driver.js';

/**
 * `createFailoverTransport` over 2–3 sjroom transports, each on its own mock account (so
 * the oracle sees every send), then one `send`. With `failOverOnProviderError` the caller
 * explicitly accepted that a number the provider answered `500` for may go out again
 * through each later transport.
 */
export function failoverSend(h: Harness, scenario: Scenario): Promise<Books> {
  const transports = Array.from({ length: scenario.transports }, (_, n) =>
    h.transport(n, scenario.hooks),
  );
  const sms = createFailoverTransport(transports, {
    strategy: scenario.strategy,
    failOverOnProviderError: scenario.failOverOnProviderError,
  });
  return sendOnce(sms, scenario, scenario.failOverOnProviderError ? scenario.transports - 1 : 0);
}
