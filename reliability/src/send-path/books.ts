/** Where an entry point's report puts one input (`budget`: left unsent at a bulk run's `maxCost`). */
export type Bucket = 'accepted' | 'rejected' | 'duplicate' | 'failed' | 'unknown' | 'budget';

/** What an entry point reported, per input index, after its whole run. */
export interface Books {
  /** One bucket per input index; a hole is a violation. */
  readonly buckets: readonly (Bucket | undefined)[];
  /** Inconsistencies the report itself showed (an input booked twice, counts that disagree). */
  readonly problems: readonly string[];
  /** Extra sends of a number the caller explicitly allowed (failover opt-in). */
  readonly allowance: number;
  /** True when the entry point rejected with a retryable error (then nothing may have been sent). */
  readonly rejectedRetryable: boolean;
}

/** Collects buckets per index, noting any index booked twice. */
export class BookKeeper {
  readonly buckets: (Bucket | undefined)[];
  readonly problems: string[] = [];

  constructor(size: number) {
    this.buckets = new Array(size).fill(undefined);
  }

  /** Books `index`; a second booking is recorded as a problem. */
  book(index: number, bucket: Bucket): void {
    const before = this.buckets[index];
    if (before !== undefined)
      this.problems.push(`input ${index} booked as ${before} and ${bucket}`);
    this.buckets[index] = bucket;
  }

  /** The books, with the run's extra facts. */
  books(extra: Partial<Pick<Books, 'allowance' | 'rejectedRetryable'>> = {}): Books {
    return {
      buckets: this.buckets,
      problems: this.problems,
      allowance: extra.allowance ?? 0,
      rejectedRetryable: extra.rejectedRetryable ?? false,
    };
  }
}
