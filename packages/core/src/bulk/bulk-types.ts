import type { ChannelId } from '../transport/channel.js';
import type { RejectedRecipient } from '../transport/send-result.js';

/** One recipient of a bulk send: a number, or a number with its own text. */
export type BulkRecipient = string | { readonly to: string; readonly text?: string };

/** Where bulk recipients come from: an array, any iterable, or an async iterable (a CSV stream, say). */
export type BulkSource = Iterable<BulkRecipient> | AsyncIterable<BulkRecipient>;

/** Counters reported while a bulk send runs. */
export interface BulkProgress {
  /** Recipients read from the source so far. */
  readonly read: number;
  /** Recipients the provider accepted. */
  readonly submitted: number;
  /** Recipients left out before submitting (invalid number, no text, no channel). */
  readonly rejected: number;
  /**
   * Recipients that repeat an earlier recipient's number and text: sent once, through
   * the earlier one (see `duplicateRecipients`).
   */
  readonly duplicates: number;
  /** Recipients whose submit was refused. */
  readonly failed: number;
  /** Recipients whose submit may or may not have been sent. */
  readonly unknown: number;
  /** Recipients skipped because a previous run accepted them (resume). */
  readonly skipped: number;
  /** Batches accepted so far. */
  readonly batches: number;
  /** Recipients not submitted because their chunk would have crossed `maxCost`: safe to send again. */
  readonly budget: number;
  /** What the accepted batches cost, exact (price × segments × recipients per batch). */
  readonly totalCost: string;
}

/** A recipient whose submit failed or whose outcome is unknown. */
export interface BulkFailure {
  /** Position in the source. */
  readonly index: number;
  readonly input: string;
  /** The wire number, when it was valid. */
  readonly phone: string | undefined;
  /** The error code of the failed submit, e.g. `AUTHENTICATION_FAILED` or `SUBMIT_OUTCOME_UNKNOWN`. */
  readonly code: string;
  readonly reason: string;
}

/** A recipient that repeated an earlier one: same wire number, same text. */
export interface BulkDuplicate {
  /** Position in the source. */
  readonly index: number;
  readonly input: string;
  /** The wire number. */
  readonly phone: string;
  /** Position in the source of the first recipient with this number and text. */
  readonly duplicateOf: number;
}

/**
 * The end state of a bulk send: every recipient read is in exactly one of `submitted`,
 * `rejected`, `duplicates`, `failed`, `unknown`, `skipped` and `budget`.
 */
export interface BulkSummary extends BulkProgress {
  /** Accepted batches with their channel and size (their numbers went to `onBatch`). */
  readonly batchList: readonly {
    readonly id: string;
    readonly channelId: ChannelId;
    readonly recipients: number;
    /** The batch's exact cost; `undefined` when its channel's price was unknown. */
    readonly cost: string | undefined;
  }[];
  /** Every left-out recipient with its source index and reason. */
  readonly rejectedRecipients: readonly RejectedRecipient[];
  /** Every repeat, with the index of the recipient it repeated. */
  readonly duplicateRecipients: readonly BulkDuplicate[];
  /** Every recipient whose submit was refused, or that was never submitted: safe to send again. */
  readonly failedRecipients: readonly BulkFailure[];
  /** Every recipient whose submit may have been sent: check before sending again. */
  readonly unknownRecipients: readonly BulkFailure[];
  /** Every recipient left unsent because its chunk would have crossed `maxCost`. */
  readonly budgetRecipients: readonly BulkFailure[];
  /** True when the run stopped submitting at `maxCost`. */
  readonly budgetExceeded: boolean;
  /**
   * What counts against `maxCost`: the cost committed by the runs resumed from, plus this
   * run's accepted batches and the estimates of its submits of unknown outcome.
   */
  readonly committedCost: string;
  /** True when the run stopped early because its signal aborted. */
  readonly aborted: boolean;
  /**
   * Feed back as `resumeFrom` to run the same source again and skip what was accepted
   * or may have been sent (and repeats of those); failed and rejected recipients are
   * tried again.
   */
  readonly resumeToken: string;
}
