import type { ChannelId } from '../transport/channel.js';
import type { RejectedRecipient, SentBatch } from '../transport/send-result.js';
import type { BulkDuplicate, BulkFailure, BulkProgress, BulkSummary } from './bulk-types.js';
import { IndexBitset } from './index-bitset.js';

/** The running counts of a bulk send; each recipient read lands in exactly one bucket. */
export class BulkTally {
  read = 0;
  readonly #done = new IndexBitset();
  readonly #rejected: RejectedRecipient[] = [];
  readonly #failed: BulkFailure[] = [];
  readonly #unknown: BulkFailure[] = [];
  readonly #duplicates: BulkDuplicate[] = [];
  readonly #batches: { id: string; channelId: ChannelId; recipients: number }[] = [];
  #submitted = 0;
  #skipped = 0;

  accept(index: number): void {
    this.#submitted++;
    this.#done.add(index);
  }

  reject(recipient: RejectedRecipient): void {
    this.#rejected.push(recipient);
  }

  fail(failure: BulkFailure): void {
    this.#failed.push(failure);
  }

  /** May have been sent: never resent by a resumed run. */
  unknown(failure: BulkFailure): void {
    this.#unknown.push(failure);
    this.#done.add(failure.index);
  }

  /** A repeat of an earlier recipient; done (never resent) once the earlier one is. */
  duplicate(duplicate: BulkDuplicate): void {
    this.#duplicates.push(duplicate);
  }

  skip(): void {
    this.#skipped++;
  }

  batch(batch: SentBatch): void {
    this.#batches.push({
      id: batch.id,
      channelId: batch.channelId,
      recipients: batch.recipients.length,
    });
  }

  progress(): BulkProgress {
    return {
      read: this.read,
      submitted: this.#submitted,
      rejected: this.#rejected.length,
      duplicates: this.#duplicates.length,
      failed: this.#failed.length,
      unknown: this.#unknown.length,
      skipped: this.#skipped,
      batches: this.#batches.length,
    };
  }

  /**
   * The final summary; a resumed run's token also covers what the earlier run had done,
   * and a repeat counts as done when the recipient it repeats is.
   */
  summary(aborted: boolean, previous: IndexBitset | undefined): BulkSummary {
    let token = this.#done;
    if (previous) {
      token = previous;
      for (let i = 0; i < this.read; i++) if (this.#done.has(i)) token.add(i);
    }
    for (const duplicate of this.#duplicates)
      if (token.has(duplicate.duplicateOf)) token.add(duplicate.index);
    return {
      ...this.progress(),
      batchList: this.#batches,
      rejectedRecipients: this.#rejected.sort((a, b) => a.index - b.index),
      duplicateRecipients: this.#duplicates.sort((a, b) => a.index - b.index),
      failedRecipients: this.#failed.sort((a, b) => a.index - b.index),
      unknownRecipients: this.#unknown.sort((a, b) => a.index - b.index),
      aborted,
      resumeToken: token.toBase64(),
    };
  }
}
