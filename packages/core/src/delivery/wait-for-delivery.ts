import { SmsError } from '../errors/sms-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { delay } from '../runtime/delay.js';
import { runLimited } from '../sending/run-limited.js';
import { checkSignal } from '../transport/call-options.js';
import type { DeliveryReport } from '../transport/delivery-report.js';
import type { SentBatch } from '../transport/send-result.js';
import type { SmsTransport } from '../transport/sms-transport.js';
import {
  checkKnownKeys,
  checkType,
  describe,
  durationProblem,
} from '../validation/check-options.js';

/** Options of {@link waitForDelivery}. */
export interface WaitForDeliveryOptions {
  /** Give up after this many milliseconds (default 10 minutes); the result then lists what is pending. */
  readonly timeout?: number | undefined;
  /** First pause between polls in milliseconds (default 1 000); grows 1.5× per round up to `maxInterval`. */
  readonly interval?: number | undefined;
  /** Longest pause between polls (default 15 000). */
  readonly maxInterval?: number | undefined;
  /** Batches polled at once (default 4). */
  readonly concurrency?: number | undefined;
  /** Stops waiting; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  /** Called with every report as it arrives. */
  readonly onReport?: ((report: DeliveryReport) => void) | undefined;
}

/** Where waiting ended. */
export interface DeliveryWaitResult {
  /** True when every batch has a final receipt for every number. */
  readonly complete: boolean;
  /** The latest report of each batch, in the order given. */
  readonly reports: readonly DeliveryReport[];
  /** Batches still waiting for receipts. */
  readonly pendingBatches: readonly string[];
  /** Numbers still without a receipt, over all batches (when known). */
  readonly pendingNumbers: number;
}

/** Every key of {@link WaitForDeliveryOptions}. */
const WAIT_OPTION_KEYS: readonly string[] = Object.keys({
  timeout: true,
  interval: true,
  maxInterval: true,
  concurrency: true,
  signal: true,
  onReport: true,
} satisfies Record<keyof WaitForDeliveryOptions, true>);

/**
 * Polls delivery receipts until every number of every batch has a final receipt or the
 * timeout passes, backing off between rounds and polling at most `concurrency` batches
 * at once. Pass `SentBatch`es (from a `SendResult`) so pending numbers are known even
 * when another transport instance sent them. Errors the client would retry are tolerated
 * until the timeout; others reject.
 */
export async function waitForDelivery(
  transport: SmsTransport,
  batches: readonly (string | SentBatch)[],
  options: WaitForDeliveryOptions = {},
): Promise<DeliveryWaitResult> {
  checkKnownKeys(options, WAIT_OPTION_KEYS, 'waitForDelivery options');
  checkWaitOptions(options);
  if (!Array.isArray(batches) || batches.length === 0)
    throw new ValidationError('batchIds', 'give at least one batch id');
  const deadline = Date.now() + (options.timeout ?? 10 * 60_000);
  const concurrency = options.concurrency ?? 4;
  let interval = options.interval ?? 1_000;
  const reports = new Map<string, DeliveryReport>();
  const ids = batches.map((batch) => (typeof batch === 'string' ? batch : batch.id));
  const recipients = new Map(
    batches.flatMap((batch) =>
      typeof batch === 'string' ? [] : [[batch.id, batch.recipients] as const],
    ),
  );
  let pending = [...new Set(ids)];
  for (;;) {
    options.signal?.throwIfAborted();
    const remaining = Math.max(1, deadline - Date.now());
    const settled = await runLimited(pending, concurrency, (id) => {
      const known = recipients.get(id);
      return transport.getDeliveryReport(id, {
        timeout: remaining,
        ...(known ? { recipients: known } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    });
    settled.forEach((outcome) => {
      if (outcome.status === 'rejected') {
        if (!SmsError.isInstance(outcome.reason) || !outcome.reason.retryable) throw outcome.reason;
        return;
      }
      reports.set(outcome.value.id, outcome.value);
      options.onReport?.(outcome.value);
    });
    pending = pending.filter((id) => !reports.get(id)?.complete);
    const left = deadline - Date.now();
    if (pending.length === 0 || left <= 0) break;
    try {
      await delay(Math.min(interval, left), options.signal);
    } catch (error) {
      options.signal?.throwIfAborted();
      throw error;
    }
    interval = Math.min(options.maxInterval ?? 15_000, interval * 1.5);
  }
  const ordered = ids.flatMap((id) => reports.get(id) ?? []);
  return {
    complete: pending.length === 0,
    reports: ordered,
    pendingBatches: pending,
    pendingNumbers: ordered.reduce((sum, report) => sum + (report.pending ?? 0), 0),
  };
}

/** Refuses values that would poll in a tight loop, never stop, or fail later untyped. */
function checkWaitOptions(options: WaitForDeliveryOptions): void {
  for (const field of ['timeout', 'interval', 'maxInterval'] as const) {
    const problem = durationProblem(options[field]);
    if (problem) throw new ValidationError(field, `${field} ${problem}`);
  }
  const { concurrency, signal, onReport } = options;
  if (concurrency !== undefined && !(Number.isSafeInteger(concurrency) && concurrency >= 1))
    throw new ValidationError(
      'concurrency',
      `concurrency must be a positive integer, got ${describe(concurrency)}`,
    );
  checkSignal(signal);
  checkType('onReport', onReport, 'function');
}
