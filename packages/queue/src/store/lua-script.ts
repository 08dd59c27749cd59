import { createHash } from 'node:crypto';
import type { RedisClient } from '../redis-connection.js';

/** A Lua script run with EVALSHA, loaded on first use and again after a Redis restart. */
export class LuaScript {
  readonly #source: string;
  readonly #sha: string;

  constructor(source: string) {
    this.#source = source;
    this.#sha = createHash('sha1').update(source).digest('hex');
  }

  /** The script's Lua source. */
  get source(): string {
    return this.#source;
  }

  /** Runs the script atomically with these keys and arguments. */
  async run(
    redis: RedisClient,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    try {
      return await redis.evalsha(this.#sha, keys.length, ...keys, ...args);
    } catch (error) {
      // A restarted Redis has an empty script cache.
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.#source, keys.length, ...keys, ...args);
    }
  }
}
