import { SmsError } from '@intl-sms/core';
import { type JobsOptions, Queue } from 'bullmq';
import type { CampaignStatus } from './campaign/campaign-status.js';
import {
  type CampaignInput,
  type EnqueueResult,
  enqueueCampaign,
} from './campaign/enqueue-campaign.js';
import {
  type ReconcileOptions,
  type ReconcileReport,
  reconcileCampaign,
} from './campaign/reconcile-campaign.js';
import { routeCheck } from './campaign/route-check.js';
import { type WatchOptions, watchCampaign } from './campaign/watch-campaign.js';
import { positive } from './check-positive.js';
import { checkCampaignId, sendJobOptions } from './queue-jobs.js';
import { QUEUE_DEFAULTS, type QueueSettings } from './queue-settings.js';
import { openRedis } from './redis-connection.js';
import { queueBase } from './store/campaign-keys.js';
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
  /** Called with errors that reach no caller, such as a lost Redis connection (retried by itself). */
  readonly onError?: (error: Error) => void;
}

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
  /** Lists chunks whose submit outcome is unknown and applies your decisions (see {@link ReconcileOptions}). */
  reconcile(campaignId: string, options?: ReconcileOptions): Promise<ReconcileReport>;
  /** Every campaign id this queue knows. */
  listCampaigns(): Promise<string[]>;
  /** Closes the Redis connections (and the transport, if the queue made it). */
  close(): Promise<void>;
}

/** Creates the producer side of an SMS queue on Redis. */
export function createSmsQueue(settings: SmsQueueSettings): SmsQueue {
  positive('attempts', settings.attempts);
  positive('retryDelayMs', settings.retryDelayMs);
  const name = settings.name ?? QUEUE_DEFAULTS.name;
  const prefix = settings.prefix ?? QUEUE_DEFAULTS.prefix;
  const redis = openRedis(settings.connection);
  // Connection errors surface on the calls that need Redis; ioredis reconnects by itself.
  const onError = settings.onError ?? (() => {});
  redis.on('error', onError);
  const store = new CampaignStore(redis, queueBase(prefix, name));
  const bullQueue = new Queue(name, { connection: redis, prefix });
  bullQueue.on('error', onError);
  const transport = new TransportHolder(settings);
  const jobOptions: JobsOptions = sendJobOptions(settings.attempts, settings.retryDelayMs);
  const checkRoutes = settings.checkRoutes ?? transport.configured;
  const routes = checkRoutes ? () => routeCheck(transport.get()) : undefined;
  const context = { store, queue: bullQueue, jobOptions, routes };

  const existing = async (campaignId: string): Promise<CampaignStatus> => {
    const status = await store.status(checkCampaignId(campaignId), { limit: 0 });
    if (!status)
      throw new SmsError('CAMPAIGN_NOT_FOUND', `No campaign ${campaignId} in queue ${name}`);
    return status;
  };

  return {
    name,
    bullQueue,
    enqueueCampaign: (input) => enqueueCampaign(context, input),
    getCampaign: (campaignId, failures) => store.status(checkCampaignId(campaignId), failures),
    getCampaignBatches: (campaignId) => readCampaignBatches(store, checkCampaignId(campaignId)),
    watchCampaign: (campaignId, options) =>
      watchCampaign(store, checkCampaignId(campaignId), options),
    async pauseCampaign(campaignId) {
      await existing(campaignId);
      await store.switchStatus(campaignId, 'running', 'paused');
      return existing(campaignId);
    },
    async resumeCampaign(campaignId) {
      await existing(campaignId);
      await store.switchStatus(campaignId, 'paused', 'running');
      return existing(campaignId);
    },
    async cancelCampaign(campaignId) {
      await existing(campaignId);
      await store.cancel(campaignId);
      return existing(campaignId);
    },
    async reconcile(campaignId, options) {
      await existing(campaignId);
      return reconcileCampaign(context, campaignId, options);
    },
    listCampaigns: () => store.campaignIds(),
    async close() {
      await bullQueue.close();
      await transport.close();
      redis.disconnect();
    },
  };
}
