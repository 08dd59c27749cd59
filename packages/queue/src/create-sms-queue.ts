import { parseMaxCost, SmsError, ValidationError } from '@intl-sms/core';
import { Queue } from 'bullmq';
import type { CampaignStatus } from './campaign/campaign-status.js';
import { deleteCampaignData } from './campaign/delete-campaign.js';
import {
  type CampaignInput,
  type EnqueueResult,
  enqueueCampaign,
} from './campaign/enqueue-campaign.js';
import {
  checkReconcileOptions,
  type ReconcileOptions,
  type ReconcileReport,
  reconcileCampaign,
} from './campaign/reconcile-campaign.js';
import { routeCheck } from './campaign/route-check.js';
import { setCampaignMaxCost } from './campaign/set-campaign-max-cost.js';
import { type WatchOptions, watchCampaign } from './campaign/watch-campaign.js';
import { checkCloseOptions, checkKnownKeys, checkNonNegative } from './check-options.js';
import { positive } from './check-positive.js';
import { checkSharedSettings } from './check-settings.js';
import type { CloseOptions } from './create-sms-worker.js';
import { HARD_STOP_MS, within } from './lifecycle/deadline.js';
import { ClientFamily } from './lifecycle/end-clients.js';
import { ErrorReporter } from './lifecycle/error-reporter.js';
import { Operations } from './lifecycle/operations.js';
import { checkCampaignId, RETRY_DEFAULTS, type RetryPolicy } from './queue-jobs.js';
import { resolveLocation } from './queue-location.js';
import { DEFAULT_RETENTION_MS, type QueueSettings } from './queue-settings.js';
import { openRedis } from './redis-connection.js';
import { CampaignStore } from './store/campaign-store.js';
import { type CampaignBatch, readCampaignBatches } from './store/read-campaign-batches.js';
import type { FailuresPage } from './store/read-campaign-status.js';
import { TransportHolder } from './transport-source.js';

/** Settings of {@link createSmsQueue}. */
export interface SmsQueueSettings extends QueueSettings {
  /**
   * Tries for a submit that certainly sent nothing (connection refused, rate limited)
   * before its recipients count as failed (default 8), with exponential backoff from
   * `retryDelayMs` (default 1,000).
   */
  readonly attempts?: number;
  readonly retryDelayMs?: number;
  /**
   * Refuse, at enqueue time, recipients of countries without an enabled channel (default
   * true when the queue has a transport; needs one call to list the channels).
   */
  readonly checkRoutes?: boolean;
  /**
   * How long a campaign this queue enqueues is kept in Redis once it is over for good —
   * completed, or cancelled with nothing in flight — in ms (default 7 days,
   * {@link DEFAULT_RETENTION_MS}). Until then its counts, failures and batches can be read
   * and late receipts still counted; then the workers' sweeper deletes it. A campaign
   * waiting for reconciliation is kept until it is reconciled (or deleted).
   */
  readonly retention?: number;
  /**
   * The `smartEncoding` of campaigns enqueued without one (see
   * `CampaignInput.smartEncoding`). Default: none, so the workers' transport setting applies.
   */
  readonly smartEncoding?: boolean;
  /**
   * Called with errors that reach no caller. An unreachable Redis (retried by itself) is
   * reported once as an `SmsError` with code `REDIS_UNAVAILABLE` (again at most once a
   * minute while it lasts), not on every reconnect attempt.
   */
  readonly onError?: (error: Error) => void;
}

/** Keys of the queue's own settings, besides the shared ones. */
const QUEUE_KEYS = ['attempts', 'retryDelayMs', 'checkRoutes', 'retention', 'smartEncoding'];

