import {
  AllTransportsFailedError,
  type TransportFailureEntry,
} from '../errors/all-transports-failed-error.js';
import { BatchNotFoundError } from '../errors/batch-not-found-error.js';
import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { PartialSendError } from '../errors/partial-send-error.js';
import { SmsError } from '../errors/sms-error.js';
import { SubmitOutcomeUnknownError } from '../errors/submit-outcome-unknown-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { SmsTransport } from '../transport/sms-transport.js';
import { checkKnownKeys, checkOneOf } from '../validation/check-options.js';
import { BatchSenders } from './batch-senders.js';

/** Options of {@link createFailoverTransport}. */
export interface FailoverOptions {
  /**
   * `priority` (default): always try the transports in the given order.
   * `round-robin`: start each send with the next transport in turn.
   */
  readonly strategy?: 'priority' | 'round-robin' | undefined;
  /**
   * Also move on after a submit the provider answered with an error code that does not
   * prove a refusal (`500`, a code the contract does not list: a
   * `SubmitOutcomeUnknownError` whose `evidence` is `provider-error`). Off by default:
   * the provider's exception handler can answer so after the SMS left, and the next
   * transport may then deliver it a second time. Turn it on only if a duplicate SMS costs
   * you less than a missing one. A send with a `maxCost` never moves on after such an
   * answer: it may have been charged, and paying twice would cross the cap.
   */
  readonly failOverOnProviderError?: boolean | undefined;
}

/** What {@link mayFailOver} may accept besides a provable refusal. */
export interface MayFailOverOptions {
  /** See {@link FailoverOptions.failOverOnProviderError}. */
  readonly failOverOnProviderError?: boolean | undefined;
}

/**
 * Whether the next transport may be tried after `error`: only when the failed send
 * provably reached no provider, or the provider refused it outright. Never after an
 * outcome-unknown submit or a send that had any batch accepted (that would send twice),
 * nor for bad input (every provider would refuse it), nor past the caller's `maxCost`. A send whose every submit was
 * refused outright (a `PartialSendError` without accepted batches) may move on.
 */
export function mayFailOver(error: unknown, options: MayFailOverOptions = {}): boolean {
  if (!SmsError.isInstance(error) || ValidationError.isInstance(error)) return false;
  // The caller's own cap refused the send: another provider (maybe another currency)
  // is not a way around it.
  if (BudgetExceededError.isInstance(error)) return false;
  if (SubmitOutcomeUnknownError.isInstance(error)) {
    return options.failOverOnProviderError === true && error.evidence === 'provider-error';
  }
  if (PartialSendError.isInstance(error)) {
    return (
      error.result.batches.length === 0 &&
      error.failures.every((failure) => mayFailOver(failure.error, options))
    );
  }
  return true;
}

/** Whether a failed send may have been charged: some submit of it has an unknown outcome. */
function mayHaveCharged(error: unknown): boolean {
  if (SubmitOutcomeUnknownError.isInstance(error)) return true;
  return (
    PartialSendError.isInstance(error) &&
    error.failures.some((failure) => SubmitOutcomeUnknownError.isInstance(failure.error))
  );
}

/**
 * Combines transports into one: `send` tries them in turn (see {@link mayFailOver});
 * when all fail it rejects with `AllTransportsFailedError` listing each error. Delivery
 * reports go to the transport that sent the batch; balance and channels come from the
 * first transport that answers.
 */
export function createFailoverTransport(
  transports: readonly SmsTransport[],
  options: FailoverOptions = {},
): SmsTransport {
  checkKnownKeys(
    options,
    ['strategy', 'failOverOnProviderError'],
    'createFailoverTransport options',
  );
  checkOneOf('strategy', options.strategy, ['priority', 'round-robin']);
  if (!Array.isArray(transports) || transports.length === 0)
    throw new ConfigurationError(
      'transports',
      'createFailoverTransport needs at least one transport',
    );
  const strategy = options.strategy ?? 'priority';
  const sendMayFailOver = (error: unknown) => mayFailOver(error, options);
  // A capped send whose submit may have been charged never moves on: paying twice would
  // take it over its maxCost (whatever failOverOnProviderError says).
  const mayFailOverWithinCap = (error: unknown) => !mayHaveCharged(error) && sendMayFailOver(error);
  const senders = new BatchSenders();
  let turn = 0;

  const order = (): SmsTransport[] => {
    if (strategy === 'priority') return [...transports];
    const start = turn++ % transports.length;
    return [...transports.slice(start), ...transports.slice(0, start)];
  };

  const firstThatAnswers = async <T>(
    call: (transport: SmsTransport) => Promise<T>,
    failOver = mayFailOver,
  ): Promise<T> => {
    const errors: TransportFailureEntry[] = [];
    for (const transport of order()) {
      try {
        return await call(transport);
      } catch (error) {
        if (!failOver(error)) throw error;
        errors.push({ provider: transport.provider, index: transports.indexOf(transport), error });
      }
    }
    throw new AllTransportsFailedError(errors);
  };

  return {
    specificationVersion: 'v1',
    provider: `failover(${transports.map((t) => t.provider).join(',')})`,
    async send(message, callOptions) {
      return firstThatAnswers(
        async (transport) => {
          try {
            const result = await transport.send(message, callOptions);
            senders.remember(transport, result.batches);
            return result;
          } catch (error) {
            if (PartialSendError.isInstance(error))
              senders.remember(transport, error.result.batches);
            throw error;
          }
        },
        message?.maxCost === undefined ? sendMayFailOver : mayFailOverWithinCap,
      );
    },
    // Priced by the first transport that answers: the one a send tries first.
    estimate: (message, callOptions) =>
      firstThatAnswers((transport) => {
        if (typeof transport.estimate !== 'function')
          throw new ValidationError('estimate', `${transport.provider} cannot estimate a send`);
        return transport.estimate(message, callOptions);
      }),
    async getDeliveryReport(id, reportOptions) {
      const sender = senders.senderOf(id, reportOptions?.recipients);
      if (sender) return sender.getDeliveryReport(id, reportOptions);
      return firstThatAnswers(
        (transport) => transport.getDeliveryReport(id, reportOptions),
        (error) =>
          BatchNotFoundError.isInstance(error) ||
          (mayFailOver(error) && (error as SmsError).retryable),
      );
    },
    getBalance: (callOptions) => firstThatAnswers((transport) => transport.getBalance(callOptions)),
    listChannels: (callOptions) =>
      firstThatAnswers((transport) => transport.listChannels(callOptions)),
    async close() {
      await Promise.all(transports.map((transport) => transport.close()));
    },
  };
}
