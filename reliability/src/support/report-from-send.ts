import { PartialSendError, type SendResult, SubmitOutcomeUnknownError } from '@intl-sms/core';
import type { ClientReport } from './accounting.js';

/** The client's report of a single `send`, from its result or its error. */
export function reportFromSend(
  recipients: readonly string[],
  outcome: SendResult | unknown,
): ClientReport {
  const result = PartialSendError.isInstance(outcome)
    ? outcome.result
    : (outcome as SendResult | undefined);
  if (result && Array.isArray((result as SendResult).recipients)) {
    const byState = (states: string[]) =>
      (result as SendResult).recipients
        .filter((r) => states.includes(r.state))
        .map((r) => r.phone ?? r.input.replace(/\D/g, ''));
    return {
      accepted: byState(['accepted']),
      rejected: byState(['rejected', 'failed', 'duplicate']),
      unknown: byState(['unknown']),
    };
  }
  if (outcome instanceof SubmitOutcomeUnknownError) {
    return {
      accepted: [],
      rejected: recipients.filter((p) => !outcome.phones.includes(p)),
      unknown: [...outcome.phones],
    };
  }
  return { accepted: [], rejected: [...recipients], unknown: [] };
}