/** The producer side: enqueue campaigns and follow, steer and reconcile them. */
export interface SmsQueue {
  /** The queue's name. */
  readonly name: string;
  /** The underlying BullMQ queue of send jobs, for dashboards and metrics. */
  readonly bullQueue: Queue;
  /**
   * Reads the recipients (streaming, bounded memory), splits them into jobs of at most
   * 10,000 numbers for one country and text, and queues them. Idempotent per
   * `campaignId`: a second call adds nothing, a call after a crashed one finishes it.
   */
  enqueueCampaign(input: CampaignInput): Promise<EnqueueResult>;
  /** Totals, per-state counts, progress and a page of failed numbers; undefined when unknown. */
  getCampaign(campaignId: string, failures?: FailuresPage): Promise<CampaignStatus | undefined>;
  /** Every batch the provider accepted for the campaign, with its receipt counts. */
  getCampaignBatches(campaignId: string): Promise<CampaignBatch[]>;
  /** Snapshots after every change until the campaign is done (see {@link WatchOptions}). */
  watchCampaign(campaignId: string, options?: WatchOptions): AsyncGenerator<CampaignStatus>;
  /** Workers leave the campaign's chunks alone until it is resumed; submits in flight finish. */
  pauseCampaign(campaignId: string): Promise<CampaignStatus>;
  /** Lets workers take the campaign's chunks again. */
  resumeCampaign(campaignId: string): Promise<CampaignStatus>;
  /** Queued chunks are not sent; submits in flight finish and are recorded. Final. */
  cancelCampaign(campaignId: string): Promise<CampaignStatus>;
  /**
   * Sets the campaign's `maxCost` (a decimal string or number ≥ 0 in the account's
   * currency; `ValidationError` on `maxCost` otherwise) and queues again every chunk left
   * unsent for the budget, so that a campaign in state `budget-exceeded` goes on with a
   * raised cap. The committed cost so far still counts against the new cap; a cap still
   * too low stops it again at the first chunk that does not fit. Also sets a cap on a
   * campaign that had none: what it had accepted so far counts against it. `SmsError`
   * `CAMPAIGN_NOT_FOUND` for an unknown campaign.
   */
  setCampaignMaxCost(campaignId: string, maxCost: string | number): Promise<CampaignStatus>;
  /**
   * Deletes every record of a campaign (counts, failures, chunks, batches) and its
   * waiting jobs, at once rather than after its `retention`. A campaign that may still
   * send — enqueuing, sending or paused — is refused with `SmsError` code
   * `CAMPAIGN_ACTIVE`: cancel it first. Resolves false when there is no such campaign.
   */
  deleteCampaign(campaignId: string): Promise<boolean>;
  /** Lists chunks whose submit outcome is unknown and applies your decisions (see {@link ReconcileOptions}). */
  reconcile(campaignId: string, options?: ReconcileOptions): Promise<ReconcileReport>;
  /** Every campaign id this queue knows. */
  listCampaigns(): Promise<string[]>;
  /**
   * Refuses new calls (`SmsError` code `QUEUE_CLOSED`), ends every `watchCampaign` loop,
   * lets calls in progress finish up to `timeoutMs` (default 30,000; not at all while
   * Redis is unreachable, when they cannot), then rejects the rest with `QUEUE_CLOSED`
   * and closes the connections and the transport, if the queue made it. Resolves within
   * `timeoutMs` plus a few hundred ms whatever state Redis is in, leaving nothing that
   * keeps the process alive. An enqueue cut short is finished by enqueuing the same
   * campaign again. Calling it again returns the same promise.
   */
  close(options?: CloseOptions): Promise<void>;
}

