import { Queue, type Worker } from 'bullmq';
import { checkCloseOptions } from './check-options.js';
import { ClientFamily } from './lifecycle/end-clients.js';
import { ErrorReporter } from './lifecycle/error-reporter.js';
import { createQueueMetrics } from './metrics/queue-metrics.js';
import { FINISHED_SEND_JOBS, type SendJobData } from './queue-jobs.js';
import { resolveLocation } from './queue-location.js';
import { DEFAULT_RETENTION_MS, type QueueSettings } from './queue-settings.js';
import { openRedis } from './redis-connection.js';
import { CampaignStore } from './store/campaign-store.js';
import { TransportHolder } from './transport-source.js';
import { QUEUE_VERSION } from './version.js';
import { checkWorkerSettings } from './worker/check-worker-settings.js';
import type { ChunkEvent } from './worker/chunk-event.js';
import { AbandonableWorker, closeWorker } from './worker/close-worker.js';
import { InFlight } from './worker/in-flight.js';
import { type ReceiptPolling, receiptProcessor } from './worker/receipt-processor.js';
import { type SendJobResult, sendProcessor } from './worker/send-processor.js';
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
  /**
   * Receipt polling, or `false` for none: the batches this worker submits are then not
   * tracked — their recipients count as `untracked` and the campaign completes once
   * everything is submitted, instead of waiting for receipts nobody polls.
   */
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
   * (a Redis restart at the wrong moment) and gives them a new one, and deletes the
   * campaigns whose retention has passed, in ms (default 30,000; `false` turns both off —
   * then finished campaigns expire only if another worker sweeps).
   */
  readonly sweepIntervalMs?: number | false;
  /**
   * Called after every submit with what became of its chunk (see {@link ChunkEvent}): a
   * log line per batch, say. A throw is reported as a process warning and ignored.
   */
  readonly onChunk?: (event: ChunkEvent) => void;
  /**
   * Called with errors that reach no caller (a job failed, Redis unreachable). An
   * unreachable Redis is reported once as an `SmsError` with code `REDIS_UNAVAILABLE`
   * (again at most once a minute while it lasts), not on every reconnect attempt.
   */
  readonly onError?: (error: Error) => void;
}

/** Options of {@link SmsWorker.close}. */
export interface CloseOptions {
  /**
   * How long to wait for jobs in progress, in ms (default 30,000; 0 stops at once).
   * `close` resolves within this plus a few hundred ms, whatever state Redis is in.
   */
  readonly timeoutMs?: number;
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
   * Graceful shutdown: takes no new jobs and waits for those in progress up to
   * `timeoutMs` (default 30,000), or not at all when Redis is unreachable and no job is
   * running; then drops the connections and closes the transport, if the worker made it,
   * and resolves — within `timeoutMs` plus a few hundred ms, even if Redis never
   * answered, leaving nothing that keeps the process alive. A submit still running at
   * `timeoutMs` is abandoned as if the process had died: its chunk is later marked for
   * reconciliation, never sent again. Calling it again returns the same promise.
   */
  close(options?: CloseOptions): Promise<void>;
}

const POLLING_DEFAULTS: Required<ReceiptPolling> = {
  firstPollMs: 5_000,
  maxPollMs: 60_000,
  giveUpAfterMs: 24 * 3600 * 1000,
  concurrency: 4,
};

/** Starts a worker of an SMS queue in this process. */
export function createSmsWorker(settings: SmsWorkerSettings): SmsWorker {
  checkWorkerSettings(settings);
  const location = resolveLocation(settings);
  const { prefix } = location;
  const holder = new TransportHolder(settings);
  // Made first, so missing credentials fail here (before any connection is opened)
  // rather than as failed chunks.
  holder.get();
  const redis = openRedis(settings.connection);
  const clients = new ClientFamily(redis); // before BullMQ duplicates it
  const store = new CampaignStore(redis, location.base);
  const transport = () => holder.get();
  const polling =
    settings.receipts === false ? undefined : { ...POLLING_DEFAULTS, ...settings.receipts };
  const errors = new ErrorReporter(settings.onError, redis);
  const onError = errors.report;
  const inFlight = new InFlight();
  const metrics = createQueueMetrics(location.name, QUEUE_VERSION);
  metrics.observeBacklog(() => reconciliationBacklog(store));
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
  const receiptsQueue = new Queue(location.receiptsQueue, { connection: redis, prefix });
  const send: AbandonableWorker<SendJobData, SendJobResult> = new AbandonableWorker(
    location.sendQueue,
    inFlight.wrap(
      sendProcessor({
        store,
        transport,
        receipts: polling ? receiptsQueue : undefined,
        firstPollMs: polling?.firstPollMs ?? 0,
        pausedRetryMs: settings.pausedRetryMs ?? 2_000,
        worker: () => send,
        metrics,
        onChunk: settings.onChunk ?? (() => {}),
        onError: (error) => settings.onError?.(error),
      }),
    ),
    {
      ...common,
      ...FINISHED_SEND_JOBS,
      concurrency: settings.concurrency ?? 4,
      ...(settings.limiter
        ? { limiter: { max: settings.limiter.max, duration: settings.limiter.durationMs } }
        : {}),
    },
  );
  const receipts = polling
    ? new AbandonableWorker(
        location.receiptsQueue,
        inFlight.wrap(receiptProcessor({ store, transport, polling, metrics })),
        {
          ...common,
          concurrency: polling.concurrency,
        },
      )
    : undefined;
  for (const worker of [send, receipts]) {
    worker?.on('error', onError);
    // A job's failure is its own news, not a connection outage: straight to the user.
    worker?.on('failed', (_job, error) => settings.onError?.(error));
  }
  redis.on('error', onError);
  receiptsQueue.on('error', onError);
  const sendQueue = new Queue(location.sendQueue, { connection: redis, prefix });
  sendQueue.on('error', onError);
  const sweepIntervalMs = settings.sweepIntervalMs ?? 30_000;
  const sweeper =
    sweepIntervalMs === false
      ? undefined
      : startSweeper({
          store,
          queues: { send: sendQueue, receipts: receiptsQueue },
          pollsReceipts: polling !== undefined,
          intervalMs: sweepIntervalMs,
          defaultRetentionMs: DEFAULT_RETENTION_MS,
          onError,
        });

  let closing: Promise<void> | undefined;
  return {
    bullWorkers: { send, receipts },
    async pause() {
      await Promise.all([send.pause(), receipts?.pause()]);
    },
    resume() {
      send.resume();
      receipts?.resume();
    },
    async close(options) {
      checkCloseOptions(options);
      closing ??= (async () => {
        errors.closing();
        sweeper?.stop();
        metrics.close();
        const workers = receipts ? [send, receipts] : [send];
        const queues = [sendQueue, receiptsQueue];
        const parts = { workers, queues, clients, inFlight, transport: holder };
        await closeWorker(parts, options?.timeoutMs ?? 30_000);
      })();
      return closing;
    },
  };
}

/** Chunks waiting for reconciliation in every campaign of the queue. */
async function reconciliationBacklog(store: CampaignStore): Promise<number> {
  const ids = await store.reconcilingCampaignIds();
  if (ids.length === 0) return 0;
  const pipeline = store.redis.pipeline();
  for (const id of ids) pipeline.scard(store.keys(id).reconcile);
  const replies = (await pipeline.exec()) ?? [];
  return replies.reduce((sum, [error, count]) => sum + (error ? 0 : Number(count)), 0);
}
