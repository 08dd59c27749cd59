import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../errors/timeout-error.js';
import { useMockServer } from '../test-support/mock-server.js';

const env = useMockServer();

describe('the fetch engine', () => {
  it('ends a call at its timeout even when the injected fetch ignores the signal', async () => {
    await env.inject('PUT', '/__mock/faults', [
      { endpoint: 'balance', type: 'latency', delayMs: 3000 },
    ]);
    const fetchWithoutSignal: typeof fetch = (url, init) =>
      globalThis.fetch(url, { ...init, signal: null });
    const sms = env.transport({
      fetch: fetchWithoutSignal,
      timeout: 300,
      responseTimeout: 200,
      retry: false,
    });
    const started = performance.now();
    const error = await sms.getBalance().catch((e: unknown) => e);
    const took = performance.now() - started;
    expect(TimeoutError.isInstance(error)).toBe(true);
    // The server answers after 3 s; the call gave up long before.
    expect(took).toBeLessThan(2000);
    await sms.close();
  });
});
