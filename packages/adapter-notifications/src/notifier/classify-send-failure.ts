import {
  AllTransportsFailedError,
  PartialSendError,
  SmsError,
  SubmitOutcomeUnknownError,
} from '@intl-sms/core';

/**
 * How a failed send ended:
 * - `refused`: nothing was sent (bad input, wrong credentials, no balance, channel closed,
 *   rate limit, connection never made, an estimate over `maxCost`): sending again, or
 *   through another provider, is safe;
 * - `unknown`: a submit may have reached the provider (a `500`, a timeout, a reset, an
 *   unreadable answer, or an error that is not from `@intl-sms/*`): do not resend blindly;
 * - `partial`: a send split into several submits ended with some accepted, or some of
 *   unknown outcome, next to failures: only the numbers in `failed` are safe to resend.
 */
export type SmsSendOutcome = 'refused' | 'unknown' | 'partial';

/** A failed send, classified once for every adapter of this package. */
export interface SmsSendFailure {
  /** See {@link SmsSendOutcome}. */
  readonly outcome: SmsSendOutcome;
  /** True only for `refused`: a retry or a fallback provider cannot send anything twice. */
  readonly safeToRetry: boolean;
  /** The core error's code, e.g. `SUBMIT_OUTCOME_UNKNOWN`, `PARTIAL_SEND`, `AUTHENTICATION_FAILED`. */
  readonly code: string;
  /** Numbers the provider accepted, wire form (digits, country code first, no `+`). */
  readonly accepted: readonly string[];
  /**
   * Numbers of submits the provider refused outright (wire form): not sent, safe to send
   * again. Listed when the core error names them (a `PartialSendError`); a `refused`
   * send sent nothing at all, whatever this list holds.
   */
  readonly failed: readonly string[];
  /**
   * Numbers of submits whose outcome is unknown (wire form): they may have been sent.
   * Empty for an `unknown` failure whose error names no numbers (an error that is not
   * from `@intl-sms/*`): treat every recipient as unknown then.
   */
  readonly unknown: readonly string[];
  /** The batch numbers of the accepted submits. */
  readonly batchIds: readonly string[];
}

const NOTHING: readonly string[] = Object.freeze([]);

/**
 * Classifies what a send threw (see {@link SmsSendOutcome}). Conservative: anything it
 * cannot prove to be a refusal is `unknown`. Works across duplicate installs of
 * `@intl-sms/core` (it uses `isInstance`, not `instanceof`).
 */
export function classifySendFailure(error: unknown): SmsSendFailure {
  const code = codeOf(error);
  if (
    !SmsError.isInstance(error) ||
    SubmitOutcomeUnknownError.isInstance(error) ||
    code === 'SUBMIT_OUTCOME_UNKNOWN'
  ) {
    const phones = SubmitOutcomeUnknownError.isInstance(error) ? error.phones : NOTHING;
    return failure('unknown', code, { unknown: phones });
  }
  if (PartialSendError.isInstance(error)) return classifyPartial(error);
  if (AllTransportsFailedError.isInstance(error)) {
    return merge(
      code,
      error.errors.map((entry) => classifySendFailure(entry.error)),
    );
  }
  return failure('refused', code, {});
}

function classifyPartial(error: PartialSendError): SmsSendFailure {
  const failed: string[] = [];
  const unknown: string[] = [];
  for (const { error: cause, phones } of error.failures) {
    (classifySendFailure(cause).outcome === 'refused' ? failed : unknown).push(...phones);
  }
  const batchIds = error.result.batches.map((batch) => batch.id);
  // Several submits, every one refused outright: nothing was sent.
  const outcome = batchIds.length === 0 && unknown.length === 0 ? 'refused' : 'partial';
  return failure(outcome, error.code, {
    accepted: error.result.accepted,
    failed,
    unknown,
    batchIds,
  });
}

/** A failover transport's errors, one per transport it tried: refused only if each one was. */
function merge(code: string, parts: readonly SmsSendFailure[]): SmsSendFailure {
  const outcome = parts.every((part) => part.outcome === 'refused')
    ? 'refused'
    : parts.some((part) => part.outcome === 'partial')
      ? 'partial'
      : 'unknown';
  return failure(outcome, code, {
    accepted: parts.flatMap((part) => part.accepted),
    failed: parts.flatMap((part) => part.failed),
    unknown: parts.flatMap((part) => part.unknown),
    batchIds: parts.flatMap((part) => part.batchIds),
  });
}

function failure(
  outcome: SmsSendOutcome,
  code: string,
  numbers: Partial<Pick<SmsSendFailure, 'accepted' | 'failed' | 'unknown' | 'batchIds'>>,
): SmsSendFailure {
  return {
    outcome,
    safeToRetry: outcome === 'refused',
    code,
    accepted: numbers.accepted ?? NOTHING,
    failed: numbers.failed ?? NOTHING,
    unknown: numbers.unknown ?? NOTHING,
    batchIds: numbers.batchIds ?? NOTHING,
  };
}

/** The error's `code` when it has a string one, else `SEND_FAILED`. */
export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : 'SEND_FAILED';
}
