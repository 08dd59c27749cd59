/** What became of one chunk's submit, for `SmsWorkerSettings.onChunk` (a log line, a metric). */
export interface ChunkEvent {
  readonly campaignId: string;
  /** The chunk number. */
  readonly chunk: number;
  /**
   * `submitted` (at least one number accepted), `failed` (refused), `needs-reconciliation`
   * (outcome unknown), or `retry` (certainly not sent — rate limited, connection refused,
   * an empty balance — and queued again with backoff), or `budget` (left unsent: it would
   * take the campaign over its `maxCost`, or its price is unknown; `error` says which).
   */
  readonly outcome: 'submitted' | 'failed' | 'needs-reconciliation' | 'retry' | 'budget';
  /** Numbers in the submit. */
  readonly recipients: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly failed: number;
  readonly unknown: number;
  /** The batches the provider accepted: their numbers to quote to it. */
  readonly batches: readonly {
    readonly id: string;
    readonly channelId: string;
    readonly size: number;
    /** Price × segments × recipients, exact; absent when the price is unknown. */
    readonly cost?: string;
  }[];
  /** What the accepted batches cost, exact (a decimal string, `"0"` when none). */
  readonly cost: string;
  /** How long the submit took, in ms. */
  readonly durationMs: number;
  /** Why it failed, was unknown or is retried; empty when all went well. */
  readonly error: string;
}
