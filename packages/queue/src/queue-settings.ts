import type { RedisConnection } from './redis-connection.js';
import type { TransportSource } from './transport-source.js';

/** Where the queue lives; workers and queues of one deployment must agree on all three. */
export interface QueueLocation {
  /** The Redis to use. */
  readonly connection: RedisConnection;
  /** The queue's name (default `intl-sms`). */
  readonly name?: string;
  /** Prefix of every Redis key, BullMQ's and the campaign records (default `bull`). */
  readonly prefix?: string;
}

/** Settings shared by `createSmsQueue` and `createSmsWorker`. */
export interface QueueSettings extends QueueLocation, TransportSource {}

/** The defaults of {@link QueueLocation}. */
export const QUEUE_DEFAULTS = { name: 'intl-sms', prefix: 'bull' } as const;
