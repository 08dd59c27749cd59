import { Cluster, type Redis } from 'ioredis';
import type { RedisClient } from '../redis-connection.js';

/**
 * Our ioredis client and every duplicate made of it — BullMQ duplicates it for each
 * worker's connections, `watchCampaign` for its subscriber — so that `close` can end
 * them all, including those BullMQ would otherwise leave waiting.
 */
export class ClientFamily {
  readonly root: RedisClient;
  readonly #duplicates = new Set<RedisClient>();

  constructor(root: RedisClient) {
    this.root = root;
    const duplicate = root.duplicate.bind(root) as (...args: unknown[]) => RedisClient;
    // An own property: BullMQ's proxy of the client calls it as it is.
    root.duplicate = ((...args: unknown[]) => {
      const made = duplicate(...args);
      this.#duplicates.add(made);
      made.once('end', () => this.#duplicates.delete(made));
      return made;
    }) as never;
  }

  /** Ends every client of the family at once, whatever its state (see {@link endClient}). */
  endAll(): void {
    for (const client of [...this.#duplicates, this.root]) endClient(client);
  }
}

/**
 * Ends a client now, and settles every command still waiting on it. `disconnect()`
 * alone leaves a client that was waiting to reconnect (Redis went away) parked, and
 * its pending commands — a BullMQ fetch, with a watchdog timer racing it for up to 11 s
 * — never settle; BullMQ may also have marked the client `end` by hand while they
 * wait. So they are rejected here with the error ioredis gives a closed client. A
 * Cluster ends each node's client the same way.
 */
export function endClient(client: RedisClient): void {
  if (client instanceof Cluster) {
    const nodes = client.nodes('all');
    client.disconnect();
    for (const node of nodes) endClient(node);
    return;
  }
  endRedis(client);
}

function endRedis(client: Redis): void {
  client.disconnect();
  const closed = new Error('Connection is closed.');
  client.recoverFromFatalError(closed, closed, { offlineQueue: true, commandQueue: true });
}
