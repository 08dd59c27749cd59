import { ReplyError } from 'ioredis';
import { isConnectionError } from '../lifecycle/error-reporter.js';

/** How long {@link persist} keeps trying while Redis is away, in ms. */
export const PERSIST_FOR_MS = 5 * 60_000;

/**
 * Runs a Redis write until it gets through: a submit's outcome, once known, must reach
 * Redis even across a Redis restart or a Cluster failover, or the next attempt would
 * have to treat the chunk as unknown. Only what says "Redis is not reachable, or not
 * now" is retried, with backoff, for up to `forMs`: connection errors, replies such as
 * LOADING after a restart, CLUSTERDOWN or MOVED during a failover, and OOM — a full
 * Redis (`noeviction`) that an operator can grow or clean. Anything else is thrown at
 * once: a bug, or a refusal such as BullMQ's of a job id, would fail the same way for
 * five minutes. "Connection is closed" is thrown at once too: ioredis says it only of a
 * client that will never reconnect (we closed it: the worker is shutting down), which is
 * the same as this process dying mid-job — the chunk stays claimed and is reconciled,
 * never resent. Every write passed here is idempotent for its attempt.
 */
export async function persist<T>(write: () => Promise<T>, forMs = PERSIST_FOR_MS): Promise<T> {
  const deadline = Date.now() + forMs;
  for (let pause = 100; ; pause = Math.min(pause * 2, 2_000)) {
    try {
      return await write();
    } catch (error) {
      if (!isTransient(error) || Date.now() + pause > deadline) throw error;
      // Unref'd: a pause between tries must not keep a closing process alive.
      await new Promise((resolve) => setTimeout(resolve, pause).unref());
    }
  }
}

/** What ioredis rejects commands with once a client (or a Cluster) has ended for good. */
const ENDED = /^(Connection is closed\.|Cluster is ended\.)$/;

/** Redis replies that mean "not now": restarting, busy, failing over, full. */
const TRANSIENT_REPLIES =
  /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY|MOVED|ASK|NOREPLICAS|OOM)\b/;

/** ioredis errors of a Redis or Cluster that is reconnecting or finding its nodes. */
const CLIENT_WAITING =
  /Too many Cluster redirections|Failed to refresh slots cache|None of startup nodes is available|Command aborted due to connection close|Connection is closed|Stream isn't writeable/;

/** Whether a failed write may succeed if tried again later (see {@link persist}). */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (ENDED.test(error.message)) return false;
  if (error instanceof ReplyError) return TRANSIENT_REPLIES.test(error.message);
  const name = error.name;
  if (name === 'ClusterAllFailedError' || name === 'MaxRetriesPerRequestError') return true;
  if (name === 'AbortError' && !ENDED.test(error.message)) return true;
  return isConnectionError(error) || CLIENT_WAITING.test(error.message);
}
