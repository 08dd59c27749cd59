import { AuthenticationError } from '../errors/authentication-error.js';
import { ChannelUnavailableError } from '../errors/channel-unavailable-error.js';
import { InsufficientBalanceError } from '../errors/insufficient-balance-error.js';
import { NetworkError } from '../errors/network-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { SmsError } from '../errors/sms-error.js';
import {
  type SubmitOutcomeEvidence,
  SubmitOutcomeUnknownError,
} from '../errors/submit-outcome-unknown-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { isTransportFailure, type TransportFailure } from '../http/transport-failure.js';
import type { OperationSpec } from './operation.js';

/** What a sending operation carried: named in its unknown-outcome error. */
export interface SentPayload {
  readonly phones: readonly string[];
  readonly channelId: string;
}

/** Everything that turns what an attempt threw into the error the caller sees. */
export interface FailureContext {
  readonly operation: OperationSpec;
  readonly timeoutMs: number;
  readonly callerSignal: AbortSignal | undefined;
  /** For a sending operation: what it sent. */
  readonly sent?: SentPayload | undefined;
}

/**
 * Converts what an attempt threw into the public error. A sending operation fails
 * definitely only when nothing can have been sent — the connection was never made, or
 * the provider refused it with a typed refusal (validation, authentication, balance,
 * channel, rate limit); anything else — a `500` or unknown code, an unreadable answer, a
 * timeout, a reset, an error of our own after the request left — is an unknown outcome.
 */
export function publicError(thrown: unknown, context: FailureContext): unknown {
  const error = isTransportFailure(thrown) ? transportError(thrown, context) : thrown;
  if (!context.operation.idempotent) return sendingError(thrown, error, context);
  if (isTransportFailure(thrown) && thrown.kind === 'aborted')
    return context.callerSignal?.reason ?? thrown.cause;
  return error;
}

function transportError(failure: TransportFailure, context: FailureContext) {
  const name = context.operation.name;
  return failure.kind === 'timeout'
    ? new TimeoutError(name, context.timeoutMs, { cause: failure.cause })
    : new NetworkError(
        name,
        failure.kind !== 'not-sent',
        `Could not reach the provider for ${name}: ${failure.message}`,
        { cause: failure.cause },
      );
}

function sendingError(thrown: unknown, error: unknown, context: FailureContext): unknown {
  if (isTransportFailure(thrown)) {
    if (thrown.kind === 'not-sent') return error;
    return outcomeUnknown(context.sent, thrown.message, error, 'no-answer');
  }
  return unknownUnlessNotSent(error, context.sent);
}

/**
 * What a failed submit becomes for the caller: the error itself when it proves nothing
 * was sent — a typed refusal, a connection never made, a call refused before it left
 * (`ABORTED`, `CLIENT_CLOSED`), an outcome already unknown — and otherwise (a `500`, an
 * unreadable answer, a timeout, any error a provider threw after its request may have
 * left) a {@link SubmitOutcomeUnknownError} naming what was sent.
 */
export function unknownUnlessNotSent(error: unknown, sent: SentPayload | undefined): unknown {
  if (provesNothingSent(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return outcomeUnknown(sent, reason, error, evidenceOf(error));
}

function provesNothingSent(error: unknown): boolean {
  if (SubmitOutcomeUnknownError.isInstance(error) || isDefiniteRefusal(error)) return true;
  if (NetworkError.isInstance(error)) return !error.requestSent;
  return SmsError.isInstance(error) && NOT_SENT_CODES.has(error.code);
}

/** Codes of the kit's own refusals to start a call. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ABORTED',
  'CLIENT_CLOSED',
  'CONFIGURATION_INVALID',
]);

function evidenceOf(error: unknown): SubmitOutcomeEvidence {
  if (ProviderError.isInstance(error) && error.stateCode !== undefined) return 'provider-error';
  if (TimeoutError.isInstance(error) || NetworkError.isInstance(error)) return 'no-answer';
  return 'unreadable-answer';
}

/** Refusals that prove nothing was sent (sjroom: stateCode 400, 401, 402, 403, 413, 429). */
export function isDefiniteRefusal(error: unknown): boolean {
  return (
    RateLimitError.isInstance(error) ||
    ValidationError.isInstance(error) ||
    AuthenticationError.isInstance(error) ||
    InsufficientBalanceError.isInstance(error) ||
    ChannelUnavailableError.isInstance(error)
  );
}

function outcomeUnknown(
  sent: SentPayload | undefined,
  reason: string,
  cause: unknown,
  evidence: SubmitOutcomeEvidence,
): SubmitOutcomeUnknownError {
  return new SubmitOutcomeUnknownError(sent?.phones ?? [], sent?.channelId ?? '', reason, {
    cause,
    evidence,
  });
}
