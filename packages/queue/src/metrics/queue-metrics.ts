import type { Attributes, Counter, Histogram, Meter, ObservableResult } from '@opentelemetry/api';

/** What a submit came to, as the `outcome` attribute of the submit metrics says. */
export type SubmitOutcome = 'accepted' | 'refused' | 'unknown' | 'retried';

/** What a receipt poll came to, as the `outcome` attribute says. */
export type PollOutcome = 'final' | 'pending' | 'expired' | 'error';

/** Recipients of one submit by outcome. */
export interface RecipientCounts {
  readonly accepted: number;
  readonly rejected: number;
  readonly failed: number;
  readonly unknown: number;
}

/**
 * The worker's metrics, through the OpenTelemetry API (`@opentelemetry/api`, an optional
 * peer dependency): when it is not installed, or no SDK is set up before the worker is
 * created, every call does nothing. Instruments (all with attribute `queue`):
 * - `intl_sms.queue.submits` (counter): submits by `outcome`;
 * - `intl_sms.queue.recipients` (counter): recipients of submits by `outcome`;
 * - `intl_sms.queue.submit.duration` (histogram, seconds): submit latency by `outcome`;
 * - `intl_sms.queue.receipt.polls` (counter): receipt polls by `outcome`;
 * - `intl_sms.queue.rate_limit.waits` (counter): pauses of every worker after a provider 429;
 * - `intl_sms.queue.reconciliation.backlog` (gauge): chunks waiting for reconciliation in
 *   the queue (every worker reports the same figure, read from Redis).
 */
export interface QueueMetrics {
  submit(outcome: SubmitOutcome, seconds: number, recipients?: RecipientCounts): void;
  receiptPoll(outcome: PollOutcome): void;
  rateLimitWait(): void;
  /** Reports `read()` as the backlog gauge at each collection, until {@link close}. */
  observeBacklog(read: () => Promise<number>): void;
  /** Stops reporting the backlog (the worker is closing: Redis is going away). */
  close(): void;
}

interface Instruments {
  readonly submits: Counter;
  readonly recipients: Counter;
  readonly duration: Histogram;
  readonly polls: Counter;
  readonly waits: Counter;
  readonly meter: Meter;
}

/** Calls made before the API finished loading are replayed once it has (a few ms). */
const MAX_PENDING = 1_000;

/** Loads `@opentelemetry/api` if it is installed; see {@link QueueMetrics}. */
export function createQueueMetrics(queue: string, version: string): QueueMetrics {
  const base: Attributes = { queue };
  let instruments: Instruments | null | undefined;
  let stopObserving = () => {};
  let closed = false;
  const pending: ((i: Instruments) => void)[] = [];
  const use = (call: (i: Instruments) => void) => {
    if (instruments) call(instruments);
    else if (instruments === undefined && pending.length < MAX_PENDING) pending.push(call);
  };
  import('@opentelemetry/api').then(
    ({ metrics }) => {
      const meter = metrics.getMeter('@intl-sms/queue', version);
      instruments = {
        meter,
        submits: meter.createCounter('intl_sms.queue.submits', {
          description: 'Submits of chunks, by outcome',
          unit: '{submit}',
        }),
        recipients: meter.createCounter('intl_sms.queue.recipients', {
          description: 'Recipients of submitted chunks, by outcome',
          unit: '{recipient}',
        }),
        duration: meter.createHistogram('intl_sms.queue.submit.duration', {
          description: 'Time a submit took, from its request to its answer',
          unit: 's',
        }),
        polls: meter.createCounter('intl_sms.queue.receipt.polls', {
          description: 'Delivery receipt polls, by outcome',
          unit: '{poll}',
        }),
        waits: meter.createCounter('intl_sms.queue.rate_limit.waits', {
          description: 'Pauses of every worker after the provider answered 429',
          unit: '{wait}',
        }),
      };
      for (const call of pending.splice(0)) call(instruments);
    },
    // Not installed: metrics are off.
    () => {
      instruments = null;
      pending.length = 0;
    },
  );
  return {
    submit(outcome, seconds, recipients) {
      use((i) => {
        i.submits.add(1, { ...base, outcome });
        i.duration.record(seconds, { ...base, outcome });
        for (const [key, count] of Object.entries(recipients ?? {}))
          if (count > 0) i.recipients.add(count, { ...base, outcome: key });
      });
    },
    receiptPoll(outcome) {
      use((i) => i.polls.add(1, { ...base, outcome }));
    },
    rateLimitWait() {
      use((i) => i.waits.add(1, base));
    },
    observeBacklog(read) {
      use((i) => {
        if (closed) return;
        const gauge = i.meter.createObservableGauge('intl_sms.queue.reconciliation.backlog', {
          description: 'Chunks whose submit outcome is unknown, waiting for reconciliation',
          unit: '{chunk}',
        });
        const callback = async (result: ObservableResult) => {
          result.observe(await read(), base);
        };
        gauge.addCallback(callback);
        stopObserving = () => gauge.removeCallback(callback);
      });
    },
    close() {
      closed = true;
      stopObserving();
    },
  };
}
