import { ReplyError } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { persist } from './persist.js';

/** A write that fails with `errors` in turn, then succeeds; counts its calls. */
function flaky(errors: Error[]) {
  let calls = 0;
  const write = async () => {
    calls++;
    const error = errors.shift();
    if (error) throw error;
    return 'ok';
  };
  return { write, calls: () => calls };
}

describe('persist', () => {
  // Found by review: a full Redis (noeviction) answered OOM and the submit's outcome was
  // dropped at once; it is retried until the operator makes room.
  it('retries OOM, failover and restart replies until the write gets through', async () => {
    const replies = [
      'OOM command not allowed when used memory > maxmemory',
      'CLUSTERDOWN',
      'LOADING',
    ];
    const run = flaky(replies.map((message) => new ReplyError(message)));
    await expect(persist(run.write, 10_000)).resolves.toBe('ok');
    expect(run.calls()).toBe(4);
  });

  it('retries an unreachable Redis', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), {
      code: 'ECONNREFUSED',
    });
    const run = flaky([refused, new Error('Too many Cluster redirections. Last error: x')]);
    await expect(persist(run.write, 10_000)).resolves.toBe('ok');
  });

  // Found by review: BullMQ refusing a job id (a batch number with ":") was retried for
  // five minutes.
  it('throws a refusal that would fail the same way again at once', async () => {
    const refusals = [
      new Error('Custom Id cannot contain :'),
      new ReplyError('ERR wrong number of arguments'),
      new TypeError('x is not a function'),
      new Error('Connection is closed.'),
    ];
    for (const refusal of refusals) {
      const run = flaky([refusal]);
      const started = Date.now();
      await expect(persist(run.write, 60_000)).rejects.toBe(refusal);
      expect(run.calls()).toBe(1);
      expect(Date.now() - started).toBeLessThan(1_000);
    }
  });
});
