import type { Redis } from 'ioredis';

/**
 * Our ioredis client and every duplicate made of it — BullMQ duplicates it for each
 * worker's connections, `watchCampaign` for its subscriber — so that `close` can end
 * them all, including those BullMQ would otherwise leave waiting.
 */
export class ClientFamily {
  readonly root: Redis;
  readonly #duplicates = new Set<Redis>();

  constructor(root: Redis) {
    this.root = root;
    const duplicate = root.duplicate.bind(root);
    // An own property: BullMQ's proxy of the client calls it as it is.
    root.duplicate = ((...args: Parameters<Redis['duplicate']>) => {
      const made = duplicate(...args);
      this.#duplicates.add(made);
      made.once('end', () => this.#duplicates.delete(made));
      return made;
    }) as Redis['duplicate'];
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
 * wait. So they are rejected here with the error ioredis gives a closed client.
 */
export function endClient(client: Redis): void {
  client.disconnect();
  const closed = new Error('Connection is closed.');
  client.recoverFromFatalError(closed, closed, { offlineQueue: true, commandQueue: true });
}
