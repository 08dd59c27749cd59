import { ReplyError } from 'ioredis';

/** How long {@link persist} keeps trying while Redis is away, in ms. */
const PERSIST_FOR_MS = 5 * 60_000;

/**
 * Runs a Redis write until it gets through: a submit's outcome, once known, must reach
 * Redis even across a Redis restart, or the next attempt would have to treat the chunk
 * as unknown. Connection errors and "not now" replies (LOADING after a restart) are
 * retried with backoff; any other reply error (a bug, a full Redis) is thrown at once,
 * and so is "Connection is closed": ioredis says it only of a client that will never
 * reconnect (we closed it: the worker is shutting down), which is the same as this
 * process dying mid-job — the chunk stays claimed and is reconciled, never resent.
 * Every write passed here is idempotent for its attempt.
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

/** What ioredis rejects commands with once a client has ended for good. */
const CONNECTION_CLOSED = 'Connection is closed.';

/** Redis replies that mean "not now" (a restarted Redis loading its data, a busy script). */
const TRANSIENT_REPLIES = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY)\b/;

function isTransient(error: unknown): boolean {
  if (error instanceof Error && error.message === CONNECTION_CLOSED) return false;
  if (!(error instanceof ReplyError)) return true;
  return TRANSIENT_REPLIES.test((error as Error).message);
}
