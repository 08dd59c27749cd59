import { type Queue, Worker } from 'bullmq';
import { HARD_STOP_MS, whenTrue, within } from '../lifecycle/deadline.js';
import type { ClientFamily } from '../lifecycle/end-clients.js';
import type { TransportHolder } from '../transport-source.js';
import type { InFlight } from './in-flight.js';

/**
 * A BullMQ worker that can be abandoned when its graceful `close()` cannot finish.
 * While Redis is unreachable, `close()` waits forever for a connection that never
 * comes (its connections park in "reconnecting" once disconnected, ioredis#1943), and
 * a second `close(true)` only returns the first call's promise — meanwhile its lock
 * renewal timer keeps re-arming, so the process could never exit.
 */
export class AbandonableWorker<Data, Result> extends Worker<Data, Result> {
  /** Stops intake and every timer, and drops the connections, without waiting for Redis. */
  async abandon(): Promise<void> {
    await this.pause(true); // also stops the stalled-jobs checker
    await this.lockManager.close();
    await this.getBackend().close(true);
  }
}

/** What a worker owns and must release on close. */
export interface WorkerParts {
  readonly workers: readonly Pick<AbandonableWorker<never, never>, 'close' | 'abandon'>[];
  /** Queues on the shared client (`redis`): closing them does not touch the connection. */
  readonly queues: readonly Queue[];
  /** Our client (shared by the queues) and its duplicates (the workers' connections). */
  readonly clients: ClientFamily;
  readonly inFlight: InFlight;
  readonly transport: TransportHolder;
}

/**
 * Graceful, then bounded, shutdown. BullMQ's `close()` stops intake and waits for the
 * jobs in progress; it gets until `timeoutMs`, or less when there is nothing to wait
 * for (no job of ours running and Redis away, when it could never finish). After that
 * the workers are abandoned. A submit still running then is abandoned as if the
 * process had died: its chunk stays claimed, and the next worker marks it for
 * reconciliation instead of sending it again.
 */
export async function closeWorker(parts: WorkerParts, timeoutMs: number): Promise<void> {
  let drained = false;
  const graceful = Promise.all(parts.workers.map((worker) => worker.close())).then(() => {
    drained = true;
  });
  const pointless = whenTrue(
    () => parts.inFlight.size === 0 && parts.clients.root.status !== 'ready',
    50,
  );
  await within(Promise.race([graceful, pointless.reached]), timeoutMs);
  pointless.stop();
  const rest = async () => {
    if (!drained) await Promise.allSettled(parts.workers.map((worker) => worker.abandon()));
    // Queues on the shared client close without a round trip.
    await Promise.allSettled(parts.queues.map((queue) => queue.close()));
  };
  await within(rest(), HARD_STOP_MS);
  // Redis first: a job still running must not record "refused" when it finds the
  // transport closed under it; with the client gone it records nothing.
  parts.clients.endAll();
  await within(parts.transport.close(), HARD_STOP_MS);
}
