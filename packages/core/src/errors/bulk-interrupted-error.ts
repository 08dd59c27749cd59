import type { BulkSummary } from '../bulk/bulk-types.js';
import { SmsError, type SmsErrorOptions } from './sms-error.js';

/** Why a bulk send stopped before the end of its source. */
export type BulkInterruption = 'aborted' | 'source-error' | 'callback-error';

/**
 * Thrown by `sendBulk` when it could not read its whole source: its signal aborted, the
 * source threw (a CSV parse error, a read error), or a callback (`onBatch`,
 * `onProgress`) threw. Sends already under way were allowed to finish, and `summary`
 * holds the complete books of everything read — feed it (or `summary.resumeToken`) to
 * `resumeFrom` to go on without sending anything twice. `cause` is the abort reason,
 * the source's error or the callback's error.
 */
export class BulkInterruptedError extends SmsError {
  /** {@inheritDoc SmsError.errorType} */
  static override readonly errorType: string = 'BulkInterruptedError';
  /** The books of every recipient read before the stop, with a resume token. */
  readonly summary: BulkSummary;
  /** What stopped the run. */
  readonly interruption: BulkInterruption;

  constructor(summary: BulkSummary, interruption: BulkInterruption, options?: SmsErrorOptions) {
    const why = {
      aborted: 'its signal aborted',
      'source-error': 'reading the recipients failed',
      'callback-error': 'a callback threw',
    }[interruption];
    super(
      'BULK_INTERRUPTED',
      `The bulk send stopped after ${summary.read} recipient(s) because ${why}: ${summary.submitted} accepted, ${summary.unknown} with an unknown outcome, ${summary.failed} failed; resume with summary.resumeToken`,
      { ...options, retryable: false },
    );
    this.summary = summary;
    this.interruption = interruption;
  }
}
