import { Decimal } from '../money/decimal.js';
import type { ChannelId } from '../transport/channel.js';
import type { RejectedRecipient, SentBatch } from '../transport/send-result.js';
import type { BulkDuplicate, BulkFailure, BulkProgress, BulkSummary } from './bulk-types.js';
import { IndexBitset } from './index-bitset.js';
import { writeResumeToken } from './resume-token.js';
import type { ChunkEntry } from './send-chunk.js';

/** The running counts of a bulk send; each recipient read lands in exactly one bucket. */
export class BulkTally {
  read = 0;
  readonly #done = new IndexBitset();
  readonly #rejected: RejectedRecipient[] = [];
  readonly #failed: BulkFailure[] = [];
  readonly #unknown: BulkFailure[] = [];
  readonly #duplicates: BulkDuplicate[] = [];
  readonly #budget: BulkFailure[] = [];
  readonly #batches: {
    id: string;
    channelId: ChannelId;
    recipients: number;
    cost: string | undefined;
  }[] = [];
  #cost = Decimal.zero();
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

  /** Not submitted because its chunk would have crossed the cap: safe to send again. */
  budget(failure: BulkFailure): void {
    this.#budget.push(failure);
  }

  skip(): void {
    this.#skipped++;
  }

  batch(batch: SentBatch): void {
    this.#batches.push({
      id: batch.id,
      channelId: batch.channelId,
      recipients: batch.recipients.length,
      cost: batch.cost,
    });
    if (batch.cost !== undefined) this.#cost = this.#cost.add(Decimal.parse(batch.cost));
  }

  /** What the batches booked here cost, exact. */
  get cost(): Decimal {
    return this.#cost;
  }

  /** Whether any recipient booked here has an unknown outcome. */
  get hasUnknown(): boolean {
    return this.#unknown.length > 0;
  }

  /** Whether any recipient booked here was left unsent for the budget. */
  get hasBudget(): boolean {
    return this.#budget.length > 0;
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
      budget: this.#budget.length,
      totalCost: this.#cost.toString(),
    };
  }

  /**
   * Adds the books of one chunk's send, kept in a tally of their own while it was in
   * flight: they join these books in one step, as the chunk leaves flight, so a
   * checkpoint never counts a recipient both in flight and settled.
   */
  absorb(chunk: BulkTally, indices: readonly number[]): void {
    for (const index of indices) if (chunk.#done.has(index)) this.#done.add(index);
    this.#submitted += chunk.#submitted;
    this.#skipped += chunk.#skipped;
    append(this.#rejected, chunk.#rejected);
    append(this.#failed, chunk.#failed);
    append(this.#unknown, chunk.#unknown);
    append(this.#duplicates, chunk.#duplicates);
    append(this.#batches, chunk.#batches);
    append(this.#budget, chunk.#budget);
    this.#cost = this.#cost.add(chunk.#cost);
  }

  /**
   * The final summary; a resumed run's token also covers what the earlier run had done,
   * and a repeat counts as done when the recipient it repeats is.
   */
  summary(end: RunEnd, previous: IndexBitset | undefined): BulkSummary {
    return this.#summary(end, previous ?? new IndexBitset(), [], []);
  }

  /**
   * The summary the run would end with if it stopped now and no submit in flight ever
   * answered: `inFlight` (submits that left or are about to) are unknown outcomes, in the
   * token; `waiting` (read, still filling a chunk) failed, never submitted. Changes
   * nothing in these books.
   */
  checkpoint(
    previous: IndexBitset | undefined,
    inFlight: readonly ChunkEntry[],
    waiting: readonly ChunkEntry[],
    committed: Decimal,
  ): BulkSummary {
    // A copy: the live set of the earlier run's indexes is what the run skips.
    return this.#summary(
      { aborted: false, budgetExceeded: false, committed },
      previous?.copy() ?? new IndexBitset(),
      inFlight.map((entry) => ({
        ...entry,
        code: 'IN_FLIGHT',
        reason: 'in flight when the run stopped: may have been sent',
      })),
      waiting.map((entry) => ({
        ...entry,
        code: 'NOT_SUBMITTED',
        reason: 'not sent: waiting for its chunk to fill when the run stopped',
      })),
    );
  }

  #summary(
    { aborted, budgetExceeded, committed }: RunEnd,
    token: IndexBitset,
    inFlight: BulkFailure[],
    waiting: BulkFailure[],
  ): BulkSummary {
    token.addAll(this.#done);
    for (const entry of inFlight) token.add(entry.index);
    const duplicates = this.#duplicates.sort((a, b) => a.index - b.index);
    for (const duplicate of duplicates)
      if (token.has(duplicate.duplicateOf)) token.add(duplicate.index);
    const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
    const progress = this.progress();
    return {
      ...progress,
      read: progress.read + waiting.length,
      failed: progress.failed + waiting.length,
      unknown: progress.unknown + inFlight.length,
      batchList: [...this.#batches],
      rejectedRecipients: this.#rejected.sort(byIndex).slice(),
      duplicateRecipients: duplicates.slice(),
      failedRecipients: [...this.#failed, ...waiting].sort(byIndex),
      unknownRecipients: [...this.#unknown, ...inFlight].sort(byIndex),
      budgetRecipients: this.#budget.sort(byIndex).slice(),
      budgetExceeded,
      committedCost: committed.toString(),
      aborted,
      resumeToken: writeResumeToken(token, committed),
    };
  }
}

/** How a run ended, for its summary. */
export interface RunEnd {
  /** Its signal aborted. */
  readonly aborted: boolean;
  /** It stopped submitting at `maxCost`. */
  readonly budgetExceeded: boolean;
  /** The cost committed against the cap, earlier runs' included (it goes in the token). */
  readonly committed: Decimal;
}

/** Appends one by one: a spread of a large chunk's list could overflow the call stack. */
function append<T>(to: T[], from: readonly T[]): void {
  for (const item of from) to.push(item);
}
