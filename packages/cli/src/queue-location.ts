import type { RedisConnection } from '@intl-sms/queue';
import type { Command } from 'commander';
import { UsageError } from './exit-codes.js';

/** Flags that say which queue, on which Redis (`worker` and `campaign …`). */
export interface QueueFlags {
  readonly redis?: string;
  readonly redisCluster?: string;
  readonly queue?: string;
  readonly prefix?: string;
}

/** Adds the queue flags to a command; their defaults come from the environment. */
export function addQueueFlags(command: Command): Command {
  return command
    .option('--redis <url>', 'Redis URL (default: REDIS_URL)')
    .option(
      '--redis-cluster <nodes>',
      'a Redis Cluster instead: host:port,host:port… (default: REDIS_CLUSTER_NODES)',
    )
    .option('--queue <name>', 'queue name (default: INTL_SMS_QUEUE, or intl-sms)')
    .option('--prefix <prefix>', 'Redis key prefix (default: INTL_SMS_QUEUE_PREFIX, or bull)');
}

/** Where the queue is, ready for `createSmsQueue` / `createSmsWorker`. */
export interface QueueLocation {
  readonly connection: RedisConnection;
  readonly name?: string;
  readonly prefix?: string;
  /** For messages: host and port (or the cluster's nodes), never a password. */
  readonly where: string;
  /** Lets go of the Cluster template, if one was made. */
  close(): void;
}

/**
 * The queue's Redis and names: flags first, then `REDIS_URL` / `REDIS_CLUSTER_NODES`,
 * `INTL_SMS_QUEUE` and `INTL_SMS_QUEUE_PREFIX`. No Redis at all is a usage error (the
 * queue has no default Redis, so a forgotten variable cannot go unnoticed).
 */
export async function queueLocation(flags: QueueFlags): Promise<QueueLocation> {
  const name = flags.queue ?? (process.env.INTL_SMS_QUEUE || undefined);
  const prefix = flags.prefix ?? (process.env.INTL_SMS_QUEUE_PREFIX || undefined);
  const names = { ...(name ? { name } : {}), ...(prefix ? { prefix } : {}) };
  const clusterNodes =
    flags.redisCluster ?? (flags.redis ? undefined : process.env.REDIS_CLUSTER_NODES || undefined);
  if (clusterNodes) {
    const nodes = clusterNodes.split(',').map((node) => parseNode(node.trim()));
    // Loaded here: only the queue commands need ioredis.
    const { Cluster } = await import('ioredis');
    // The queue duplicates it; this one never connects.
    const template = new Cluster(nodes, { lazyConnect: true });
    const where = `cluster ${nodes.map((n) => `${n.host}:${n.port}`).join(', ')}`;
    return { connection: template, ...names, where, close: () => template.disconnect() };
  }
  const url = flags.redis ?? (process.env.REDIS_URL || undefined);
  if (!url)
    throw new UsageError(
      'No Redis: pass --redis redis://host:6379 (or --redis-cluster host:port,…), or set REDIS_URL (or REDIS_CLUSTER_NODES)',
    );
  return { connection: url, ...names, where: describeUrl(url), close: () => {} };
}

function parseNode(node: string): { host: string; port: number } {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(node);
  if (!match)
    throw new UsageError(
      `--redis-cluster (or REDIS_CLUSTER_NODES) takes host:port,host:port…, got ${JSON.stringify(node)}`,
    );
  return { host: match[1] as string, port: Number(match[2]) };
}

/** A Redis URL without its user name and password. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 6379}${parsed.pathname.length > 1 ? parsed.pathname : ''}`;
  } catch {
    throw new UsageError('--redis (or REDIS_URL) must be a URL such as redis://host:6379');
  }
}
