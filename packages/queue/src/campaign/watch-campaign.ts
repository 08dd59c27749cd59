import { ValidationError } from '@intl-sms/core';
import { checkKnownKeys, checkOneOf } from '../check-options.js';
import { positive } from '../check-positive.js';
import { orAbort } from '../lifecycle/deadline.js';
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
  /** Stops watching: the loop ends without an error. */
  readonly signal?: AbortSignal;
}

/** Refuses bad {@link WatchOptions} with a `ValidationError` naming the field. */
export function checkWatchOptions(options: unknown): void {
  checkKnownKeys(
    options,
    ['intervalMs', 'heartbeatMs', 'until', 'signal'],
    'watchCampaign options',
  );
  const o = (options ?? {}) as Record<string, unknown>;
  positive('intervalMs', o.intervalMs);
  positive('heartbeatMs', o.heartbeatMs);
  checkOneOf('until', o.until, ['sent', 'complete']);
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal))
    throw new ValidationError('signal', 'signal must be an AbortSignal');
}

/**
 * Yields a snapshot of the campaign at once, then after every change a worker publishes
 * (at most one per `intervalMs`), until the campaign is done or the signal aborts. Built
 * on Redis pub/sub with a heartbeat, so a missed message only delays a snapshot.
 * `stop` (the queue closing) ends it like `options.signal`.
 */
export async function* watchCampaign(
  store: CampaignStore,
  campaignId: string,
  watchOptions: WatchOptions = {},
  stop?: AbortSignal,
): AsyncGenerator<CampaignStatus> {
  checkWatchOptions(watchOptions);
  const signals = [watchOptions.signal, stop].filter((s): s is AbortSignal => s !== undefined);
  const signal = AbortSignal.any(signals);
  const intervalMs = watchOptions.intervalMs ?? 250;
  const heartbeatMs = watchOptions.heartbeatMs ?? 5_000;
  const subscriber = store.redis.duplicate();
  let changed = true;
  let wake: (() => void) | undefined;
  subscriber.on('message', () => {
    changed = true;
    wake?.();
  });
  subscriber.on('error', () => {});
  // Also drops the subscriber, so a call waiting for an unreachable Redis ends too.
  const onAbort = () => {
    subscriber.disconnect();
    wake?.();
  };
  signal.addEventListener('abort', onAbort);
  try {
    await orAbort(subscriber.subscribe(store.keys(campaignId).events), signal);
    while (!signal.aborted) {
      changed = false;
      const status = await orAbort(store.status(campaignId, { limit: 0 }), signal);
      if (!status) return;
      yield status;
      if (isDone(status, watchOptions.until ?? 'complete')) return;
      await sleep(intervalMs, signal);
      if (!changed && !signal.aborted) {
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
  } catch (error) {
    // A read cut short by the abort (the queue closed its connection) is the end, not a failure.
    if (!signal.aborted) throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    subscriber.disconnect();
  }
}

function isDone(status: CampaignStatus, until: 'sent' | 'complete'): boolean {
  if (FINAL_STATES.includes(status.state)) return true;
  return until === 'sent' && status.state === 'awaiting-receipts';
}

/** Waits `ms`, or less if `signal` aborts; leaves no listener behind (a watch may loop for hours). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
