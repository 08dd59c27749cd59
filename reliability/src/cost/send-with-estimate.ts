import {
  PartialSendError,
  type SendEstimate,
  type SendResult,
  type SjroomTransport,
  type SmsMessage,
} from '@intl-sms/core';
import type { CostSend } from './cost-scenario.js';

/** What one send of a cost scenario gave: the estimate beforehand, and the result or error. */
export interface SendOutcome {
  readonly send: CostSend;
  readonly message: SmsMessage;
  /** `transport.estimate(message)`, taken just before the send (undefined when it threw). */
  readonly estimate: SendEstimate | undefined;
  /** The result, or a `PartialSendError`'s accepted part. */
  readonly result: SendResult | undefined;
  /** What the send threw (a `PartialSendError` too: then `result` is its accepted part). */
  readonly error: unknown;
}

/** The message a cost send submits: every drawn input, invalid ones skipped. */
export function messageOf(send: CostSend): SmsMessage {
  return {
    to: send.recipients.map((r) => r.input),
    text: send.text.text,
    onInvalid: 'skip',
    smartEncoding: send.smartEncoding,
  };
}

/** Estimates, then sends, one message; never throws. */
export async function sendWithEstimate(sms: SjroomTransport, send: CostSend): Promise<SendOutcome> {
  const message = messageOf(send);
  let estimate: SendEstimate | undefined;
  try {
    estimate = await sms.estimate(message);
  } catch {
    estimate = undefined;
  }
  try {
    return { send, message, estimate, result: await sms.send(message), error: undefined };
  } catch (error) {
    const result = PartialSendError.isInstance(error) ? error.result : undefined;
    return { send, message, estimate, result, error };
  }
}
