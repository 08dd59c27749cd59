/**
 * Where a campaign stands:
 * - `enqueuing`: recipients are still being added;
 * - `sending`: chunks are waiting or being submitted;
 * - `paused`: workers leave its chunks alone until it is resumed;
 * - `cancelled`: its queued chunks will not be sent (submits in flight finished);
 * - `awaiting-receipts`: everything was submitted; delivery receipts are still coming;
 * - `needs-reconciliation`: done, except chunks whose submit outcome is unknown — see
 *   `SmsQueue.reconcile`;
 * - `budget-exceeded`: done, except chunks left unsent because they would have taken the
 *   campaign over its `maxCost` (`counts.budget`, `budget.reason`) — raise the cap with
 *   `SmsQueue.setCampaignMaxCost` to send them;
 * - `completed`: every recipient has a final state.
 */
export type CampaignState =
  | 'enqueuing'
  | 'sending'
  | 'paused'
  | 'cancelled'
  | 'awaiting-receipts'
  | 'needs-reconciliation'
  | 'budget-exceeded'
  | 'completed';

/**
 * States a campaign does not leave without a call from you (`reconcile` may resend,
 * `setCampaignMaxCost` may queue the budget's chunks again).
 */
export const FINAL_STATES: readonly CampaignState[] = [
  'completed',
  'cancelled',
  'needs-reconciliation',
  'budget-exceeded',
];

/** Why a recipient is in the failures list. */
export type CampaignFailureKind =
  /** Refused before queueing: an invalid number or no text. */
  | 'invalid'
  /** Left out: no channel for its country, or a repeat of an earlier recipient (code `DUPLICATE`: sent once). */
  | 'rejected'
  /** Its submit was refused by the provider (e.g. insufficient balance), after any retries. */
  | 'refused'
  /** Its delivery receipt says failed. */
  | 'undelivered'
  /** Its submit outcome was unknown and reconciliation decided it was not sent. */
  | 'not-sent';

/** One recipient that did not get (or may not have got) the message. */
export interface CampaignFailure {
  /** Position in the campaign's recipients. */
  readonly index: number;
  /** The wire number, or the input as given when it was not a number. */
  readonly phone: string;
  readonly kind: CampaignFailureKind;
  /** Machine-readable reason, e.g. `INVALID_NUMBER`, `INSUFFICIENT_BALANCE`, `DELIVERY_FAILED`. */
  readonly code: string;
  /** Human-readable reason. */
  readonly reason: string;
}

/** How many recipients are in each state; every recipient read is in exactly one of the first eight. */
export interface CampaignCounts {
  /** Waiting for (or in) their submit. */
  readonly queued: number;
  /** Accepted by the provider. */
  readonly accepted: number;
  /** Invalid numbers, missing texts, no channel, repeats of earlier recipients. */
  readonly rejected: number;
  /** Refused by the provider. */
  readonly failed: number;
  /** Submit outcome unknown: waiting for reconciliation. */
  readonly unknown: number;
  /** Not sent because the campaign was cancelled. */
  readonly cancelled: number;
  /** Not sent because their chunk would have taken the campaign over its `maxCost` (or its price was unknown). */
  readonly budget: number;
  /** Of the accepted: receipt says delivered. */
  readonly delivered: number;
  /** Of the accepted: receipt says failed. */
  readonly undelivered: number;
  /** Of the accepted: no final receipt yet. */
  readonly deliveryPending: number;
  /** Of the accepted: no receipt came before polling gave up. */
  readonly receiptsExpired: number;
  /** Of the accepted: reconciled as sent without a batch number, so no receipts are polled. */
  readonly untracked: number;
}

/** Where a campaign stands against its `maxCost`. */
export interface CampaignBudget {
  /** The cap, a decimal string; undefined when the campaign has none. */
  readonly maxCost: string | undefined;
  /**
   * What counts against the cap, exact: the accepted cost of every chunk, plus the
   * estimate of chunks being submitted or whose outcome is unknown (they may be billed).
   */
  readonly committed: string;
  /** True once a chunk was refused for the cap: the rest of the campaign is left unsent. */
  readonly exceeded: boolean;
  /** Why it stopped (the first chunk refused), when it did. */
  readonly reason: string | undefined;
}

/** A campaign's totals and progress, from `SmsQueue.getCampaign`. */
export interface CampaignStatus {
  readonly campaignId: string;
  readonly state: CampaignState;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Recipients read from the source so far (all of them once enqueuing is over). */
  readonly recipients: number;
  readonly counts: CampaignCounts;
  /** Chunks (jobs of at most 10,000 numbers for one country and text): total and settled. */
  readonly chunks: { readonly total: number; readonly done: number };
  /** Accepted batches, and those whose receipts are all final. */
  readonly batches: { readonly total: number; readonly final: number };
  /** Chunks whose submit outcome is unknown (see `SmsQueue.reconcile`). */
  readonly needsReconciliation: number;
  /**
   * For a progress bar: recipients settled (submitted, rejected, failed, unknown,
   * cancelled or left for the budget) out of all read.
   */
  readonly progress: { readonly done: number; readonly total: number };
  /**
   * What the accepted batches cost, exact, in the account's currency: the sum of each
   * batch's price × segments × recipients (as the provider bills). A chunk of unknown
   * outcome reconciled as sent adds the estimate its claim committed against `maxCost`
   * (the provider's real debit for it is not known; without `maxCost` there is no
   * estimate and it adds nothing).
   */
  readonly totalCost: string;
  /** The campaign's budget (see `CampaignInput.maxCost`). */
  readonly budget: CampaignBudget;
  /** A page of the failures list, in recipient order. */
  readonly failures: {
    readonly total: number;
    readonly offset: number;
    readonly items: readonly CampaignFailure[];
  };
}
