import type { CampaignStore } from '../store/campaign-store.js';
import { type CampaignStatus, FINAL_STATES } from './campaign-status.js';

/** Options of `SmsQueue.watchCampaign`. */
export interface WatchOptions {
  /** Least time between two snapshots, in ms (default 250). */
  readonly intervalMs?: number;
  /** A snapshot at least this often even without news, in ms (default 5,000). */
  readonly heartbeatMs?: number;
  /** `sent` ends once every chunk is settled; `complete` (default) once receipts are final too. */
  readonly until?: 'sent' | 'complete';
  /** Stops watching. */
  readonly signal?: AbortSignal;
}

/**
 * Yields a snapshot of the campaign at once, then after every change a worker publishes
 * (at most one per `intervalMs`), until the campaign is done or the signal aborts. Built
 * on Redis pub/sub with a heartbeat, so a missed message only delays a snapshot.
 */
export async function* watchCampaign(
  store: CampaignStore,
  campaignId: string,
  options: WatchOptions = {},
): AsyncGenerator<CampaignStatus> {
  const intervalMs = options.intervalMs ?? 250;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const subscriber = store.redis.duplicate();
  let changed = true;
  let wake: (() => void) | undefined;
  subscriber.on('message', () => {
    changed = true;
    wake?.();
  });
  subscriber.on('error', () => {});
  const onAbort = () => wake?.();
  options.signal?.addEventListener('abort', onAbort);
  try {
    await subscriber.subscribe(store.keys(campaignId).events);
    while (!options.signal?.aborted) {
      changed = false;
      const status = await store.status(campaignId, { limit: 0 });
      if (!status) return;
      yield status;
      if (isDone(status, options.until ?? 'complete')) return;
      await sleep(intervalMs, options.signal);
      if (!changed && !options.signal?.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, heartbeatMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    subscriber.disconnect();
  }
}

function isDone(status: CampaignStatus, until: 'sent' | 'complete'): boolean {
  if (FINAL_STATES.includes(status.state)) return true;
  return until === 'sent' && status.state === 'awaiting-receipts';
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
