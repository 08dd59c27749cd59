import type { SmsEncoding } from '../text/segments.js';
import type { ChannelId } from './channel.js';

/** One submit accepted by the provider. */
export interface SentBatch {
  /** The provider's batch number, used to ask for delivery receipts. */
  readonly id: string;
  /** The channel the batch went through. */
  readonly channelId: ChannelId;
  /** The numbers of this batch, as sent on the wire. */
  readonly recipients: readonly string[];
  /** Segments each recipient is billed for. */
  readonly segments?: number;
  /**
   * `price × segments × recipients`, exact, in the account's currency; `undefined` when
   * the channel's price is unknown.
   */
  readonly cost?: string | undefined;
}

/** A recipient that was not sent, and why. */
export interface RejectedRecipient {
  /** Position in the message's `to`. */
  readonly index: number;
  /** The number as the caller gave it. */
  readonly input: string;
  /** Why it was not sent, e.g. `too short` or `no enabled channel for +63 (PH)`. */
  readonly reason: string;
}

/** What happened to one entry of `to`. */
export type RecipientState = 'accepted' | 'rejected' | 'duplicate' | 'failed' | 'unknown';

/** The outcome for one entry of `to`, in input order. */
export interface RecipientOutcome {
  /** The number as the caller gave it. */
  readonly input: string;
  /** The wire form, when the number was valid. */
  readonly phone?: string;
  /**
   * `accepted` by the provider, `rejected` before submitting, `duplicate` of an earlier
   * entry, `failed` (its submit was refused), `unknown` (its submit may have been sent).
   */
  readonly state: RecipientState;
  /** The batch it was accepted in. */
  readonly batchId?: string;
  /** Why it was rejected or failed. */
  readonly reason?: string;
}

/** What `SmsTransport.send` accomplished. */
export interface SendResult {
  /** The id of the first batch: the one to keep when a send made a single batch. */
  readonly id: string;
  /** Every batch the provider accepted (one per channel and per 10,000 numbers). */
  readonly batches: readonly SentBatch[];
  /** Every number the provider accepted, as sent on the wire. */
  readonly accepted: readonly string[];
  /** Entries left out before submitting, each with its reason (with `onInvalid: 'skip'`). */
  readonly rejected: readonly RejectedRecipient[];
  /** Entries that repeated an earlier number and were sent once. */
  readonly duplicates: readonly RejectedRecipient[];
  /** Every entry of `to` with its outcome, in input order. */
  readonly recipients: readonly RecipientOutcome[];
  /** The text as submitted: with `smartEncoding`, the GSM-7 text when it was replaced. */
  readonly text: string;
  /** The encoding `text` was sent in. */
  readonly encoding: SmsEncoding;
  /** Segments each recipient is billed for. */
  readonly segments: number;
  /** True when smart encoding replaced characters of the message's text. */
  readonly smartEncoded: boolean;
  /**
   * What the accepted batches cost, exact: the sum of each batch's `price × segments ×
   * recipients`, in the account's currency (a decimal string).
   */
  readonly totalCost: string;
  /** False when some accepted batch's price was unknown: `totalCost` then leaves it out. */
  readonly costComplete: boolean;
}
