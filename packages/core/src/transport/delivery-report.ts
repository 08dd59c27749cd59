/** The delivery state of one recipient. */
export type DeliveryStatus = 'delivered' | 'failed' | 'pending';

/** One recipient's delivery state. */
export interface RecipientStatus {
  /** The number as it was sent on the wire. */
  readonly phone: string;
  /** Whether the receipt says delivered, failed, or has not arrived yet. */
  readonly status: DeliveryStatus;
}

/** Delivery receipts of one batch so far. */
export interface DeliveryReport {
  /** The batch number. */
  readonly id: string;
  /** Every recipient with a known state; pending numbers are listed when the transport knows the batch's recipients. */
  readonly recipients: readonly RecipientStatus[];
  /** Recipients whose receipt says delivered. */
  readonly delivered: number;
  /** Recipients whose receipt says failed. */
  readonly failed: number;
  /** Recipients without a receipt yet; `undefined` when the transport does not know how many were sent. */
  readonly pending: number | undefined;
  /** True when every recipient has a final receipt (known only when the recipient count is known). */
  readonly complete: boolean;
}
