export type {
  CampaignCounts,
  CampaignFailure,
  CampaignFailureKind,
  CampaignState,
  CampaignStatus,
} from './campaign/campaign-status.js';
export type { CampaignInput, EnqueueResult } from './campaign/enqueue-campaign.js';
export type {
  ReconcileDecision,
  ReconcileOptions,
  ReconcileReport,
  ReconciliationItem,
} from './campaign/reconcile-campaign.js';
export type { WatchOptions } from './campaign/watch-campaign.js';
export { createSmsQueue, type SmsQueue, type SmsQueueSettings } from './create-sms-queue.js';
export {
  type CloseOptions,
  createSmsWorker,
  type SmsWorker,
  type SmsWorkerSettings,
} from './create-sms-worker.js';
export { receiptsQueueName } from './queue-jobs.js';
export { QUEUE_DEFAULTS, type QueueLocation, type QueueSettings } from './queue-settings.js';
export type { RedisConnection } from './redis-connection.js';
export type { CampaignBatch } from './store/read-campaign-batches.js';
export type { FailuresPage } from './store/read-campaign-status.js';
export type { TransportSource } from './transport-source.js';
export type { ReceiptPolling } from './worker/receipt-processor.js';
