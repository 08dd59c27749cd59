import type { MockChannel } from './channels.js';

/** What a recipient's receipt will say once it arrives. */
export const Outcome = { Delivered: 0, Failed: 1, NeverReported: 2 } as const;

/** A recipient's receipt state at a moment. */
export type ReceiptStatus = 'delivered' | 'failed' | 'pending';

/** One accepted submit, as the mock stores it. Compact: one byte and four bytes per recipient besides the number. */
export interface StoredBatch {
  /** Increasing sequence number, for "newer than" queries. */
  readonly seq: number;
  readonly batchNo: string;
  readonly account: string;
  readonly channel: MockChannel;
  readonly phones: readonly string[];
  readonly content: string;
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly segments: number;
  /** Cost in units of 10^-8 (see `money/amount.ts`). */
  readonly cost: bigint;
  /** Real time of the submit (ms since epoch). */
  readonly submittedAt: number;
  /** Receipt-clock time of the submit. */
  readonly submittedClock: number;
  /** Per recipient: receipt-clock delay until the receipt arrives. */
  readonly receiptDelays: Uint32Array;
  /** Per recipient: the {@link Outcome} the receipt will carry. */
  readonly outcomes: Uint8Array;
}

/** The state of recipient `index` at receipt-clock time `now`. */
export function receiptStatus(batch: StoredBatch, index: number, now: number): ReceiptStatus {
  const outcome = batch.outcomes[index];
  if (outcome === Outcome.NeverReported) return 'pending';
  if (now < batch.submittedClock + (batch.receiptDelays[index] ?? 0)) return 'pending';
  return outcome === Outcome.Failed ? 'failed' : 'delivered';
}

/** The receipt of a whole batch, in the shape of the query endpoint. */
export interface BatchReceipt {
  failPhones: string[];
  failedNum: number;
  successNum: number;
  successPhones: string[];
  totalNum: number;
}

/** Summarises a batch's receipts at receipt-clock time `now`; `totalNum = successNum + failedNum`. */
export function batchReceipt(batch: StoredBatch, now: number): BatchReceipt {
  const successPhones: string[] = [];
  const failPhones: string[] = [];
  for (let i = 0; i < batch.phones.length; i++) {
    const status = receiptStatus(batch, i, now);
    if (status === 'delivered') successPhones.push(batch.phones[i] as string);
    else if (status === 'failed') failPhones.push(batch.phones[i] as string);
  }
  return {
    failPhones,
    failedNum: failPhones.length,
    successNum: successPhones.length,
    successPhones,
    totalNum: successPhones.length + failPhones.length,
  };
}