/** Creates the producer side of an SMS queue on Redis. */
export function createSmsQueue(settings: SmsQueueSettings): SmsQueue {
  checkSharedSettings(settings, QUEUE_KEYS, 'createSmsQueue');
  positive('attempts', settings.attempts);
  positive('retryDelayMs', settings.retryDelayMs);
  positive('retention', settings.retention);
  if (settings.checkRoutes !== undefined && typeof settings.checkRoutes !== 'boolean')
    throw new ValidationError('checkRoutes', 'checkRoutes must be true or false');
  const location = resolveLocation(settings);
  const { name, prefix } = location;
  const redis = openRedis(settings.connection);
  const clients = new ClientFamily(redis); // watchCampaign's subscribers are duplicates
  // Connection errors also surface on the calls that need Redis; ioredis reconnects by itself.
  const errors = new ErrorReporter(settings.onError, redis);
  const onError = errors.report;
  redis.on('error', onError);
  const store = new CampaignStore(redis, location.base);
  const bullQueue = new Queue(location.sendQueue, { connection: redis, prefix });
  bullQueue.on('error', onError);
  // Made on first use: only deleting a campaign needs it (to remove its receipt polls).
  let receiptsQueue: Queue | undefined;
  const queues = () => {
    if (!receiptsQueue) {
      receiptsQueue = new Queue(location.receiptsQueue, { connection: redis, prefix });
      receiptsQueue.on('error', onError);
    }
    return { send: bullQueue, receipts: receiptsQueue };
  };
  const transport = new TransportHolder(settings);
  const retry: RetryPolicy = {
    attempts: settings.attempts ?? RETRY_DEFAULTS.attempts,
    retryDelayMs: settings.retryDelayMs ?? RETRY_DEFAULTS.retryDelayMs,
  };
  const checkRoutes = settings.checkRoutes ?? transport.configured;
  const routes = checkRoutes ? () => routeCheck(transport.get()) : undefined;
  const retentionMs = settings.retention ?? DEFAULT_RETENTION_MS;
  if (settings.smartEncoding !== undefined && typeof settings.smartEncoding !== 'boolean')
    throw new ValidationError('smartEncoding', 'smartEncoding must be true or false');
  const smartEncoding = settings.smartEncoding;
  const context = { store, queue: bullQueue, retry, routes, retentionMs, smartEncoding };
  const ops = new Operations(`Queue ${name}`);
  let closing: Promise<void> | undefined;

  const existing = async (campaignId: string): Promise<CampaignStatus> => {
    const status = await store.status(checkCampaignId(campaignId), { limit: 0 });
    if (!status)
      throw new SmsError('CAMPAIGN_NOT_FOUND', `No campaign ${campaignId} in queue ${name}`);
    return status;
  };
  const steer = (campaignId: string, change: () => Promise<unknown>) =>
    ops.run(async () => {
      await existing(campaignId);
      await change();
      return existing(campaignId);
    });

  return {
    name,
    bullQueue,
    enqueueCampaign: (input) => ops.run(() => enqueueCampaign(context, input)),
    getCampaign: (campaignId, failures) =>
      ops.run(async () => {
        checkCampaignId(campaignId);
        checkFailuresPage(failures);
        return store.status(campaignId, failures);
      }),
    getCampaignBatches: (campaignId) =>
      ops.run(async () => readCampaignBatches(store, checkCampaignId(campaignId))),
    async *watchCampaign(campaignId, options) {
      ops.ensureOpen();
      yield* watchCampaign(store, checkCampaignId(campaignId), options, ops.stopping);
    },
    pauseCampaign: (campaignId) =>
      steer(campaignId, () => store.switchStatus(campaignId, 'running', 'paused')),
    resumeCampaign: (campaignId) =>
      steer(campaignId, () => store.switchStatus(campaignId, 'paused', 'running')),
    cancelCampaign: (campaignId) =>
      steer(campaignId, async () => {
        await store.cancel(campaignId);
        // The sweeper schedules its expiry once nothing is left in flight.
        await store.setActive(campaignId, true);
      }),
    setCampaignMaxCost: async (campaignId, maxCost) => {
      const cap = parseMaxCost(maxCost, 'maxCost');
      if (cap === undefined)
        throw new ValidationError('maxCost', 'maxCost is required, such as "250.00"');
      return steer(campaignId, () =>
        setCampaignMaxCost(store, bullQueue, campaignId, cap.toString()),
      );
    },
    deleteCampaign: (campaignId) =>
      ops.run(async () => {
        checkCampaignId(campaignId);
        await refuseActive(store, campaignId);
        return deleteCampaignData(store, queues(), campaignId);
      }),
    reconcile: (campaignId, options) =>
      ops.run(async () => {
        checkReconcileOptions(options);
        await existing(campaignId);
        return reconcileCampaign(context, campaignId, options);
      }),
    listCampaigns: () => ops.run(() => store.campaignIds()),
    async close(options) {
      checkCloseOptions(options);
      closing ??= (async () => {
        errors.closing();
        const timeoutMs = options?.timeoutMs ?? 30_000;
        // Calls in progress (an enqueue) may finish, unless Redis is away and they cannot.
        await ops.close(timeoutMs, () => redis.status !== 'ready');
        // The BullMQ queues share our client: closing them needs no round trip.
        const closed = [bullQueue.close(), receiptsQueue?.close(), transport.close()];
        await within(Promise.all(closed), HARD_STOP_MS);
        clients.endAll();
      })();
      return closing;
    },
  };
}

/** A campaign that may still send, or is being enqueued, is not deleted under its workers. */
async function refuseActive(store: CampaignStore, campaignId: string): Promise<void> {
  const status = await store.status(campaignId, { limit: 0 });
  const enqueuing = (await store.redis.exists(store.keys(campaignId).enqueueLock)) === 1;
  if (enqueuing || (status && ['enqueuing', 'sending', 'paused'].includes(status.state)))
    throw new SmsError(
      'CAMPAIGN_ACTIVE',
      `Campaign ${campaignId} is ${enqueuing ? 'being enqueued' : status?.state}: cancel it first (cancelCampaign), then delete it`,
    );
}

/** Refuses a bad failures page of `getCampaign`, naming the field. */
function checkFailuresPage(page: unknown): void {
  checkKnownKeys(page, ['offset', 'limit'], 'getCampaign options');
  const { offset, limit } = (page ?? {}) as Record<string, unknown>;
  checkNonNegative('offset', offset);
  checkNonNegative('limit', limit);
}
