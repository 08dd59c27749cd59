import type { ChannelId } from './channel.js';

/** One submit accepted by the provider. */
export interface SentBatch {
  /** The provider's batch number, used to ask for delivery receipts. */
  readonly id: string;
  /** The channel the batch went through. */
  readonly channelId: ChannelId;
  /** The numbers of this batch, as sent on the wire. */
  readonly recipients: readonly string[];
}

/** A recipient that was not sent, and why. */
export interface RejectedRecipient {
  /** The number as the caller gave it. */
  readonly input: string;
  /** Why it was not sent. */
  readonly reason: string;
}

/** What `SmsTransport.send` accomplished. */
export interface SendResult {
  /** The id of the first batch: the one to keep when a send made a single batch. */
  readonly id: string;
  /** Every batch the provider accepted. */
  readonly batches: readonly SentBatch[];
  /** Every number the provider accepted, as sent on the wire. */
  readonly accepted: readonly string[];
  /** Numbers left out before submitting, each with its reason. */
  readonly rejected: readonly RejectedRecipient[];
}
