import { randomUUID } from 'node:crypto';
import { type SmsNotificationError, toNotificationError } from './notification-error.js';
import { reportIncompleteSend } from './report-incomplete-send.js';

/**
 * The framework's own identifiers for the notification, so an incomplete send can be
 * found again. Only the fields the framework provided at run time are set.
 */
export interface IncompleteSendContext {
  /** The adapter that settled the send. */
  readonly framework: 'notifme' | 'medusa' | 'novu';
  /** notifme: the request's `id` (from `metadata.id`). */
  readonly requestId?: string;
  /** notifme: the request's `userId` (from `metadata.userId`). */
  readonly userId?: string;
  /** Medusa: the notification's id (`noti_…`), the row whose `external_id` gets our id. */
  readonly notificationId?: string;
  /** Medusa: the notification's `idempotency_key`. */
  readonly idempotencyKey?: string;
  /** Novu: the message id the Novu worker passes as `id` (absent with `@novu/stateless`). */
  readonly messageId?: string;
}

/** A send through a framework provider that may have reached the provider, in whole or in part. */
export interface IncompleteSendEvent {
  /** `unknown`: nothing known accepted, some numbers may have been sent; `partial`: see the lists. */
  readonly kind: 'unknown' | 'partial';
  /** The core error's code: `SUBMIT_OUTCOME_UNKNOWN`, `PARTIAL_SEND`, or another for a foreign error. */
  readonly code: string;
  /**
   * The id the provider resolved with: the first accepted batch number, else a marker
   * `outcome-unknown:<uuid>` that can never be a batch number. `undefined` when
   * `incomplete: 'reject'` made the provider reject instead.
   */
  readonly id: string | undefined;
  /** Numbers accepted, wire form (digits, country code first, no `+`). */
  readonly accepted: readonly string[];
  /** Numbers refused outright (wire form): not sent, safe to send again. */
  readonly failed: readonly string[];
  /** Numbers that may have been sent (wire form): check before sending again. */
  readonly unknown: readonly string[];
  /** Batch numbers of the accepted submits. */
  readonly batchIds: readonly string[];
  /** The framework's identifiers for this notification. */
  readonly context: IncompleteSendContext;
  /** The classified error, with the core error as `cause`. */
  readonly error: SmsNotificationError;
}

/** Options shared by the framework providers (notifme, Medusa, Novu). */
export interface IncompleteSendOptions {
  /**
   * Called (and awaited) for every send whose outcome is `unknown` or `partial`. The
   * provider resolves anyway, so that the framework's fallback or retry never sends these
   * numbers a second time: this callback is how the application learns about it. A throw
   * or rejection is reported as a process warning (`INTL_SMS_HOOK_FAILED`) and the event
   * as `INTL_SMS_INCOMPLETE_SEND`; it never turns the resolve into a reject. Without it,
   * the event is a process warning with code `INTL_SMS_INCOMPLETE_SEND`.
   */
  readonly onIncompleteSend?: (event: IncompleteSendEvent) => void | Promise<void>;
  /**
   * `resolve` (default): an `unknown` or `partial` send resolves (see `onIncompleteSend`).
   * `reject`: it rejects with the `SmsNotificationError` instead. UNSAFE with a framework
   * that falls back or retries on a rejection (notifme's `fallback` and `roundrobin`,
   * Medusa with an `idempotency_key` or a retried subscriber): it sends those numbers
   * again. Use it only where nothing retries.
   */
  readonly incomplete?: 'resolve' | 'reject';
}

/** The prefix of the id a provider resolves with when no batch was accepted. */
export const OUTCOME_UNKNOWN_ID_PREFIX = 'outcome-unknown:';

/** A fresh `outcome-unknown:<uuid>` marker: never a sjroom batch number (those are digits). */
export function outcomeUnknownId(): string {
  return `${OUTCOME_UNKNOWN_ID_PREFIX}${randomUUID()}`;
}

/**
 * What a framework provider does with a failed send: a `refused` one rejects (the
 * framework's fallback or retry is safe); an `unknown` or `partial` one is reported and
 * resolves with the first accepted batch number (or an `outcome-unknown:` marker) as
 * `id`, and every accepted batch number as `batchIds`. `log` is the framework's logger.
 */
export async function settleFailedSend(
  thrown: unknown,
  context: IncompleteSendContext,
  options: IncompleteSendOptions,
  log?: (line: string) => void,
): Promise<{ id: string; batchIds: readonly string[] }> {
  const error = toNotificationError(thrown);
  if (error.outcome === 'refused') throw error;
  const rejecting = options.incomplete === 'reject';
  const id = error.batchIds[0] ?? outcomeUnknownId();
  await reportIncompleteSend(
    {
      kind: error.outcome,
      code: error.code,
      id: rejecting ? undefined : id,
      accepted: error.accepted,
      failed: error.failed,
      unknown: error.unknown,
      batchIds: error.batchIds,
      context,
      error,
    },
    options.onIncompleteSend,
    log,
  );
  if (rejecting) throw error;
  return { id, batchIds: error.batchIds };
}
