import { SmsError, type SmsTransport } from '@intl-sms/core';
import { BookKeeper, type Books } from '../books.js';
import type { Scenario } from '../scenario.js';
import { bookOutcomes, bookThrown } from './book-send-outcome.js';

/** `transport.send` of one message to every drawn recipient, maybe aborted mid-way. */
export async function sendOnce(
  sms: SmsTransport,
  scenario: Scenario,
  allowance = 0,
): Promise<Books> {
  const keeper = new BookKeeper(scenario.recipients.length);
  const controller = scenario.abortAfterMs === undefined ? undefined : new AbortController();
  const timer = controller && setTimeout(() => controller.abort(), scenario.abortAfterMs);
  let rejectedRetryable = false;
  try {
    const result = await sms.send(
      {
        to: scenario.recipients.map((r) => r.input),
        text: scenario.text,
        onInvalid: scenario.onInvalid,
        dedupe: scenario.dedupe,
      },
      controller ? { signal: controller.signal } : undefined,
    );
    bookOutcomes(keeper, result.recipients);
  } catch (error) {
    rejectedRetryable = SmsError.isInstance(error) && error.retryable;
    bookThrown(keeper, error, scenario.recipients, scenario.dedupe);
  } finally {
    clearTimeout(timer);
    await sms.close();
  }
  return keeper.books({ allowance, rejectedRetryable });
}
