import { describe, expect, it } from 'vitest';
import { guarded } from './sweep-chunks.js';
import type { SweeperContext } from './sweeper.js';

function reported() {
  const errors: Error[] = [];
  const context = { onError: (error: Error) => errors.push(error) } as unknown as SweeperContext;
  return { context, errors };
}

describe('a sweep step', () => {
  it('reports what failed as SWEEP_FAILED, naming the step, and goes on', async () => {
    const { context, errors } = reported();
    await guarded(context, 'chunk 3 of c', async () => {
      throw new Error('bad record');
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'SWEEP_FAILED' });
    expect(errors[0]?.message).toContain('chunk 3 of c');
  });

  // Found when Redis was killed as a sweep ran: the outage was reported once as
  // REDIS_UNAVAILABLE and again as SWEEP_FAILED.
  it('passes a lost connection on as it is, to join the outage report', async () => {
    const { context, errors } = reported();
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), {
      code: 'ECONNREFUSED',
    });
    await guarded(context, 'campaign c', async () => {
      throw lost;
    });
    expect(errors).toEqual([lost]);
  });
});
