import { randomUUID } from 'node:crypto';
import { SmsError } from '@intl-sms/core';
import type { RedisClient } from '../redis-connection.js';
import type { Lease } from './campaign-store.js';
import { LuaScript } from './lua-script.js';

const renew = new LuaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`);
const release = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`);

/** How long the lease lasts without renewal, in ms; it is renewed every third of it. */
export const ENQUEUE_LEASE_MS = 30_000;

/**
 * A lease held while one process enqueues a campaign, renewed while it runs, so two
 * enqueues of the same campaign cannot interleave; a crashed enqueue's lease expires and
 * a later enqueue resumes it. Every write of the enqueue is fenced with the lease's
 * token (the scripts check it), so an enqueue whose lease expired — a long pause, Redis
 * away for longer than the lease — and was taken over by another process writes nothing
 * more; a renewal that finds the lease gone stops it at its next step ({@link check}).
 */
export class EnqueueLock implements Lease {
  readonly key: string;
  readonly token = randomUUID();
  readonly #redis: RedisClient;
  readonly #campaignId: string;
  #timer: NodeJS.Timeout | undefined;
  #lost = false;

  constructor(redis: RedisClient, key: string, campaignId: string) {
    this.#redis = redis;
    this.key = key;
    this.#campaignId = campaignId;
  }

  /** Takes the lease; false when another process holds it. */
  async acquire(): Promise<boolean> {
    const ok = await this.#redis.set(this.key, this.token, 'PX', ENQUEUE_LEASE_MS, 'NX');
    if (ok !== 'OK') return false;
    this.#timer = setInterval(() => {
      renew.run(this.#redis, [this.key], [this.token, ENQUEUE_LEASE_MS]).then(
        (renewed) => {
          if (renewed === 0) this.#lost = true;
        },
        // Redis away: the scripts' fence decides once it is back.
        () => {},
      );
    }, ENQUEUE_LEASE_MS / 3);
    this.#timer.unref();
    return true;
  }

  /** Throws `CAMPAIGN_BUSY` once the lease is known to be lost. */
  check(): void {
    if (this.#lost) throw this.lostError();
  }

  /** The error of an enqueue that lost its lease: another process may be enqueuing now. */
  lostError(): SmsError {
    this.#lost = true;
    return new SmsError(
      'CAMPAIGN_BUSY',
      `The enqueue of campaign ${this.#campaignId} lost its lease (held ${ENQUEUE_LEASE_MS / 1000} s without renewal, e.g. while Redis was away) and stopped: another process may be enqueuing it now. What was stored stays; enqueue it again to finish it`,
    );
  }

  /** Gives the lease back. */
  async release(): Promise<void> {
    clearInterval(this.#timer);
    if (!this.#lost) await release.run(this.#redis, [this.key], [this.token]);
  }
}
