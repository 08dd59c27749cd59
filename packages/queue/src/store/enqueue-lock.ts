import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
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

const TTL_MS = 30_000;

/**
 * A lease held while one process enqueues a campaign, renewed while it runs, so two
 * enqueues of the same campaign cannot interleave; a crashed enqueue's lease expires and
 * a later enqueue resumes it.
 */
export class EnqueueLock {
  readonly #redis: Redis;
  readonly #key: string;
  readonly #token = randomUUID();
  #timer: NodeJS.Timeout | undefined;

  constructor(redis: Redis, key: string) {
    this.#redis = redis;
    this.#key = key;
  }

  /** Takes the lease; false when another process holds it. */
  async acquire(): Promise<boolean> {
    const ok = await this.#redis.set(this.#key, this.#token, 'PX', TTL_MS, 'NX');
    if (ok !== 'OK') return false;
    this.#timer = setInterval(() => {
      renew.run(this.#redis, [this.#key], [this.#token, TTL_MS]).catch(() => {});
    }, TTL_MS / 3);
    this.#timer.unref();
    return true;
  }

  /** Gives the lease back. */
  async release(): Promise<void> {
    clearInterval(this.#timer);
    await release.run(this.#redis, [this.#key], [this.#token]);
  }
}
