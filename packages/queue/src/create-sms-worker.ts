import { Queue, Worker } from 'bullmq';
import { receiptsQueueName } from './queue-jobs.js';
import { QUEUE_DEFAULTS, type QueueSettings } from './queue-settings.js';
import { openRedis } from './redis-connection.js';
import { queueBase } from './store/campaign-keys.js';
import { CampaignStore } from './store/campaign-store.js';
import { TransportHolder } from './transport-source.js';
import { checkWorkerSettings } from './worker/check-worker-settings.js';
import { type ReceiptPolling, receiptProcessor } from './worker/receipt-processor.js';
import { sendProcessor } from './worker/send-processor.js';
import { startSweeper } from './worker/sweeper.js';

/** Settings of {@link createSmsWorker}. */
export interface SmsWorkerSettings extends QueueSettings {
  /** Chunks submitted at once by this worker (default 4). */
  readonly concurrency?: number;
  /**
   * At most `max` submits per `durationMs`, shared by every worker of the queue (BullMQ's
   * global limiter; set it the same on every worker). Default: no limit.
   */
  readonly limiter?: { readonly max: number; readonly durationMs: number };
  /** Receipt polling, or `false` for none (counts then stay pending). */
  readonly receipts?: ReceiptPolling | false;
  /** How long a chunk of a paused campaign waits before it is looked at again, in ms (default 2,000). */
  readonly pausedRetryMs?: number;
  /**
   * How long a job's lock lasts without renewal, in ms (default 30,000). A worker that
   * dies loses its jobs to the others after this long; its chunk caught mid-submit is
   * then marked for reconciliation.
   */
  readonly lockDurationMs?: number;
  /**
   * How often one worker of the queue looks for chunks and batches whose job was lost
   * (a Redis restart at the wrong moment) and gives them a new one, in ms (default
   * 30,000; `false` turns it off).
   */
  readonly sweepIntervalMs?: number | false;
  /** Called with errors that reach no caller (Redis connection lost, a job failed). */
  readonly onError?: (error: Error) => void;
}

/** A running worker: submits chunks and polls receipts until closed. */
export interface SmsWorker {
  /** The BullMQ workers (send, and receipts unless disabled), for metrics and events. */
  readonly bullWorkers: { readonly send: Worker; readonly receipts: Worker | undefined };
  /** Stops taking new jobs; jobs in progress finish. */
  pause(): Promise<void>;
  /** Takes jobs again after {@link SmsWorker.pause}. */
  resume(): void;
  /**
   * Graceful shutdown: takes no new jobs and waits for those in progress (a submit is
   * never cut mid-request) up to `timeoutMs` (default 30,000); after that, the rest are
   * released to other workers by their lock expiring. Closes the connections and the
   * transport, if the worker made it.
   */
  close(options?: { readonly timeoutMs?: number }): Promise<void>;
}

const POLLING_DEFAULTS: Required<ReceiptPolling> = {
  firstPollMs: 5_000,
  maxPollMs: 60_000,
  giveUpAfterMs: 24 * 3600 * 1000,
  concurrency: 4,
};

/** Starts a worker of an SMS queue in this process. */
export function createSmsWorker(settings: SmsWorkerSettings): SmsWorker {
  const name = settings.name ?? QUEUE_DEFAULTS.name;
  const prefix = settings.prefix ?? QUEUE_DEFAULTS.prefix;
  checkWorkerSettings(settings);
  const holder = new TransportHolder(settings);
  // Made first, so missing credentials fail here (before any connection is opened)
  // rather than as failed chunks.
  holder.get();
  const redis = openRedis(settings.connection);
  const store = new CampaignStore(redis, queueBase(prefix, name));
  const transport = () => holder.get();
  const polling =
    settings.receipts === false ? undefined : { ...POLLING_DEFAULTS, ...settings.receipts };
  const onError = settings.onError ?? (() => {});
  const lockDuration = settings.lockDurationMs ?? 30_000;
  // A stalled job (its worker died) comes back however often that happens: the chunk's own
  // state, not BullMQ's stall count, decides whether it may still be submitted.
  const common = {
    connection: redis,
    prefix,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: 1_000,
  };
  const receiptsQueue = polling
    ? new Queue(receiptsQueueName(name), { connection: redis, prefix })
    : undefined;
  const send: Worker = new Worker(
    name,
    sendProcessor({
      store,
      transport,
      receipts: receiptsQueue,
      firstPollMs: polling?.firstPollMs ?? 0,
      pausedRetryMs: settings.pausedRetryMs ?? 2_000,
      worker: () => send,
    }),
    {
      ...common,
      concurrency: settings.concurrency ?? 4,
      ...(settings.limiter
        ? { limiter: { max: settings.limiter.max, duration: settings.limiter.durationMs } }
        : {}),
    },
  );
  const receipts = polling
    ? new Worker(receiptsQueueName(name), receiptProcessor({ store, transport, polling }), {
        ...common,
        concurrency: polling.concurrency,
      })
    : undefined;
  for (const worker of [send, receipts]) {
    worker?.on('error', onError);
    worker?.on('failed', (_job, error) => onError(error));
  }
  redis.on('error', onError);
  receiptsQueue?.on('error', onError);
  const sendQueue = new Queue(name, { connection: redis, prefix });
  sendQueue.on('error', onError);
  const sweepIntervalMs = settings.sweepIntervalMs ?? 30_000;
  const sweeper =
    sweepIntervalMs === false
      ? undefined
      : startSweeper({ store, sendQueue, receiptsQueue, intervalMs: sweepIntervalMs, onError });

  return {
    bullWorkers: { send, receipts },
    async pause() {
      await Promise.all([send.pause(), receipts?.pause()]);
    },
    resume() {
      send.resume();
      receipts?.resume();
    },
    async close(options = {}) {
      sweeper?.stop();
      const timeoutMs = options.timeoutMs ?? 30_000;
      const graceful = Promise.all([send.close(), receipts?.close()]);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([graceful, timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') await Promise.all([send.close(true), receipts?.close(true)]);
      await receiptsQueue?.close();
      await sendQueue.close();
      await holder.close();
      redis.disconnect();
    },
  };
}
