import type { RedisConnection } from './redis-connection.js';
import type { TransportSource } from './transport-source.js';

/** Where the queue lives; workers and queues of one deployment must agree on all three. */
export interface QueueLocation {
  /** The Redis to use. */
  readonly connection: RedisConnection;
  /** The queue's name (default `intl-sms`). */
  readonly name?: string;
  /**
   * Prefix of every Redis key, BullMQ's and the campaign records (default `bull`). On a
   * Redis Cluster, a prefix with a hash tag (`{myapp}`) puts every queue under it in one
   * slot; without one, the queue names its BullMQ queues `{name}` and `{name}-receipts`
   * so that all keys of one queue share a slot and different queues spread.
   */
  readonly prefix?: string;
}

/** Settings shared by `createSmsQueue` and `createSmsWorker`. */
export interface QueueSettings extends QueueLocation, TransportSource {}

/** The defaults of {@link QueueLocation}. */
export const QUEUE_DEFAULTS = { name: 'intl-sms', prefix: 'bull' } as const;

/** How long a finished campaign is kept by default: 7 days, in ms. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 3600 * 1000;
