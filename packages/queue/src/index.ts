export type {
  CampaignBudget,
  CampaignCounts,
  CampaignFailure,
  CampaignFailureKind,
  CampaignState,
  CampaignStatus,
} from './campaign/campaign-status.js';
export type { CampaignInput, EnqueueResult } from './campaign/enqueue-campaign.js';
export {
  RECONCILE_MIN_AGE_MS,
  type ReconcileDecision,
  type ReconcileOptions,
  type ReconcileReport,
  type ReconciliationItem,
} from './campaign/reconcile-campaign.js';
export type { WatchOptions } from './campaign/watch-campaign.js';
export { createSmsQueue, type SmsQueue, type SmsQueueSettings } from './create-sms-queue.js';
export {
  type CloseOptions,
  createSmsWorker,
  type SmsWorker,
  type SmsWorkerSettings,
} from './create-sms-worker.js';
export { CampaignInputMismatchError } from './errors/campaign-input-mismatch-error.js';
export { receiptsQueueName } from './queue-jobs.js';
export {
  DEFAULT_RETENTION_MS,
  QUEUE_DEFAULTS,
  type QueueLocation,
  type QueueSettings,
} from './queue-settings.js';
export type { RedisConnection } from './redis-connection.js';
export type { CampaignBatch } from './store/read-campaign-batches.js';
export type { FailuresPage } from './store/read-campaign-status.js';
export type { TransportSource } from './transport-source.js';
export type { ChunkEvent } from './worker/chunk-event.js';
export type { ReceiptPolling } from './worker/receipt-processor.js';
