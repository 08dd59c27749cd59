import { QUEUE_DEFAULTS, type QueueLocation } from './queue-settings.js';
import { isCluster } from './redis-connection.js';
import { queueBase } from './store/campaign-keys.js';

/** Where a queue's keys live, as BullMQ and our campaign records name them. */
export interface ResolvedLocation {
  /** The queue's name as given (default `intl-sms`). */
  readonly name: string;
  /** BullMQ's key prefix. */
  readonly prefix: string;
  /** The BullMQ queue of send jobs. */
  readonly sendQueue: string;
  /** The BullMQ queue of receipt polls. */
  readonly receiptsQueue: string;
  /** The prefix of our campaign records. */
  readonly base: string;
}

/** A Redis Cluster hash tag: `{…}` with something inside. */
const HASH_TAG = /\{[^}]+\}/;

/**
 * Names the keys of a queue. On a Redis Cluster every key a script touches must be in one
 * hash slot, BullMQ's keys included, so unless the prefix already holds a hash tag (as
 * BullMQ's docs suggest, `{myapp}`), the BullMQ queues are named `{name}` and
 * `{name}-receipts`: their keys (`bull:{name}:wait`) then hash like our campaign records
 * (`bull:{name}-sms:c:…`; not `bull:{name}:…`, which is BullMQ's own namespace then).
 * Each queue name lands in its own slot, so queues spread over the masters. On one Redis
 * the names stay as given, so existing keys and dashboards keep working.
 */
export function resolveLocation(location: QueueLocation): ResolvedLocation {
  const name = location.name ?? QUEUE_DEFAULTS.name;
  const prefix = location.prefix ?? QUEUE_DEFAULTS.prefix;
  const tagged = isCluster(location.connection) && !HASH_TAG.test(prefix);
  const sendQueue = tagged ? `{${name}}` : name;
  return {
    name,
    prefix,
    sendQueue,
    receiptsQueue: `${sendQueue}-receipts`,
    base: tagged ? `${queueBase(prefix, name)}-sms` : queueBase(prefix, name),
  };
}
